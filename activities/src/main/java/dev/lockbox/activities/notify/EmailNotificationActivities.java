package dev.lockbox.activities.notify;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.links.ApprovalLink;
import dev.lockbox.links.ApprovalLinkSigner;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.LockboxRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails approvers (each with their own signed link) and requesters, through SendGrid or the dev
 * outbox. The workflow passes user ids only; addresses come from the directory and links are signed
 * here, so neither enters the workflow history.
 */
public class EmailNotificationActivities implements NotificationActivities {

  private static final Logger log = LoggerFactory.getLogger(EmailNotificationActivities.class);

  private final Mailer mailer;
  private final EmailRenderer renderer;
  private final Directory directory;
  private final ApprovalLinkSigner signer;
  private final NotificationSettings settings;
  private final Runnable emailFailed;
  private final SentLedger sent = new SentLedger();

  /**
   * @param emailFailed called once per email given up on (the lockbox_emails_failed metric)
   */
  public EmailNotificationActivities(
      Mailer mailer,
      EmailRenderer renderer,
      Directory directory,
      ApprovalLinkSigner signer,
      NotificationSettings settings,
      Runnable emailFailed) {
    this.mailer = mailer;
    this.renderer = renderer;
    this.directory = directory;
    this.signer = signer;
    this.settings = settings;
    this.emailFailed = emailFailed;
  }

  @Override
  public void notifyApprovers(ApprovalNotice notice) {
    LockboxRequest r = notice.request();
    String requesterName =
        directory.user(r.requester()).map(DirectoryUser::displayName).orElse(r.requester());
    deliver(
        r,
        notice.kind(),
        onceKey(notice),
        notice.approvers(),
        approver ->
            renderer.approval(notice, approver, requesterName, approvalLink(notice, approver)));
  }

  @Override
  public void notifyRequester(RequesterNotice notice) {
    LockboxRequest r = notice.request();
    deliver(
        r,
        notice.kind(),
        notice.itemId() == null ? notice.kind().name() : notice.kind() + "@" + notice.itemId(),
        List.of(r.requester()),
        requester -> renderer.requester(notice, requester, requestPage(r)));
  }

  /**
   * Each approval level asks its approvers once: someone who approves at two levels hears of the
   * request at each, so the "sent once" key names the level after the first.
   */
  private static String onceKey(ApprovalNotice notice) {
    if (notice.itemId() != null) {
      // Each question and extension is its own notice; an extension's levels are asked in turn.
      int level = notice.approval() == null ? 1 : notice.approval().currentLevel();
      return notice.kind() + "@" + notice.itemId() + "@level-" + level;
    }
    int level = notice.approval() == null ? 1 : notice.approval().currentLevel();
    return level <= 1 ? notice.kind().name() : notice.kind().name() + "@level-" + level;
  }

  private String approvalLink(ApprovalNotice notice, DirectoryUser approver) {
    if (notice.kind() == NoticeKind.BREAK_GLASS_USED || notice.itemId() != null) {
      return requestPage(notice.request());
    }
    String token =
        signer.sign(
            new ApprovalLink(notice.request().requestId(), approver.id(), notice.expiresAt()));
    return base() + "/portal/link/" + token;
  }

  private String requestPage(LockboxRequest r) {
    return base() + "/portal/requests/" + r.requestId();
  }

  private String base() {
    return settings.portalBaseUrl().replaceAll("/+$", "");
  }

  /**
   * Sends to every recipient, even when one fails, then fails the activity if any did: retryable
   * when a retry could help (already sent emails are skipped then), UNDELIVERABLE otherwise.
   */
  private void deliver(
      LockboxRequest r,
      NoticeKind kind,
      String onceKey,
      List<String> userIds,
      Function<DirectoryUser, Email> render) {
    List<String> refused = new ArrayList<>();
    ApplicationFailure retryable = null;
    for (String userId : userIds) {
      if (sent.contains(r.requestId(), onceKey, userId)) {
        continue;
      }
      Optional<DirectoryUser> user =
          directory.user(userId).filter(u -> u.email() != null && !u.email().isBlank());
      if (user.isEmpty()) {
        log.warn(
            "{} notice of {}: {} has no email address in the directory",
            kind,
            r.requestId(),
            userId);
        refused.add(userId + ": no email address in the directory");
        continue;
      }
      try {
        mailer.send(r.requestId(), kind.name(), render.apply(user.get()));
        sent.record(r.requestId(), onceKey, userId);
      } catch (ApplicationFailure failure) {
        if (failure.isNonRetryable()) {
          refused.add(userId + ": " + failure.getOriginalMessage());
        } else {
          retryable = failure;
        }
      }
    }
    refused.forEach(refusal -> emailFailed.run());
    if (retryable != null) {
      if (isLastAttempt()) {
        emailFailed.run();
      }
      throw retryable;
    }
    if (!refused.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          kind + " email not delivered to " + String.join("; ", refused), UNDELIVERABLE);
    }
  }

  /** The workflow stops retrying after this attempt; outside an activity (tests) there is none. */
  private static boolean isLastAttempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt() >= MAX_ATTEMPTS;
    } catch (IllegalStateException notInAnActivity) {
      return false;
    }
  }
}
