package dev.lockbox.local.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * How lockbox.jar runs its own Temporal when no {@code TEMPORAL_ADDRESS} is given ({@code
 * lockbox.embedded.*}). Read before the application context exists, so it is bound by hand.
 *
 * @param temporal {@code auto}: the dev server when a Temporal CLI is found, else in memory; {@code
 *     dev-server}: the dev server or fail; {@code in-memory}: the Java test server
 * @param temporalCli the CLI to run ({@code LOCKBOX_TEMPORAL_CLI}); empty: {@code temporal} on PATH
 * @param dataDir where the durable mode keeps Temporal's database and the read model
 * @param temporalPort the Temporal frontend's port on 127.0.0.1
 * @param uiPort the Temporal Web UI's port on 127.0.0.1 (dev server only)
 * @param startupTimeout how long the dev server may take to answer
 */
public record EmbeddedSettings(
    @DefaultValue("auto") String temporal,
    @DefaultValue("") String temporalCli,
    @DefaultValue("lockbox-data") Path dataDir,
    @DefaultValue("7233") int temporalPort,
    @DefaultValue("8233") int uiPort,
    @DefaultValue("PT60S") Duration startupTimeout) {

  private static final List<String> CHOICES = List.of("auto", "dev-server", "in-memory");

  /** The settings as the environment has them, with the defaults above for what it lacks. */
  public static EmbeddedSettings of(ConfigurableEnvironment environment) {
    EmbeddedSettings settings =
        Binder.get(environment).bindOrCreate("lockbox.embedded", EmbeddedSettings.class);
    if (!CHOICES.contains(settings.temporal().toLowerCase(Locale.ROOT))) {
      throw new LocalStartupException(
          "lockbox.embedded.temporal is '" + settings.temporal() + "'",
          "Set LOCKBOX_EMBEDDED_TEMPORAL to auto (the dev server when a Temporal CLI is found,"
              + " else in memory), dev-server or in-memory.");
    }
    return settings;
  }

  /** Whether the user asked for the in-memory test server even when a CLI is there. */
  boolean wantsInMemory() {
    return temporal.equalsIgnoreCase("in-memory");
  }

  /** Whether the user asked for the dev server and would rather fail than fall back. */
  boolean wantsDevServer() {
    return temporal.equalsIgnoreCase("dev-server");
  }
}
