package dev.lockbox.api.portal;

import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxState;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The request page and the decision's result page, the same whether the approver came from the
 * portal or from an email link; only where the page's forms post to differs.
 */
@Component
class RequestPages {

  private final LockboxRequests requests;
  private final Directory directory;
  private final Clock clock;

  RequestPages(LockboxRequests requests, Directory directory, Clock clock) {
    this.requests = requests;
    this.directory = directory;
    this.clock = clock;
  }

  /** One request, with approve and deny forms posting to {@code actionBase} for its approvers. */
  String request(LockboxState state, DirectoryUser user, String actionBase, Model model) {
    boolean mayDecide = requests.mayDecide(user, state);
    model.addAttribute("page", RequestPage.of(state, directory, mayDecide, clock.instant()));
    model.addAttribute("actionBase", actionBase);
    return "portal/request";
  }

  /** What a decision did, or that it came too late and who decided instead. */
  String result(LockboxRequests.Outcome outcome, DecisionKind kind, Model model) {
    model.addAttribute("page", RequestPage.of(outcome.state(), directory, false, clock.instant()));
    model.addAttribute("taken", outcome.taken());
    model.addAttribute("kind", kind.name().toLowerCase(Locale.ROOT));
    return "portal/result";
  }
}
