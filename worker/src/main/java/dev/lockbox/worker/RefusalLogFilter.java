package dev.lockbox.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.lockbox.workflows.LockboxErrors;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Drops the SDK's WARN with a full stack trace that every refused decision (an Update validator's
 * {@link LockboxErrors} failure) would otherwise write: a refusal is an answer, not a fault, and
 * any approver could flood the logs with it. The api logs each refusal once at INFO instead. Real
 * workflow failures (any other exception) still log as before.
 */
final class RefusalLogFilter extends TurboFilter {

  /** The SDK class that logs a validator's exception as a workflow execution failure. */
  static final String SDK_LOGGER = "io.temporal.internal.sync.WorkflowExecutionHandler";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!SDK_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t : lastThrowable(params);
    return thrown != null && LockboxErrors.refusalIn(thrown).isPresent()
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }

  /** SLF4J passes a trailing exception among the format arguments. */
  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable e
        ? e
        : null;
  }

  /** Installs the filter once in this process's Logback, if Logback is the logging backend. */
  static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
      context.addTurboFilter(new RefusalLogFilter());
    }
  }
}
