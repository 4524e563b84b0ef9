package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Which environment variables a deployable (the {@code api} or {@code worker} module) really reads,
 * derived from the code rather than listed by hand:
 *
 * <ul>
 *   <li>Lockbox's {@code @ConfigurationProperties} records in the deployable's modules (found by
 *       following its {@code dev.lockbox} dependencies in the poms);
 *   <li>Spring Boot's own properties, from the configuration metadata its jars ship;
 *   <li>{@code ${NAME...}} placeholders in the deployable's YAML files.
 * </ul>
 *
 * A variable counts as read when Spring's own relaxed binding maps it onto one of these properties.
 */
final class EnvironmentVariables {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  private final Set<String> placeholders;
  private final Set<ConfigurationPropertyName> leaves;
  private final Set<ConfigurationPropertyName> prefixes;

  private EnvironmentVariables(
      Set<String> placeholders,
      Set<ConfigurationPropertyName> leaves,
      Set<ConfigurationPropertyName> prefixes) {
    this.placeholders = placeholders;
    this.leaves = leaves;
    this.prefixes = prefixes;
  }

  /** What the deployable built from the given module folder (e.g. "api") reads. */
  static EnvironmentVariables readBy(String deployableModule) {
    Set<String> modules = modulesOf(deployableModule);
    Set<ConfigurationPropertyName> leaves = new HashSet<>();
    Set<ConfigurationPropertyName> prefixes = new HashSet<>();
    bootMetadata(leaves, prefixes);
    for (Class<?> settings : lockboxSettings(modules)) {
      String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
      addProperties(ConfigurationPropertyName.of(prefix), settings, leaves, prefixes);
    }
    return new EnvironmentVariables(placeholdersIn(modules), leaves, prefixes);
  }

  boolean reads(String variable) {
    if (placeholders.contains(variable)) {
      return true;
    }
    ConfigurationPropertySource env = only(Map.of(variable, "x"));
    return leaves.stream().anyMatch(name -> env.getConfigurationProperty(name) != null)
        || prefixes.stream()
            .anyMatch(name -> env.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
  }

  Set<String> unread(Iterable<String> variables) {
    Set<String> unread = new LinkedHashSet<>();
    variables.forEach(
        v -> {
          if (!reads(v)) {
            unread.add(v);
          }
        });
    return unread;
  }

  private static ConfigurationPropertySource only(Map<String, Object> variables) {
    return ConfigurationPropertySources.from(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables))
        .iterator()
        .next();
  }

  // ---- the deployable's modules, from the poms ----

  /** The module itself and every dev.lockbox module it depends on, transitively. */
  static Set<String> modulesOf(String module) {
    Set<String> modules = new LinkedHashSet<>();
    collectModules(module, modules);
    return modules;
  }

  private static void collectModules(String module, Set<String> into) {
    if (!into.add(module)) {
      return;
    }
    try {
      Element project =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(RepositoryFiles.root().resolve(module).resolve("pom.xml").toFile())
              .getDocumentElement();
      NodeList dependencies = project.getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        String group = text(dependency, "groupId");
        String artifact = text(dependency, "artifactId");
        String scope = text(dependency, "scope");
        if ("dev.lockbox".equals(group)
            && !"test".equals(scope)
            && artifact.startsWith("lockbox-")) {
          collectModules(artifact.substring("lockbox-".length()), into);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the pom of " + module, e);
    }
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  // ---- Lockbox's settings records ----

  private static List<Class<?>> lockboxSettings(Set<String> modules) {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    List<Class<?>> settings = new ArrayList<>();
    for (String module : modules) {
      for (BeanDefinition candidate : scanner.findCandidateComponents("dev.lockbox." + module)) {
        settings.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
      }
    }
    return settings;
  }

  /** Simple values are leaves; nested records recurse; lists and maps bind anything below them. */
  private static void addProperties(
      ConfigurationPropertyName prefix,
      Class<?> type,
      Set<ConfigurationPropertyName> leaves,
      Set<ConfigurationPropertyName> prefixes) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        addProperties(
            prefix.append(kebab(component.getName())), component.getType(), leaves, prefixes);
      }
    } else if (isSimple(type)) {
      leaves.add(prefix);
    } else {
      prefixes.add(prefix);
    }
  }

  private static boolean isSimple(Class<?> type) {
    return type.isPrimitive()
        || type.isEnum()
        || Number.class.isAssignableFrom(type)
        || Stream.of(String.class, Boolean.class, Duration.class, Path.class, Resource.class)
            .anyMatch(t -> t == type);
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  // ---- Spring Boot's properties ----

  private static void bootMetadata(
      Set<ConfigurationPropertyName> leaves, Set<ConfigurationPropertyName> prefixes) {
    try {
      for (Resource metadata :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
        JsonNode properties =
            RunningLockbox.JSON.readTree(metadata.getInputStream()).path("properties");
        for (JsonNode property : properties) {
          String name = property.path("name").asString();
          if (!ConfigurationPropertyName.isValid(name)) {
            continue;
          }
          boolean isMap = property.path("type").asString("").startsWith("java.util.Map");
          (isMap ? prefixes : leaves).add(ConfigurationPropertyName.of(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- placeholders in YAML ----

  private static Set<String> placeholdersIn(Set<String> modules) {
    Set<String> names = new HashSet<>();
    for (String module : modules) {
      Path resources = RepositoryFiles.root().resolve(module).resolve("src/main/resources");
      if (!Files.isDirectory(resources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(resources)) {
        for (Path yml : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
          Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}
