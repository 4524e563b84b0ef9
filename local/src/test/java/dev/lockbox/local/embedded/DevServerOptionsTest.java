package dev.lockbox.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.LockboxSearchAttributes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevServerOptionsTest {

  private static DevServerOptions options(int uiPort, Path database) {
    return new DevServerOptions(
        Path.of("/opt/temporal"),
        7233,
        uiPort,
        database,
        List.of("lockbox"),
        Path.of("server.log"),
        Path.of("server.pid"),
        Duration.ofSeconds(60));
  }

  @Test
  void everyListenerIsOnLoopback_andNoOutboundCallIsLeftOn() {
    String command = String.join(" ", options(8233, Path.of("/data/t.sqlite")).command());

    assertThat(command)
        .startsWith("/opt/temporal server start-dev")
        .contains("--ip 127.0.0.1 --port 7233", "--ui-ip 127.0.0.1 --ui-port 8233")
        .contains("--ui-disable-news-fetch")
        .contains("--dynamic-config-value frontend.enableServerVersionCheck=false")
        .contains("--db-filename /data/t.sqlite", "--namespace lockbox");
  }

  @Test
  void everyLockboxSearchAttributeIsRegisteredWithItsType() {
    List<String> command = options(8233, null).command();

    for (var key : LockboxSearchAttributes.ALL) {
      assertThat(command).contains(key.getName() + "=" + DevServerOptions.cliType(key));
    }
    assertThat(command).contains("BreakGlass=Bool", "LockboxStatus=Keyword");
  }

  @Test
  void withoutAUiPortItIsHeadless_andWithoutADatabaseInMemory() {
    List<String> command = options(0, null).command();

    assertThat(command).contains("--headless").doesNotContain("--ui-port", "--db-filename");
    assertThat(options(0, null).webUi("default")).isNull();
    assertThat(options(8233, null).webUi("default"))
        .isEqualTo("http://127.0.0.1:8233/namespaces/default/workflows");
  }
}
