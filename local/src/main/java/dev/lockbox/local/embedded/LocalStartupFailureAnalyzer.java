package dev.lockbox.local.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link LocalStartupException} as "APPLICATION FAILED TO START" with its action. */
class LocalStartupFailureAnalyzer extends AbstractFailureAnalyzer<LocalStartupException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, LocalStartupException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
