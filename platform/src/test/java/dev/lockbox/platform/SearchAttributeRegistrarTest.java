package dev.lockbox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.platform.temporal.SearchAttributeRegistrar;
import dev.lockbox.platform.temporal.SearchAttributeRegistrar.Registration;
import dev.lockbox.platform.temporal.TemporalConnectionConfiguration;
import dev.lockbox.workflows.LockboxSearchAttributes;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SearchAttributeRegistrarTest {

  @Test
  void givenAFreshNamespace_atStartItRegistersEveryLockboxSearchAttribute() throws IOException {
    int port = freePort();
    try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port)) {
      new ApplicationContextRunner()
          .withUserConfiguration(TemporalConnectionConfiguration.class)
          .withPropertyValues("lockbox.temporal.address=localhost:" + port)
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                SearchAttributeRegistrar registrar =
                    context.getBean(SearchAttributeRegistrar.class);
                // Start-up added them all, so a second pass finds every one already there.
                assertThat(registrar.register())
                    .hasSize(LockboxSearchAttributes.ALL.size())
                    .containsOnlyKeys(
                        LockboxSearchAttributes.ALL.stream().map(k -> k.getName()).toList())
                    .allSatisfy(
                        (name, outcome) ->
                            assertThat(outcome).isEqualTo(Registration.ALREADY_PRESENT));
              });
    }
  }

  @Test
  void givenRegistrationTurnedOff_startFailsNamingTheMissingAttributes() throws IOException {
    int port = freePort();
    try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port)) {
      new ApplicationContextRunner()
          .withUserConfiguration(TemporalConnectionConfiguration.class)
          .withPropertyValues(
              "lockbox.temporal.address=localhost:" + port,
              "lockbox.temporal.register-search-attributes=false")
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("LockboxStatus")
                      .hasMessageContaining("not registered"));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
