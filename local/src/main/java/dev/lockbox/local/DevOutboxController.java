package dev.lockbox.local;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.OutboxMessage;
import dev.lockbox.activities.notify.SendGridSettings;
import dev.lockbox.api.portal.ViewerTime;
import dev.lockbox.api.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

  /**
   * An email's HTML as sent, framed by the outbox page only: no script, no plugin, no request
   * anywhere (inline styles and inline images only), its own unique origin (sandbox), so nothing in
   * a mail can act on the portal.
   */
  static final String EMAIL_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'self';"
          + " sandbox allow-popups allow-popups-to-escape-sandbox";

  private final DevOutbox outbox;
  private final SendGridSettings sendGrid;
  private final CurrentUser currentUser;
  private final ViewerTime viewerTime;

  DevOutboxController(
      DevOutbox outbox, SendGridSettings sendGrid, CurrentUser currentUser, ViewerTime viewerTime) {
    this.outbox = outbox;
    this.sendGrid = sendGrid;
    this.currentUser = currentUser;
    this.viewerTime = viewerTime;
  }

  /**
   * {@code to}: only the emails to this address (of those the user may see); blank: all of them.
   */
  @GetMapping("/dev/outbox")
  String outbox(@RequestParam(required = false) String to, Model model) {
    List<OutboxMessage> visible = addressedTo(currentUser.get().email());
    String filter = to == null || to.isBlank() ? null : to.strip();
    model.addAttribute(
        "messages",
        visible.stream()
            .filter(m -> filter == null || m.to().equalsIgnoreCase(filter))
            .map(m -> new Shown(m, DevOutbox.idOf(m), viewerTime.of(m.at())))
            .toList());
    model.addAttribute(
        "recipients",
        visible.stream().map(m -> m.to().toLowerCase(Locale.ROOT)).distinct().sorted().toList());
    model.addAttribute("to", filter);
    model.addAttribute("sendGrid", sendGrid.enabled());
    return "dev/outbox";
  }

  /** One email's HTML exactly as it was sent, for the outbox page's sandboxed frame. */
  @GetMapping("/dev/outbox/{id}/html")
  ResponseEntity<String> html(@PathVariable String id) {
    String email = currentUser.get().email();
    return outbox
        .message(id)
        .filter(m -> email != null && m.to().equalsIgnoreCase(email))
        .map(
            m ->
                ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", EMAIL_CSP)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(m.html()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private List<OutboxMessage> addressedTo(String email) {
    return outbox.messages().stream()
        .filter(message -> email != null && message.to().equalsIgnoreCase(email))
        .toList();
  }

  /** A message as the outbox page lists it: its frame's id and its time for the viewer. */
  record Shown(OutboxMessage message, String id, String at) {}
}
