package dev.lockbox.activities.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessActivitiesImplTest {

  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private final CountDownLatch heartbeated = new CountDownLatch(1);
  private final List<String> failedCalls = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aRevokeHeartbeatsWhileTheAccessSystemIsStillWorking() {
    List<String> revoked = new CopyOnWriteArrayList<>();
    AccessActivities activities = activities(new BlockedUntilHeartbeat(revoked));

    activities.revokeAccess("r1");

    assertThat(heartbeats).contains("revoke r1");
    assertThat(revoked).containsExactly("r1");
  }

  @Test
  void aFailureAtTheAccessSystemFailsTheActivity_soItsRetryPolicyTriesAgain() {
    AccessActivities activities = activities(new Refusing());

    assertThatThrownBy(() -> activities.revokeAccess("r1"))
        .isInstanceOf(ActivityFailure.class)
        .hasStackTraceContaining("access system down");
    assertThat(failedCalls).containsExactly("revoke");
  }

  private AccessActivities activities(AccessProvisioner provisioner) {
    env.registerActivitiesImplementations(new AccessActivitiesImpl(provisioner, failedCalls::add));
    env.setActivityHeartbeatListener(
        String.class,
        details -> {
          heartbeats.add(details);
          heartbeated.countDown();
        });
    return env.newActivityStub(AccessActivities.class);
  }

  /** An access system that answers only once the activity has heartbeaten. */
  private final class BlockedUntilHeartbeat implements AccessProvisioner {
    private final List<String> revoked;

    BlockedUntilHeartbeat(List<String> revoked) {
      this.revoked = revoked;
    }

    @Override
    public void grant(AccessGrant grant) {}

    @Override
    public void extend(AccessExtension extension) {}

    @Override
    public void revoke(String requestId) {
      try {
        if (!heartbeated.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no heartbeat while the revoke ran");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      revoked.add(requestId);
    }
  }

  private static final class Refusing implements AccessProvisioner {
    @Override
    public void grant(AccessGrant grant) {
      throw new IllegalStateException("access system down");
    }

    @Override
    public void extend(AccessExtension extension) {
      throw new IllegalStateException("access system down");
    }

    @Override
    public void revoke(String requestId) {
      throw new IllegalStateException("access system down");
    }
  }
}
