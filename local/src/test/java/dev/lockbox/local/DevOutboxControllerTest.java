package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.SendGridSettings;
import dev.lockbox.api.portal.ViewerTime;
import dev.lockbox.api.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** /dev/outbox exists only when lockbox.jar runs its own in-memory Temporal (embedded default). */
class DevOutboxControllerTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(DevOutbox.class)
          .withBean(ViewerTime.class)
          .withBean(CurrentUser.class, () -> Mockito.mock(CurrentUser.class))
          .withBean(
              SendGridSettings.class,
              () -> new SendGridSettings(null, null, "a@b.example", "Lockbox"))
          .withUserConfiguration(DevOutboxController.class);

  @Test
  void givenTheEmbeddedDefault_theOutboxPageExists() {
    context
        .withPropertyValues("lockbox.embedded.active=true")
        .run(app -> assertThat(app).hasSingleBean(DevOutboxController.class));
  }

  @Test
  void givenACluster_theOutboxPageDoesNotExist() {
    context.run(app -> assertThat(app).doesNotHaveBean(DevOutboxController.class));
  }
}
