package dev.lockbox.local;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.SendGridSettings;
import dev.lockbox.text.HumanText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dev/outbox}: the emails Lockbox would have sent, with their links, so a newcomer can
 * click through. Only in the embedded default (lockbox.jar without {@code TEMPORAL_ADDRESS}), and,
 * like every page outside the API, only for signed-in users.
 */
@Controller
@ConditionalOnProperty(name = "lockbox.embedded.active", havingValue = "true")
class DevOutboxController {

  private final DevOutbox outbox;
  private final SendGridSettings sendGrid;

  DevOutboxController(DevOutbox outbox, SendGridSettings sendGrid) {
    this.outbox = outbox;
    this.sendGrid = sendGrid;
  }

  @GetMapping("/dev/outbox")
  String outbox(Model model) {
    model.addAttribute("messages", outbox.messages());
    model.addAttribute("sendGrid", sendGrid.enabled());
    model.addAttribute(
        "time", (java.util.function.Function<java.time.Instant, String>) HumanText::time);
    return "dev/outbox";
  }
}
