package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the README and the documentation pages resolves: the file exists and,
 * where the link names a heading (#anchor), the page has that heading. Links to the outside world
 * are not followed (the machines that build Lockbox have no general internet access).
 */
class DocumentationLinksTest {

  /** {@code [text](target)} and {@code ![alt](target)}; the target ends at a space or ')'. */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?)\\s*$");

  @Test
  void everyRelativeLinkInTheDocumentationResolves() {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String target : links(read(page))) {
        if (!isExternal(target)) {
          check(page, target).ifPresent(broken::add);
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void theReadmeLinksEveryDocumentationPage() {
    Set<String> linked =
        links(read(RepositoryFiles.root().resolve("README.md"))).stream()
            .map(target -> target.split("#")[0])
            .collect(Collectors.toSet());
    for (Path page : docsPages()) {
      assertThat(linked).as("README links").contains("docs/" + page.getFileName());
    }
  }

  @Test
  void theCheckerNoticesAMissingFileAndAMissingHeading() {
    Path readme = RepositoryFiles.root().resolve("README.md");
    assertThat(check(readme, "docs/no-such-page.md")).isPresent();
    assertThat(check(readme, "docs/api.md#no-such-heading")).isPresent();
    assertThat(check(readme, "docs/api.md")).isEmpty();
  }

  @Test
  void anchorsFollowGitHubsRules() {
    assertThat(anchor("Run on a real Temporal cluster"))
        .isEqualTo("run-on-a-real-temporal-cluster");
    assertThat(anchor("Walkthrough: approve in the browser"))
        .isEqualTo("walkthrough-approve-in-the-browser");
    assertThat(anchor("`lockbox.jar` (one JVM)")).isEqualTo("lockboxjar-one-jvm");
  }

  private static java.util.Optional<String> check(Path page, String target) {
    String[] parts = target.split("#", 2);
    Path file = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
    if (!Files.exists(file)) {
      return java.util.Optional.of(page.getFileName() + ": " + target + " (no such file)");
    }
    if (parts.length == 2 && file.toString().endsWith(".md") && !anchors(file).contains(parts[1])) {
      return java.util.Optional.of(page.getFileName() + ": " + target + " (no such heading)");
    }
    return java.util.Optional.empty();
  }

  private static List<Path> pages() {
    List<Path> pages = new ArrayList<>(docsPages());
    Path root = RepositoryFiles.root();
    for (String top : List.of("README.md", "SECURITY.md")) {
      if (Files.exists(root.resolve(top))) {
        pages.add(root.resolve(top));
      }
    }
    return pages;
  }

  private static List<Path> docsPages() {
    try (Stream<Path> files = Files.list(RepositoryFiles.root().resolve("docs"))) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    Matcher matcher = LINK.matcher(withoutCodeBlocks(markdown));
    while (matcher.find()) {
      targets.add(matcher.group(1));
    }
    return targets;
  }

  private static Set<String> anchors(Path page) {
    Matcher matcher = HEADING.matcher(withoutCodeBlocks(read(page)));
    Set<String> anchors = new java.util.HashSet<>();
    while (matcher.find()) {
      anchors.add(anchor(matcher.group(1)));
    }
    return anchors;
  }

  /** GitHub's rule: lower case, punctuation dropped, spaces become hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static String withoutCodeBlocks(String markdown) {
    return markdown.replaceAll("(?s)```.*?```", "");
  }

  private static boolean isExternal(String target) {
    return target.matches("^[a-z]+:.*");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
