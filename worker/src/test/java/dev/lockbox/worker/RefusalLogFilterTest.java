package dev.lockbox.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lockbox.workflows.LockboxErrors;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A refused decision leaves no WARN with a stack trace; a real workflow failure still does. */
class RefusalLogFilterTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger sdk = context.getLogger(RefusalLogFilter.SDK_LOGGER);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void capture() {
    logged.start();
    sdk.addAppender(logged);
    RefusalLogFilter.install();
  }

  @AfterEach
  void release() {
    sdk.detachAppender(logged);
    context.getTurboFilterList().removeIf(RefusalLogFilter.class::isInstance);
  }

  @Test
  void aValidatorRefusalIsDropped_anyOtherFailureIsKept() {
    for (LockboxErrors refusal : LockboxErrors.values()) {
      sdk.warn("Workflow execution failure WorkflowId='{}'", "lockbox-1", refusal(refusal));
    }
    sdk.warn(
        "Workflow execution failure WorkflowId='{}'", "lockbox-2", new IllegalStateException());
    sdk.warn(
        "Workflow execution failure",
        ApplicationFailure.newNonRetryableFailure("boom", "SomethingElse"));

    assertThat(logged.list).hasSize(2);
  }

  @Test
  void installingTwiceAddsOneFilter() {
    RefusalLogFilter.install();

    assertThat(context.getTurboFilterList().stream().filter(RefusalLogFilter.class::isInstance))
        .hasSize(1);
  }

  private static ApplicationFailure refusal(LockboxErrors type) {
    return ApplicationFailure.newNonRetryableFailure("refused", type.name(), "PENDING");
  }
}
