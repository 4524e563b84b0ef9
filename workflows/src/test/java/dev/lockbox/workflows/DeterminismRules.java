package dev.lockbox.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;

/**
 * What workflow code must never touch. A replay reruns the code against the recorded history, so
 * everything it does must come out the same: time through {@code Workflow.currentTimeMillis},
 * randomness through {@code Workflow.newRandom}, ids through {@code Workflow.randomUUID}, waiting
 * through {@code Workflow.sleep} or timers, concurrency through {@code Async} and {@code Promise}.
 * Spring and I/O stay in the activities.
 */
final class DeterminismRules {

  static final String WORKFLOW_CODE = "dev.lockbox.workflows..";

  /** Each banned access: a description for the failure message and how to recognise it. */
  private record Banned(String description, BiPredicate<JavaClass, String> ownerAndName) {}

  private static final List<Banned> BANNED =
      List.of(
          new Banned("Math.random", (owner, name) -> isMath(owner) && name.equals("random")),
          new Banned("new Random", (owner, name) -> is(owner, Random.class) && isConstructor(name)),
          new Banned("ThreadLocalRandom", (owner, name) -> is(owner, ThreadLocalRandom.class)),
          new Banned("SecureRandom", (owner, name) -> is(owner, SecureRandom.class)),
          new Banned(
              "UUID.randomUUID",
              (owner, name) -> is(owner, UUID.class) && name.equals("randomUUID")),
          new Banned(
              "System.nanoTime or System.currentTimeMillis",
              (owner, name) ->
                  owner.isEquivalentTo(System.class)
                      && (name.equals("nanoTime") || name.equals("currentTimeMillis"))),
          new Banned(
              "Clock.system* or InstantSource.system",
              (owner, name) ->
                  (is(owner, Clock.class) || is(owner, InstantSource.class))
                      && name.startsWith("system")),
          new Banned(
              "now() of a java.time type",
              (owner, name) ->
                  owner.getPackageName().startsWith("java.time") && name.equals("now")),
          new Banned("new Thread", (owner, name) -> is(owner, Thread.class) && isConstructor(name)),
          new Banned(
              "Thread.sleep", (owner, name) -> is(owner, Thread.class) && name.equals("sleep")),
          new Banned(
              "an executor (java.util.concurrent.Executor*)",
              (owner, name) -> is(owner, Executor.class) || owner.isEquivalentTo(Executors.class)),
          new Banned(
              "CompletableFuture.*Async",
              (owner, name) -> is(owner, CompletableFuture.class) && name.endsWith("Async")));

  /** Calls, constructor calls, field reads and method references (e.g. {@code Instant::now}). */
  static final ArchRule NO_NONDETERMINISTIC_ACCESS =
      noClasses()
          .that()
          .resideInAPackage(WORKFLOW_CODE)
          .should()
          .accessTargetWhere(banned())
          .because("workflow code must replay the same: use the Workflow API instead");

  static final ArchRule NO_SPRING_OR_IO =
      noClasses()
          .that()
          .resideInAPackage(WORKFLOW_CODE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "java.io..", "java.net..", "java.nio..", "java.sql..")
          .because("Spring and I/O belong in the activities, whose results the history records");

  private DeterminismRules() {}

  private static DescribedPredicate<JavaAccess<?>> banned() {
    String names = String.join(", ", BANNED.stream().map(Banned::description).toList());
    return DescribedPredicate.describe(
        names,
        access ->
            BANNED.stream()
                .anyMatch(
                    b ->
                        b.ownerAndName()
                            .test(access.getTargetOwner(), access.getTarget().getName())));
  }

  private static boolean is(JavaClass owner, Class<?> type) {
    return owner.isAssignableTo(type);
  }

  private static boolean isMath(JavaClass owner) {
    return owner.isEquivalentTo(Math.class) || owner.isEquivalentTo(StrictMath.class);
  }

  private static boolean isConstructor(String name) {
    return name.equals("<init>");
  }
}
