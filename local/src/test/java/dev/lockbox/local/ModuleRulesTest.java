package dev.lockbox.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md that span modules, checked on the classes of
 * lockbox.jar: the api reaches activities only through Temporal, and only the local modes use the
 * test server. Workflow determinism is the workflows module's own test (DeterminismRulesTest).
 */
class ModuleRulesTest {

  private static final JavaClasses LOCKBOX =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lockbox");

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
