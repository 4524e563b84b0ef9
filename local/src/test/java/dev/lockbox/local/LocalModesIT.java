package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.embedded.LocalStartupException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * lockbox.jar's choice of Temporal, started in this JVM the way main starts it: the in-memory
 * fallback (loopback only), and start-ups that must end at once and leave nothing running.
 */
@Timeout(180)
class LocalModesIT {

  @Test
  void theInMemoryFallback_listensOnLoopbackOnly_andSaysEverythingIsLostAtStop() throws Exception {
    int temporalPort = RunningLockbox.freePort();
    try (ConfigurableApplicationContext lockbox =
        run(
            "--lockbox.embedded.temporal=in-memory",
            "--lockbox.embedded.temporal-port=" + temporalPort)) {
      ServerReport.record("LocalModesIT (in-memory fallback)", "the Java test server in process");
      assertThat(accepts(InetAddress.getLoopbackAddress(), temporalPort)).isTrue();
      assertThat(accepts(otherAddressOfThisMachine(), temporalPort))
          .as("reachable from another interface")
          .isFalse();
      LockboxHttp http = new LockboxHttp(base(lockbox));
      assertThat(http.get(null, "/login").body())
          .contains("id=\"in-memory-notice\"", "lost when Lockbox stops")
          .doesNotContain("durable-notice");
      String created =
          http.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO).text("status");
      assertThat(created).isIn("EVALUATING", "PENDING");
      LockboxHttp.Response check = http.get("operator", "/actuator/readmodel");
      assertThat(check.status()).as("the test server has no List/Count").isEqualTo(501);
      assertThat(check.text("detail")).contains("durable local mode");
    }
  }

  @Test
  void aTakenHttpPort_endsStartUpAtOnce_namingTheSetting_beforeAnyTemporalStarts()
      throws IOException {
    Path data = TestTemporal.folder("taken-http-" + UUID.randomUUID());
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(
              () ->
                  run(
                      "--server.port=" + taken.getLocalPort(),
                      "--lockbox.embedded.data-dir=" + data))
          .isInstanceOf(LocalStartupException.class)
          .hasMessageContaining("Port " + taken.getLocalPort())
          .extracting(e -> ((LocalStartupException) e).action())
          .asString()
          .contains("SERVER_PORT");
    }
    assertThat(data.resolve("temporal-server.pid")).doesNotExist();
  }

  @Test
  void aTakenTemporalOrWebUiPort_endsStartUpAtOnce_namingItsSetting() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      for (String setting : List.of("temporal-port", "ui-port")) {
        Path data = TestTemporal.folder("taken-" + setting + "-" + UUID.randomUUID());
        assertThatThrownBy(
                () ->
                    run(
                        "--lockbox.embedded.data-dir=" + data,
                        "--lockbox.embedded." + setting + "=" + taken.getLocalPort()))
            .as(setting)
            .isInstanceOf(LocalStartupException.class)
            .extracting(e -> ((LocalStartupException) e).action())
            .asString()
            .contains("lockbox.embedded." + setting);
        assertThat(data.resolve("temporal-server.pid")).as(setting).doesNotExist();
      }
    }
  }

  @Test
  void aDurableStartThatFailsLater_stopsItsDevServer() {
    Path data = TestTemporal.folder("fails-later-" + UUID.randomUUID());
    String database = data.resolve("temporal.sqlite").toString();
    assertThatThrownBy(
        () ->
            run(
                "--lockbox.embedded.data-dir=" + data,
                // The read model cannot open: start-up fails after the dev server answered.
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("none") + ";IFEXISTS=TRUE"));
    ServerReport.record(
        "LocalModesIT (durable start-up failure)", "temporal server start-dev in " + data);
    assertThat(data.resolve("temporal-server.log")).as("the dev server was started").exists();
    await("no dev server left running on " + database)
        .atMost(Duration.ofSeconds(30))
        .until(() -> processesWith(database).isEmpty());
  }

  /** Processes of this machine whose command line names the text (pids are not enough here). */
  static List<ProcessHandle> processesWith(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(line -> line.contains(text)).orElse(false))
        .toList();
  }

  /** lockbox.jar's application on free ports, with a fresh in-memory read model by default. */
  private static ConfigurableApplicationContext run(String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    withDefault(args, "--server.port=", "0");
    withDefault(args, "--lockbox.embedded.temporal-port=", RunningLockbox.freePort());
    withDefault(args, "--lockbox.embedded.ui-port=", RunningLockbox.freePort());
    withDefault(args, "--LOCKBOX_TEMPORAL_CLI=", TestTemporal.cli());
    withDefault(
        args,
        "--spring.datasource.url=",
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return LockboxApplication.application().run(args.toArray(String[]::new));
  }

  /** Spring would join a repeated argument's values with a comma. */
  private static void withDefault(List<String> args, String prefix, Object value) {
    if (args.stream().noneMatch(arg -> arg.startsWith(prefix))) {
      args.add(prefix + value);
    }
  }

  private static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** An IPv4 address of this machine that is not loopback (our machines have one). */
  private static InetAddress otherAddressOfThisMachine() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(
            nic -> {
              try {
                return nic.isUp() && !nic.isLoopback();
              } catch (java.net.SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no network interface besides loopback"));
  }
}
