package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.io.File;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's own guard: its workflow code stays deterministic and free of Spring and I/O, so
 * {@code mvn verify} fails on a banned call here before any replay runs. The fixtures below prove
 * each ban catches what it names, and that the Workflow API stays allowed.
 */
class DeterminismRulesTest {

  private static final JavaClasses WORKFLOWS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lockbox.workflows");

  @Test
  void workflowCodeReadsTimeRandomnessAndThreadsOnlyThroughTheWorkflowApi() {
    DeterminismRules.NO_NONDETERMINISTIC_ACCESS.check(WORKFLOWS);
  }

  @Test
  void workflowCodeUsesNoSpringAndNoIo() {
    DeterminismRules.NO_SPRING_OR_IO.check(WORKFLOWS);
  }

  @Test
  void theRulesSeeTheWorkflowCode() {
    assertThatCode(() -> WORKFLOWS.get(LockboxWorkflowImpl.class)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        CallsMathRandom.class,
        CreatesRandom.class,
        UsesThreadLocalRandom.class,
        UsesSecureRandom.class,
        CallsNanoTime.class,
        CallsCurrentTimeMillis.class,
        UsesSystemClock.class,
        CallsInstantNow.class,
        CallsLocalDateNow.class,
        CallsZonedDateTimeNow.class,
        ReferencesInstantNow.class,
        CallsRandomUuid.class,
        StartsThread.class,
        UsesExecutor.class,
        RunsAsync.class,
        Sleeps.class
      })
  void aNondeterministicCallFailsTheRule(Class<?> fixture) {
    assertThatThrownBy(
            () ->
                DeterminismRules.NO_NONDETERMINISTIC_ACCESS.check(
                    new ClassFileImporter().importClasses(fixture)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fixture.getName());
  }

  @Test
  void fileAccessFailsTheIoRule() {
    assertThatThrownBy(
            () ->
                DeterminismRules.NO_SPRING_OR_IO.check(
                    new ClassFileImporter().importClasses(ReadsAFile.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(ReadsAFile.class.getName());
  }

  @Test
  void theWorkflowApiPassesTheRule() {
    assertThatCode(
            () ->
                DeterminismRules.NO_NONDETERMINISTIC_ACCESS.check(
                    new ClassFileImporter().importClasses(UsesTheWorkflowApi.class)))
        .doesNotThrowAnyException();
  }

  // ---- fixtures: never run, only read by ArchUnit ----

  static class CallsMathRandom {
    double roll() {
      return Math.random();
    }
  }

  static class CreatesRandom {
    int roll() {
      return new Random().nextInt();
    }
  }

  static class UsesThreadLocalRandom {
    int roll() {
      return ThreadLocalRandom.current().nextInt();
    }
  }

  static class UsesSecureRandom {
    int roll() {
      return new SecureRandom().nextInt();
    }
  }

  static class CallsNanoTime {
    long now() {
      return System.nanoTime();
    }
  }

  static class CallsCurrentTimeMillis {
    long now() {
      return System.currentTimeMillis();
    }
  }

  static class UsesSystemClock {
    Instant now() {
      return Clock.systemUTC().instant();
    }
  }

  static class CallsInstantNow {
    Instant now() {
      return Instant.now();
    }
  }

  static class CallsLocalDateNow {
    LocalDate today() {
      return LocalDate.now();
    }
  }

  static class CallsZonedDateTimeNow {
    ZonedDateTime now() {
      return ZonedDateTime.now();
    }
  }

  static class ReferencesInstantNow {
    Supplier<Instant> clock() {
      return Instant::now;
    }
  }

  static class CallsRandomUuid {
    UUID id() {
      return UUID.randomUUID();
    }
  }

  static class StartsThread {
    void start() {
      new Thread(() -> {}).start();
    }
  }

  static class UsesExecutor {
    void start() {
      Executors.newSingleThreadExecutor().execute(() -> {});
    }
  }

  static class RunsAsync {
    CompletableFuture<String> start() {
      return CompletableFuture.supplyAsync(() -> "elsewhere");
    }
  }

  static class Sleeps {
    void pause() throws InterruptedException {
      Thread.sleep(1000);
    }
  }

  static class ReadsAFile {
    boolean present() {
      return new File("policy.yml").exists();
    }
  }

  static class UsesTheWorkflowApi {
    void lifecycle() {
      Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
      int roll = Workflow.newRandom().nextInt();
      UUID id = Workflow.randomUUID();
      Async.function(() -> now.plusSeconds(roll) + id.toString());
      Workflow.sleep(Duration.ofHours(8));
    }
  }
}
