package dev.lockbox.api.operations;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/readmodel} for operators: GET reports drift between the read model and the
 * workflows (by request id), POST repairs the read model from the workflows and reports what it
 * rewrote. Both list every request workflow, so they are for an operator's check, not a monitor.
 */
@Endpoint(id = "readmodel")
public class ReadModelEndpoint {

  static final String NO_VISIBILITY =
      "This Temporal service cannot list workflows (the in-memory Java test server has no"
          + " List/Count): run Lockbox on the Temporal dev server (durable local mode) or a cluster"
          + " to check the read model.";

  private static final int NOT_IMPLEMENTED = 501;

  private final ReadModelDoctor doctor;

  public ReadModelEndpoint(ReadModelDoctor doctor) {
    this.doctor = doctor;
  }

  @ReadOperation
  public WebEndpointResponse<Object> check() {
    return answer(() -> doctor.check(false));
  }

  @WriteOperation
  public WebEndpointResponse<Object> repair() {
    return answer(() -> doctor.check(true));
  }

  private static WebEndpointResponse<Object> answer(Supplier<ReadModelDrift> check) {
    try {
      return new WebEndpointResponse<>(check.get());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      return new WebEndpointResponse<>(
          Map.of("status", NOT_IMPLEMENTED, "detail", NO_VISIBILITY), NOT_IMPLEMENTED);
    }
  }
}
