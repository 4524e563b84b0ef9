package dev.lockbox.workflows.testing;

import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** In-memory activities that record every call, for workflow tests. One instance per test. */
public final class FakeActivities
    implements PolicyActivities,
        DirectoryActivities,
        NotificationActivities,
        AccessActivities,
        ReadModelActivities {

  public static final String APPROVER = "contoso-owner";
  public static final String SUPPORT_LEAD = "support-lead";

  /** The policy's cap on the time all extensions of a request may add. */
  public static final java.time.Duration MAX_EXTENSION = java.time.Duration.ofHours(24);

  public volatile JitOutcome outcome = JitOutcome.REQUIRE_CUSTOMER_APPROVAL;
  public volatile List<String> approvers = List.of(APPROVER);

  /** The tenant's approval levels; null for one approval by any of {@link #approvers}. */
  public volatile List<ApprovalLevel> approvalLevels;

  /** The role the policy asks for first; null for none. */
  public volatile String internalRole;

  public volatile List<String> internalApprovers = List.of(SUPPORT_LEAD);
  public volatile boolean emailUndeliverable;

  /** The policy cannot answer (its rules unreadable, say): the request must be refused. */
  public volatile boolean policyUnavailable;

  /** The access system refuses to move the end of a grant (say, it knows no extensions). */
  public volatile boolean extensionRefused;

  /** Approvers' emails wait for this latch, as a mail service that is slow or being retried. */
  public final CountDownLatch approverMailReleased = new CountDownLatch(0);

  private volatile CountDownLatch approverMail = approverMailReleased;
  private volatile CountDownLatch requesterMail = approverMailReleased;

  public final List<ApprovalNotice> notices = new CopyOnWriteArrayList<>();
  public final List<RequesterNotice> requesterNotices = new CopyOnWriteArrayList<>();
  public final List<AccessGrant> grants = new CopyOnWriteArrayList<>();
  public final List<String> revokes = new CopyOnWriteArrayList<>();
  public final List<AccessExtension> extensions = new CopyOnWriteArrayList<>();
  public final List<LockboxState> recorded = new CopyOnWriteArrayList<>();

  /** Runs as each state is written to the read model, before it is recorded. */
  public volatile Consumer<LockboxState> onRecordState = state -> {};

  @Override
  public JitEvaluation evaluateRequest(LockboxRequest request) {
    if (policyUnavailable) {
      throw ApplicationFailure.newNonRetryableFailure(
          "the rules file could not be read", "PolicyUnavailable");
    }
    return new JitEvaluation(
        outcome, "test-rule", List.of("decided by the test"), internalRole, null, MAX_EXTENSION);
  }

  @Override
  public List<String> findApprovers(String tenantId, String subscriptionId) {
    return approvers;
  }

  @Override
  public List<ApprovalLevel> findApprovalLevels(String tenantId, String subscriptionId) {
    return approvalLevels != null ? approvalLevels : ApprovalLevel.single(approvers);
  }

  @Override
  public List<String> findInternalApprovers(String internalRole) {
    return internalApprovers;
  }

  @Override
  public void notifyApprovers(ApprovalNotice notice) {
    awaitUninterruptibly(approverMail);
    if (emailUndeliverable) {
      throw ApplicationFailure.newNonRetryableFailure("mail provider said 400", UNDELIVERABLE);
    }
    notices.add(notice);
  }

  @Override
  public void notifyRequester(RequesterNotice notice) {
    awaitUninterruptibly(requesterMail);
    if (emailUndeliverable) {
      throw ApplicationFailure.newNonRetryableFailure("mail provider said 400", UNDELIVERABLE);
    }
    requesterNotices.add(notice);
  }

  @Override
  public void grantAccess(AccessGrant grant) {
    grants.add(grant);
  }

  @Override
  public void revokeAccess(String requestId) {
    revokes.add(requestId);
  }

  @Override
  public void extendAccess(AccessExtension extension) {
    if (extensionRefused) {
      throw ApplicationFailure.newNonRetryableFailure(
          "the access system answered 400 to the extend", "ExtensionRefused");
    }
    extensions.add(extension);
  }

  @Override
  public void recordState(LockboxState state) {
    onRecordState.accept(state);
    recorded.add(state);
  }

  @Override
  public void recordStates(List<LockboxState> states) {
    states.forEach(this::recordState);
  }

  /** Holds every approvers' email until the returned latch is counted down. */
  public CountDownLatch holdApproverMail() {
    CountDownLatch held = new CountDownLatch(1);
    approverMail = held;
    return held;
  }

  /** The engineer's emails wait until the returned latch is released. */
  public CountDownLatch holdRequesterMail() {
    CountDownLatch held = new CountDownLatch(1);
    requesterMail = held;
    return held;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
