package dev.lockbox.api.portal;

import dev.lockbox.api.LockboxSettings;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxState;
import java.time.Clock;
import java.util.List;
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
  private final LockboxSettings settings;
  private final ViewerTime viewerTime;

  RequestPages(
      LockboxRequests requests,
      Directory directory,
      Clock clock,
      LockboxSettings settings,
      ViewerTime viewerTime) {
    this.requests = requests;
    this.directory = directory;
    this.clock = clock;
    this.settings = settings;
    this.viewerTime = viewerTime;
  }

  /** One request, with approve and deny forms posting to {@code actionBase} for its approvers. */
  String request(LockboxState state, DirectoryUser user, String actionBase, Model model) {
    model.addAttribute("page", page(state, user));
    model.addAttribute("talk", ConversationPage.of(state, user, viewerTime.zone()));
    model.addAttribute("actionBase", actionBase);
    return "portal/request";
  }

  /**
   * The "are you sure?" page before ending access or withdrawing a request: GET shows it, only its
   * POST form (with the CSRF token) acts. Offered only while the step is possible for this user.
   */
  String confirm(LockboxState state, DirectoryUser user, DecisionKind kind, Model model) {
    RequestPage page = page(state, user);
    boolean possible = kind == DecisionKind.REVOKE ? page.canRevoke() : page.canCancel();
    if (!possible) {
      return request(state, user, "/portal/requests/" + state.request().requestId(), model);
    }
    model.addAttribute("page", page);
    model.addAttribute("kind", kind.name().toLowerCase(Locale.ROOT));
    return "portal/confirm";
  }

  private RequestPage page(LockboxState state, DirectoryUser user) {
    List<DurationChoice> durations =
        DurationChoice.upTo(state.request().accessDuration(), settings.minimumAccessDuration());
    return RequestPage.of(
        state, directory, may(user, state), durations, clock.instant(), viewerTime.zone());
  }

  private RequestPage.Permissions may(DirectoryUser user, LockboxState state) {
    boolean decide = requests.mayDecide(user, state);
    ApprovalProgress approval = state.approval();
    boolean approved = approval != null && approval.approvedBy(user.id());
    boolean atThisLevel =
        approval == null
            || approval.levels().isEmpty()
            || approval.levels().get(approval.currentLevel() - 1).approvers().contains(user.id());
    return new RequestPage.Permissions(
        decide,
        decide && !approved && atThisLevel,
        approved,
        requests.mayTake(DecisionKind.REVOKE, user, state),
        requests.mayTake(DecisionKind.CANCEL, user, state));
  }

  /**
   * What a decision did, or that it came too late and who decided instead. The same decision by the
   * same person again (a second copy of the email, a second click) is told as what it is: already
   * done by them, not refused.
   */
  String result(
      LockboxRequests.Outcome outcome, DecisionKind kind, DirectoryUser user, Model model) {
    model.addAttribute(
        "page",
        RequestPage.of(
            outcome.state(),
            directory,
            RequestPage.Permissions.NONE,
            List.of(),
            clock.instant(),
            viewerTime.zone()));
    model.addAttribute("taken", outcome.taken());
    model.addAttribute("alreadyYours", !outcome.taken() && sameDecision(outcome, kind, user));
    model.addAttribute("kind", kind.name().toLowerCase(Locale.ROOT));
    return "portal/result";
  }

  /** An approve or deny this user already took (the email's and the portal's decisions). */
  private static boolean sameDecision(
      LockboxRequests.Outcome outcome, DecisionKind kind, DirectoryUser user) {
    DecisionRecord decision = outcome.state().decision();
    boolean customerDecision = kind == DecisionKind.APPROVE || kind == DecisionKind.DENY;
    return customerDecision
        && decision != null
        && decision.kind() == kind
        && decision.actor().equals(user.id());
  }
}
