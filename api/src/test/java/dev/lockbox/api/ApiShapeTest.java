package dev.lockbox.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lockbox.api.requests.LockboxWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * One path per decision: every controller goes through the {@code LockboxRequests} façade, and one
 * class, {@link LockboxWorkflows}, talks to Temporal's client about lockbox requests.
 */
class ApiShapeTest {

  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lockbox.api");

  /** Classes that are controllers; {@code @RestController} itself is an annotation, not one. */
  private static final DescribedPredicate<JavaClass> CONTROLLERS =
      DescribedPredicate.describe(
          "controllers", c -> !c.isAnnotation() && c.isMetaAnnotatedWith(Controller.class));

  @Test
  void onlyLockboxWorkflowsUsesTheWorkflowClient() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(LockboxWorkflows.class.getName())
        .should()
        .dependOnClassesThat()
        .areAssignableTo(WorkflowClient.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(WorkflowStub.class)
        .check(API);
  }

  @Test
  void noControllerDependsOnAnotherController() {
    noClasses()
        .that()
        .areMetaAnnotatedWith(Controller.class)
        .should()
        .dependOnClassesThat(CONTROLLERS)
        .check(API);
  }

  @Test
  void controllersNeverReachTemporalDirectly() {
    noClasses()
        .that()
        .areMetaAnnotatedWith(Controller.class)
        .should()
        .dependOnClassesThat()
        .areAssignableTo(LockboxWorkflows.class)
        .check(API);
  }
}
