package dev.lockbox.local;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.OutboxMessage;
import dev.lockbox.activities.notify.SendGridSettings;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.text.HumanText;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dev/outbox}: the emails Lockbox would have sent, with their links, so a newcomer can
 * click through. Only in the embedded default (lockbox.jar without {@code TEMPORAL_ADDRESS}), and,
 * like every page outside the API, only for signed-in users. Each user sees only the emails
 * addressed to them: an approval email carries the justification, the resource and the addressee's
 * own signed link, which are no business of another tenant's approver or an engineer.
 */
@Controller
@ConditionalOnProperty(name = "lockbox.embedded.active", havingValue = "true")
class DevOutboxController {

  private final DevOutbox outbox;
  private final SendGridSettings sendGrid;
  private final CurrentUser currentUser;

  DevOutboxController(DevOutbox outbox, SendGridSettings sendGrid, CurrentUser currentUser) {
    this.outbox = outbox;
    this.sendGrid = sendGrid;
    this.currentUser = currentUser;
  }

  @GetMapping("/dev/outbox")
  String outbox(Model model) {
    model.addAttribute("messages", addressedTo(currentUser.get().email()));
    model.addAttribute("sendGrid", sendGrid.enabled());
    model.addAttribute(
        "time", (java.util.function.Function<java.time.Instant, String>) HumanText::time);
    return "dev/outbox";
  }

  private List<OutboxMessage> addressedTo(String email) {
    return outbox.messages().stream()
        .filter(message -> email != null && message.to().equalsIgnoreCase(email))
        .toList();
  }
}
