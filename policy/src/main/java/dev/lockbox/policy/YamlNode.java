package dev.lockbox.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML mapping with typed getters whose errors say where the problem is ("rule 'x' (#2)"), so a
 * bad rules file fails start-up with a message a person can act on.
 */
final class YamlNode {

  private final String where;
  private final Map<?, ?> map;

  YamlNode(String where, Object value) {
    if (!(value instanceof Map<?, ?> mapping)) {
      throw new PolicyFileException(where + ": expected a mapping of keys to values");
    }
    this.where = where;
    this.map = mapping;
  }

  String where() {
    return where;
  }

  void allowOnly(String... keys) {
    Set<String> allowed = Set.of(keys);
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw new PolicyFileException(
            where + ": unknown key '" + key + "'; allowed keys are " + new TreeSet<>(allowed));
      }
    }
  }

  boolean has(String key) {
    return map.containsKey(key) && map.get(key) != null;
  }

  String text(String key) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new PolicyFileException(where + ": '" + key + "' is missing");
    }
    if (value instanceof Map || value instanceof List) {
      throw new PolicyFileException(where + ": '" + key + "' must be a single value");
    }
    return String.valueOf(value);
  }

  String optionalText(String key) {
    return has(key) ? text(key) : null;
  }

  Boolean optionalBoolean(String key) {
    if (!has(key)) {
      return null;
    }
    Object value = map.get(key);
    if (!(value instanceof Boolean bool)) {
      throw new PolicyFileException(
          where + ": '" + key + "' must be true or false, not '" + value + "'");
    }
    return bool;
  }

  List<String> texts(String key) {
    Object value = map.get(key);
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new PolicyFileException(where + ": '" + key + "' must be a non-empty list");
    }
    List<String> texts = new ArrayList<>();
    for (Object item : list) {
      if (item == null || item instanceof Map || item instanceof List) {
        throw new PolicyFileException(where + ": '" + key + "' must list plain values");
      }
      texts.add(String.valueOf(item));
    }
    return texts;
  }

  List<YamlNode> children(String key, String childName) {
    Object value = map.get(key);
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new PolicyFileException(where + ": '" + key + "' must be a non-empty list");
    }
    List<YamlNode> children = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      String id =
          item instanceof Map<?, ?> m && m.get("id") != null ? "'" + m.get("id") + "' " : "";
      children.add(new YamlNode(childName + " " + id + "(#" + (i + 1) + ")", item));
    }
    return children;
  }

  YamlNode child(String key) {
    return new YamlNode(where + " " + key, map.get(key));
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    return enumOf(text(key), type, key);
  }

  <E extends Enum<E>> E enumOf(String value, Class<E> type, String key) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new PolicyFileException(
          where
              + ": '"
              + key
              + "' is '"
              + value
              + "'; use one of "
              + List.of(type.getEnumConstants()));
    }
  }

  PolicyFileException problem(String message) {
    return new PolicyFileException(where + ": " + message);
  }
}
