package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No recorded history of any path holds a secret: no password, bearer token, link token or
 * signature, signing key or SendGrid key. Histories are what Temporal operators and Web UI users
 * read in full (SECURITY.md), so what is not here cannot leak there.
 */
class SecretsInHistoriesTest {

  /** What a secret looks like, whatever its value. Shared with the api's log check. */
  static final List<Pattern> SECRETS =
      List.of(
          Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), // a JWT
          Pattern.compile("/portal/link/[A-Za-z0-9_.-]{8,}"), // a signed approval link
          Pattern.compile("\\{(noop|bcrypt|pbkdf2|scrypt|argon2)\\}"), // an encoded password
          Pattern.compile("(?i)\"password\""),
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          Pattern.compile("SG\\.[A-Za-z0-9_-]{16,}"), // a SendGrid key
          Pattern.compile("(?i)(signing-?key|api-?key|authorization|bearer )"));

  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  @Test
  void recordedHistoriesHoldNoSecrets() {
    List<Path> files = historyFiles();
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      String text = withPayloadsDecoded(read(file));
      for (Pattern secret : SECRETS) {
        assertThat(secret.matcher(text).find()).as("%s in %s", secret, file).isFalse();
      }
    }
  }

  @Test
  void payloadsAreReadDecoded() {
    String encoded =
        java.util.Base64.getEncoder().encodeToString("{\"password\":\"x\"}".getBytes());

    assertThat(withPayloadsDecoded("{\"data\": \"" + encoded + "\"}")).contains("\"password\"");
  }

  @Test
  void theCheckFindsEachKindOfSecret_negativeControl() {
    List<String> planted =
        List.of(
            "{\"token\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\"}",
            "see http://localhost:8080/portal/link/YWJjZGVm.c2lnbmF0dXJl",
            "{\"pw\":\"{noop}contoso-owner\"}",
            "{\"password\":\"x\"}",
            "-----BEGIN PRIVATE KEY-----",
            "SG.abcdefghijklmnopqrstuvwxyz",
            "lockbox.links.signing-key=abc");
    for (String text : planted) {
      assertThat(SECRETS.stream().anyMatch(p -> p.matcher(text).find())).as(text).isTrue();
    }
  }

  /** The history as text with every payload's base64 {@code data} decoded beside it. */
  static String withPayloadsDecoded(String history) {
    StringBuilder text = new StringBuilder(history);
    java.util.regex.Matcher data =
        java.util.regex.Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"").matcher(history);
    while (data.find()) {
      try {
        text.append('\n')
            .append(
                new String(
                    java.util.Base64.getDecoder().decode(data.group(1)),
                    java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notBase64) {
        // left as it is
      }
    }
    return text.toString();
  }

  private static List<Path> historyFiles() {
    try (Stream<Path> walk = Files.walk(HISTORIES)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
