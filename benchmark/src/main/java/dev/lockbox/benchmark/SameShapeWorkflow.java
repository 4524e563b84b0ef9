package dev.lockbox.benchmark;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The fair floor: {@link BareWorkflow}'s interface with a request's shape. A create runs the
 * activities a Lockbox create runs (JIT policy evaluation, finding approvers, the read-model write)
 * before it answers PENDING, then notifies the approvers; an approve is an Update that runs the
 * grant and the read-model write. Its create answers in one round trip as Lockbox's does: started
 * with an Update that completes once PENDING is written. Every activity body is a no-op, so the
 * ratio to Lockbox is Lockbox's own cost (HTTP, security, JSON, real policy and read model, how the
 * API waits).
 */
public class SameShapeWorkflow implements BareWorkflow {

  /** The activities of a Lockbox create and approve, with no-op bodies. */
  @ActivityInterface
  public interface Steps {
    String evaluatePolicy(String request);

    String findApprovers(String request);

    void writeReadModel(String request, String status);

    void notifyApprovers(String request, String approvers);

    void grant(String request);
  }

  /** No-op bodies: what remains is Temporal's cost of scheduling and completing each activity. */
  public static class NoOpSteps implements Steps {
    @Override
    public String evaluatePolicy(String request) {
      return "PENDING";
    }

    @Override
    public String findApprovers(String request) {
      return "approver";
    }

    @Override
    public void writeReadModel(String request, String status) {}

    @Override
    public void notifyApprovers(String request, String approvers) {}

    @Override
    public void grant(String request) {}
  }

  private final Steps steps =
      Workflow.newActivityStub(
          Steps.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
  private final Steps lookups;
  private String status = "NEW";

  public SameShapeWorkflow() {
    this.lookups = steps;
  }

  private SameShapeWorkflow(Steps lookups) {
    this.lookups = lookups;
  }

  /**
   * The same shape with the policy evaluation and the approver look-up as local activities (run by
   * the worker inside the workflow task, recorded as markers), as Lockbox runs them since its
   * policy-and-approvers-as-local-activities: the default floor ({@code --floor-lookups=local}).
   */
  public static final class LocalLookups extends SameShapeWorkflow {
    public LocalLookups() {
      super(
          Workflow.newLocalActivityStub(
              Steps.class,
              LocalActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .build()));
    }
  }

  @Override
  public void run(String input) {
    String request = Workflow.getInfo().getWorkflowId();
    String outcome = lookups.evaluatePolicy(request);
    String approvers = lookups.findApprovers(request);
    steps.writeReadModel(request, outcome);
    status = outcome; // settled only now, as Lockbox's create settles once PENDING is written
    steps.notifyApprovers(request, approvers);
    Workflow.await(() -> false);
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public String awaitSettled() {
    Workflow.await(() -> !"NEW".equals(status));
    return status;
  }

  @Override
  public String approve(String comment) {
    String request = Workflow.getInfo().getWorkflowId();
    steps.grant(request);
    steps.writeReadModel(request, "ACCESS_GRANTED");
    status = "APPROVED";
    return status;
  }
}
