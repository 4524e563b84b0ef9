package dev.lockbox.local.webhook;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar lockbox.jar webhook-receiver --port 9090 --secret … [--ledger grants.jsonl]}:
 * runs the reference receiver until stopped. The secret may come from {@code
 * LOCKBOX_ACCESS_WEBHOOK_SECRET} instead, so that it is not in the process list.
 */
public final class WebhookReceiverCommand {

  private final PrintStream out;
  private final PrintStream err;

  public WebhookReceiverCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(String[] args) throws InterruptedException {
    int port = 9090;
    String secret = System.getenv("LOCKBOX_ACCESS_WEBHOOK_SECRET");
    Path ledger = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--secret" -> secret = args[i + 1];
        case "--ledger" -> ledger = Path.of(args[i + 1]);
        default -> {
          return usage("unknown option " + args[i]);
        }
      }
    }
    if (args.length % 2 != 0) {
      return usage("every option takes a value");
    }
    if (secret == null || secret.isBlank()) {
      return usage("--secret (or LOCKBOX_ACCESS_WEBHOOK_SECRET) is required");
    }
    WebhookReceiver receiver = WebhookReceiver.start(port, secret, ledger);
    out.println(
        "Lockbox webhook receiver on http://127.0.0.1:"
            + receiver.port()
            + "/"
            + (ledger == null ? "" : ", ledger " + ledger.toAbsolutePath()));
    new CountDownLatch(1).await(); // until the process is stopped
    return 0;
  }

  private int usage(String problem) {
    err.println(problem);
    err.println(
        "usage: java -jar lockbox.jar webhook-receiver [--port 9090] --secret SECRET"
            + " [--ledger FILE]");
    return 2;
  }
}
