package dev.lockbox.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir Path folder;

  @Test
  void oneLockboxAtATime_andTheDirectoryIsFreeAgainAfterClose() {
    Path data = folder.resolve("lockbox-data");
    try (DataDirectory first = DataDirectory.open(data)) {
      assertThat(first.readModelUrl()).startsWith("jdbc:h2:file:" + data.toAbsolutePath());
      assertThatThrownBy(() -> DataDirectory.open(data))
          .isInstanceOf(LocalStartupException.class)
          .hasMessageContaining("Another Lockbox")
          .extracting(e -> ((LocalStartupException) e).action())
          .asString()
          .contains("LOCKBOX_DATA_DIR");
    }
    DataDirectory.open(data).close();
  }
}
