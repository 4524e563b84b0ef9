package dev.lockbox.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The module rule of DESIGN.md §2, checked on the classes of lockbox.jar: workflow code stays
 * deterministic and free of Spring and I/O; the api reaches activities only through Temporal.
 */
class ModuleRulesTest {

  private static final JavaClasses LOCKBOX =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lockbox");

  @Test
  void workflowCodeUsesNoSpringAndNoIo() {
    noClasses()
        .that()
        .resideInAPackage("dev.lockbox.workflows..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "java.io..", "java.net..", "java.nio..", "java.sql..")
        .check(LOCKBOX);
  }

  @Test
  void workflowCodeReadsTimeAndRandomnessOnlyThroughTheWorkflowApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.lockbox.workflows..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .check(LOCKBOX);
  }

  @Test
  void theApiNeverCallsAnActivityImplementationOrTheWorker() {
    noClasses()
        .that()
        .resideInAPackage("dev.lockbox.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.lockbox.activities..", "dev.lockbox.worker..")
        .check(LOCKBOX);
  }

  @Test
  void onlyTheEmbeddedDefaultUsesTheTestServer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.lockbox.local..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.temporal.testserver..", "io.temporal.testing..")
        .check(LOCKBOX);
  }
}
