package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker behind ComposeFileTest has teeth: it tells read variables from misspelt ones. */
class EnvironmentVariablesTest {

  private final EnvironmentVariables worker = EnvironmentVariables.readBy("worker");
  private final EnvironmentVariables api = EnvironmentVariables.readBy("api");

  @Test
  void lockboxSettingsAreReadInBothSpellingsSpringAccepts() {
    assertThat(worker.reads("LOCKBOX_TEMPORAL_REGISTER_SEARCH_ATTRIBUTES")).isTrue();
    assertThat(worker.reads("LOCKBOX_TEMPORAL_REGISTERSEARCHATTRIBUTES")).isTrue();
    assertThat(worker.reads("LOCKBOX_WORKER_WORKFLOW_CACHE_SIZE")).isTrue();
  }

  @Test
  void placeholdersAndSpringBootPropertiesAreRead() {
    assertThat(api.reads("TEMPORAL_ADDRESS")).isTrue();
    assertThat(api.reads("LOCKBOX_DIRECTORY_FILE")).isTrue();
    assertThat(api.reads("SPRING_DATASOURCE_URL")).isTrue();
    assertThat(api.reads("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isTrue();
    assertThat(api.reads("LOGGING_LEVEL_DEV_LOCKBOX")).isTrue();
  }

  @Test
  void misspeltOrInventedVariablesAreNotRead() {
    assertThat(
            api.unread(
                java.util.List.of(
                    "TEMPORAL_ADRESS",
                    "LOCKBOX_TEMPORAL_REGISTER_SEARCH_ATTRIBUTE",
                    "LOCKBOX_FOO")))
        .containsExactly(
            "TEMPORAL_ADRESS", "LOCKBOX_TEMPORAL_REGISTER_SEARCH_ATTRIBUTE", "LOCKBOX_FOO");
  }

  @Test
  void aSettingIsReadOnlyByTheDeployableWhoseModulesDeclareIt() {
    // Worker tuning lives in the worker module, the request windows in the api module.
    assertThat(api.reads("LOCKBOX_WORKER_WORKFLOW_CACHE_SIZE")).isFalse();
    assertThat(worker.reads("LOCKBOX_APPROVAL_WINDOW")).isFalse();
    assertThat(api.reads("LOCKBOX_APPROVAL_WINDOW")).isTrue();
  }
}
