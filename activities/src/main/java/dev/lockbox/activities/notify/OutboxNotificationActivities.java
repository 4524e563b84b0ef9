package dev.lockbox.activities.notify;

import dev.lockbox.platform.directory.Directory;
import dev.lockbox.platform.directory.DirectoryUser;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.LockboxRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders notifications and puts them in the dev outbox (and the log). */
public class OutboxNotificationActivities implements NotificationActivities {

  private static final Logger log = LoggerFactory.getLogger(OutboxNotificationActivities.class);

  private final DevOutbox outbox;
  private final Directory directory;
  private final NotificationSettings settings;
  private final Clock clock;

  public OutboxNotificationActivities(
      DevOutbox outbox, Directory directory, NotificationSettings settings, Clock clock) {
    this.outbox = outbox;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void notifyApprovers(ApprovalNotice notice) {
    LockboxRequest r = notice.request();
    List<String> emails =
        notice.approvers().stream()
            .map(directory::user)
            .flatMap(Optional::stream)
            .map(DirectoryUser::email)
            .toList();
    String subject =
        switch (notice.kind()) {
          case REMINDER -> "Reminder — Lockbox request expires soon: " + r.resourceId();
          case BREAK_GLASS_USED -> "Emergency access was used on " + r.resourceId();
          default -> "Lockbox: " + r.requester() + " asks for " + r.accessLevel() + " on " + r.resourceId();
        };
    String text =
        String.join(
            "\n",
            "A support engineer asks for access to your data.",
            "Ticket: " + r.supportTicketId(),
            "Engineer: " + r.requester(),
            "Resource: " + r.resourceType() + " " + r.resourceId() + " in " + r.subscriptionId(),
            "Access: " + r.accessLevel() + " for " + r.accessDuration(),
            "Justification: " + r.justification(),
            "Why you are asked: " + String.join("; ", notice.jit().reasons()),
            "Decide before: " + notice.expiresAt(),
            "Review: " + settings.portalBaseUrl() + "/api/lockbox-requests/" + r.requestId());
    deliver(r, notice.kind().name(), emails, subject, text);
  }

  @Override
  public void notifyRequester(RequesterNotice notice) {
    LockboxRequest r = notice.request();
    List<String> to = directory.user(r.requester()).map(DirectoryUser::email).stream().toList();
    String subject =
        "Lockbox request " + notice.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
            + r.accessLevel() + " on " + r.resourceId() + " (" + r.supportTicketId() + ")";
    String text =
        String.join(
            "\n",
            "Your Lockbox request for " + r.accessLevel() + " on " + r.resourceId() + " is "
                + notice.kind().name().toLowerCase(java.util.Locale.ROOT) + ".",
            notice.decision() == null ? "" : "By: " + notice.decision().actor() + " — " + notice.decision().comment(),
            notice.accessExpiresAt() == null ? "" : "Access until: " + notice.accessExpiresAt(),
            "Details: " + settings.portalBaseUrl() + "/api/lockbox-requests/" + r.requestId());
    deliver(r, notice.kind().name(), to, subject, text);
  }

  private void deliver(LockboxRequest r, String kind, List<String> to, String subject, String text) {
    if (outbox.deliver(new OutboxMessage(r.requestId(), kind, to, subject, text, clock.instant()))) {
      log.info("Dev outbox: {} notice of {} to {}", kind, r.requestId(), to);
    }
  }
}
