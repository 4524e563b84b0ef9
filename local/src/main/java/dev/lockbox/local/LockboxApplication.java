package dev.lockbox.local;

import dev.lockbox.api.ApiConfiguration;
import dev.lockbox.local.audit.AuditCommand;
import dev.lockbox.local.embedded.EmbeddedTemporal;
import dev.lockbox.local.webhook.WebhookReceiverCommand;
import dev.lockbox.worker.WorkerConfiguration;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * lockbox.jar: the api and the worker in one JVM, on a Temporal service of its own unless {@code
 * TEMPORAL_ADDRESS} names a cluster (see {@link EmbeddedTemporal}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ApiConfiguration.class, WorkerConfiguration.class, DevOutboxController.class})
public class LockboxApplication {

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("audit")) {
      System.exit(
          new AuditCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("webhook-receiver")) {
      System.exit(
          new WebhookReceiverCommand(System.out, System.err)
              .run(Arrays.copyOfRange(args, 1, args.length)));
    }
    application().run(args);
  }

  /** The application as main runs it; tests start it the same way. */
  public static SpringApplication application() {
    SpringApplication app = new SpringApplication(LockboxApplication.class);
    app.addListeners(new EmbeddedTemporal());
    return app;
  }
}
