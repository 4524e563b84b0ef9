package dev.lockbox.local;

import io.temporal.testserver.TestServer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the official Java test server in process when no {@code TEMPORAL_ADDRESS} is given, in
 * real time (a 4-day timer takes 4 days), and points Lockbox at it. It keeps everything in memory:
 * a restart forgets every request.
 */
final class EmbeddedTemporal implements SmartApplicationListener {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);

  private TestServer.PortBoundTestServer server;

  @Override
  public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
    return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
        || ApplicationPreparedEvent.class.isAssignableFrom(type)
        || ApplicationFailedEvent.class.isAssignableFrom(type);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      startIfNoCluster(prepared.getEnvironment());
    } else if (event instanceof ApplicationPreparedEvent prepared && server != null) {
      // Registered before any bean, so it is destroyed after all of them: the worker drains
      // against a live server instead of polling a closed port.
      var beans =
          (org.springframework.beans.factory.support.DefaultListableBeanFactory)
              prepared.getApplicationContext().getBeanFactory();
      beans.registerDisposableBean("embeddedTemporalServer", this::stop);
    } else if (event instanceof ApplicationFailedEvent) {
      stop();
    }
  }

  private synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private void startIfNoCluster(ConfigurableEnvironment environment) {
    String cluster = environment.getProperty("TEMPORAL_ADDRESS", "");
    if (!cluster.isBlank()) {
      log.info("Using the Temporal cluster at {}", cluster);
      return;
    }
    int port = environment.getProperty("lockbox.embedded.temporal-port", Integer.class, 7233);
    // Real time is the default of a port-bound test server; never turn time skipping on here.
    server = TestServer.createPortBoundServer(port);
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedTemporal",
                Map.of(
                    "lockbox.temporal.address",
                    "localhost:" + port,
                    "lockbox.embedded.active",
                    true)));
    log.warn(
        "Embedded default: an in-memory Temporal service on localhost:{}. All state (requests, "
            + "histories, the read model) is kept in memory and lost when Lockbox stops. Set "
            + "TEMPORAL_ADDRESS to use a real cluster.",
        port);
  }
}
