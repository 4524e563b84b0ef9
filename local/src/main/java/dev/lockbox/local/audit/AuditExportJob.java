package dev.lockbox.local.audit;

import dev.lockbox.audit.AuditConfiguration;
import dev.lockbox.audit.export.AuditExporter;
import dev.lockbox.audit.export.ExportScope;
import dev.lockbox.audit.export.ExportSummary;
import dev.lockbox.platform.PlatformConfiguration;
import dev.lockbox.readmodel.ReadModelConfiguration;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The bulk export as a command-line job against a cluster: the same exporter as the API, with
 * Temporal at {@code TEMPORAL_ADDRESS} and the read model at {@code SPRING_DATASOURCE_URL}. Writes
 * to a temporary file and moves it into place, so a failed run leaves no export behind. The public
 * key is written beside the export.
 */
final class AuditExportJob {

  private final PrintStream out;
  private final PrintStream err;

  AuditExportJob(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(AuditCommand.Options options) throws IOException {
    Instant from = instant("--from", options.value("--from"));
    Instant to = instant("--to", options.value("--to"));
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    String outDir = options.value("--out");
    if (outDir == null) {
      throw new IllegalArgumentException("--out <directory> is required");
    }
    String tenant = options.value("--tenant");
    ExportScope scope = new ExportScope(from, to, tenant == null ? null : Set.of(tenant));
    Path directory = Files.createDirectories(Path.of(outDir));
    String name =
        ("lockbox-audit-" + from + "-" + to + (tenant == null ? "" : "-" + tenant) + ".ndjson")
            .replace(':', '-');
    try (ConfigurableApplicationContext context = context(options)) {
      AuditExporter exporter = context.getBean(AuditExporter.class);
      Path partial = directory.resolve("." + name + ".partial");
      ExportSummary summary;
      try (OutputStream file =
          new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
        summary = exporter.export(scope, null, file);
      }
      Path target = directory.resolve(name);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path key = directory.resolve(name.replace(".ndjson", ".public-key.pem"));
      Files.writeString(key, exporter.key().publicKeyPem());
      out.println(
          "exported "
              + summary.count()
              + " requests to "
              + target
              + " (chain "
              + summary.chain()
              + ", key "
              + exporter.key().keyId()
              + ", public key "
              + key
              + ")");
      return AuditCommand.OK;
    } catch (RuntimeException e) {
      err.println("audit export failed: " + e.getMessage());
      return AuditCommand.FAILED;
    }
  }

  private static ConfigurableApplicationContext context(AuditCommand.Options options) {
    return new SpringApplicationBuilder(ExportJobApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties("spring.application.name=lockbox-audit-export")
        .run(options.settings().toArray(String[]::new));
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          name + " is required (a date 2026-11-28 or an instant 2026-11-28T10:00:00Z)");
    }
    try {
      return value.contains("T")
          ? Instant.parse(value)
          : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not a date or an instant: " + value);
    }
  }

  /** Only what an export needs: Temporal, the read model, the exporter. No web, no worker. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({PlatformConfiguration.class, ReadModelConfiguration.class, AuditConfiguration.class})
  static class ExportJobApplication {}
}
