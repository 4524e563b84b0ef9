package dev.lockbox.api.operations;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ReadModelDoctor} found: the requests whose read model row disagrees with their
 * workflow, and the rows Temporal has no workflow for.
 *
 * @param workflows request workflows Temporal's visibility lists
 * @param rows rows in the read model
 * @param drift rows that are missing or differ from their workflow's state
 * @param notInTemporal rows without a workflow: deleted after the namespace's retention, or lost
 *     with Temporal's data; reported, never deleted (the read model may be all that is left)
 * @param repaired whether the drifting rows were rewritten from their workflows
 */
public record ReadModelDrift(
    Instant checkedAt,
    long workflows,
    long rows,
    List<Entry> drift,
    List<String> notInTemporal,
    boolean repaired) {

  public ReadModelDrift {
    drift = List.copyOf(drift);
    notInTemporal = List.copyOf(notInTemporal);
  }

  /**
   * One request whose row is wrong.
   *
   * @param readModel the row's status, null when there is no row
   * @param workflow the status in the workflow's own state
   */
  public record Entry(String requestId, String readModel, String workflow) {}
}
