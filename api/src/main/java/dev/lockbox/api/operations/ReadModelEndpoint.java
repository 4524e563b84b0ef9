package dev.lockbox.api.operations;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/readmodel} for operators: GET reports drift between the read model and the
 * workflows (by request id), POST repairs the read model from the workflows and reports what it
 * rewrote. Both list every request workflow, so they are for an operator's check, not a monitor.
 */
@Endpoint(id = "readmodel")
public class ReadModelEndpoint {

  private final ReadModelDoctor doctor;

  public ReadModelEndpoint(ReadModelDoctor doctor) {
    this.doctor = doctor;
  }

  @ReadOperation
  public ReadModelDrift check() {
    return doctor.check(false);
  }

  @WriteOperation
  public ReadModelDrift repair() {
    return doctor.check(true);
  }
}
