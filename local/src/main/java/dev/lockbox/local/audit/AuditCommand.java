package dev.lockbox.local.audit;

import dev.lockbox.audit.export.ArchiveVerifier;
import dev.lockbox.audit.export.AuditSigningKey;
import dev.lockbox.audit.export.ExportVerifier;
import dev.lockbox.audit.export.Verification;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar lockbox.jar audit verify|export …}. Exit codes: 0 intact (or exported), 1
 * verification failed, 2 wrong usage or unreadable input.
 */
public final class AuditCommand {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  static final String HELP =
      """
      usage: java -jar lockbox.jar audit verify <export.ndjson | archive-directory> [--public-key <public-key.pem>]
             java -jar lockbox.jar audit export --from <date|instant> --to <date|instant> [--tenant <id>] --out <directory>
      export connects to TEMPORAL_ADDRESS and reads the read model at SPRING_DATASOURCE_URL.""";

  private final PrintStream out;
  private final PrintStream err;

  public AuditCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(String... args) {
    if (args.length == 0) {
      err.println(HELP);
      return USAGE;
    }
    try {
      return switch (args[0]) {
        case "verify" -> verify(Options.parse(args, 1));
        case "export" -> new AuditExportJob(out, err).run(Options.parse(args, 1));
        default -> usage("unknown audit command " + args[0]);
      };
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("audit: no such file " + e.getFile());
      return USAGE;
    } catch (IOException e) {
      err.println("audit: " + e.getMessage());
      return USAGE;
    }
  }

  private int verify(Options options) throws IOException {
    if (options.positional().size() != 1) {
      return usage("verify takes one file or directory");
    }
    Path target = Path.of(options.positional().get(0));
    PublicKey key =
        options.value("--public-key") == null
            ? null
            : readKey(Path.of(options.value("--public-key")));
    Verification result;
    if (Files.isDirectory(target)) {
      result = ArchiveVerifier.verify(target, key);
    } else {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(target), 64 * 1024)) {
        result = ExportVerifier.verify(in, key);
      }
    }
    if (result.intact()) {
      out.println("OK " + target + ": " + result.message());
      return OK;
    }
    err.println("FAILED " + target + ": " + result.message());
    return FAILED;
  }

  private static PublicKey readKey(Path pem) throws IOException {
    try {
      return AuditSigningKey.publicKeyFromPem(Files.readString(pem));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(pem + " is not an Ed25519 public key PEM");
    }
  }

  private int usage(String problem) {
    err.println("audit: " + problem);
    err.println(HELP);
    return USAGE;
  }

  /** {@code --name value} options, {@code --spring.x=y} settings passed through, and the rest. */
  record Options(List<String> positional, List<String> named, List<String> settings) {

    static Options parse(String[] args, int from) {
      List<String> positional = new ArrayList<>();
      List<String> named = new ArrayList<>();
      List<String> settings = new ArrayList<>();
      for (int i = from; i < args.length; i++) {
        String arg = args[i];
        if (arg.startsWith("--") && arg.contains("=")) {
          settings.add(arg);
        } else if (arg.startsWith("--")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
          }
          named.add(arg);
          named.add(args[++i]);
        } else {
          positional.add(arg);
        }
      }
      return new Options(positional, named, settings);
    }

    String value(String name) {
      for (int i = 0; i < named.size(); i += 2) {
        if (named.get(i).equals(name)) {
          return named.get(i + 1);
        }
      }
      return null;
    }
  }
}
