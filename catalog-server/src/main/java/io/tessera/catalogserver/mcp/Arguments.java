package io.tessera.catalogserver.mcp;

import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool call's arguments, read with clear errors: an unknown argument, a missing one, a wrong type
 * or a value out of range is a {@link ToolArgumentException} naming the argument and what it takes.
 */
final class Arguments {
  private final Map<String, Object> values;

  Arguments(Map<String, Object> values, Set<String> known) {
    this.values = values == null ? Map.of() : values;
    for (String name : this.values.keySet()) {
      if (!known.contains(name)) {
        throw new ToolArgumentException(
            "unknown argument '" + name + "'; this tool takes " + new TreeSet<>(known));
      }
    }
  }

  /** A string argument, stripped; null when absent and not required. */
  String string(String name, boolean required, int maxLength) {
    Object value = values.get(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw new ToolArgumentException("'" + name + "' is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      throw new ToolArgumentException("'" + name + "' must be a string");
    }
    if (s.length() > maxLength) {
      throw new ToolArgumentException(
          "'" + name + "' must be at most " + maxLength + " characters");
    }
    return s.strip();
  }

  /** A boolean argument, or the default when absent. */
  boolean bool(String name, boolean fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw new ToolArgumentException("'" + name + "' must be true or false");
    }
    return b;
  }

  /** An integer argument within bounds, or the default when absent. */
  int integer(String name, int min, int max, int fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    long n;
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      n = number.longValue();
    } else {
      throw new ToolArgumentException("'" + name + "' must be an integer");
    }
    if (n < min || n > max) {
      throw new ToolArgumentException(
          "'" + name + "' must be between " + min + " and " + max + ", not " + n);
    }
    return (int) n;
  }

  /** An optional integer within bounds, null when absent. */
  Integer optionalInteger(String name, int min, int max) {
    return values.get(name) == null ? null : integer(name, min, max, 0);
  }

  /** A list of strings (a single string counts as a list of one), null when absent. */
  List<String> strings(String name, int maxItems, int maxLength) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    List<?> items = value instanceof List<?> list ? list : List.of(value);
    if (items.size() > maxItems) {
      throw new ToolArgumentException("'" + name + "' takes at most " + maxItems + " values");
    }
    List<String> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
        throw new ToolArgumentException(
            "'"
                + name
                + "' must be a list of non-empty strings of at most "
                + maxLength
                + " characters");
      }
      out.add(s.strip());
    }
    return out;
  }

  /** One of the allowed values, or the default when absent. */
  String choice(String name, List<String> allowed, String fallback) {
    String value = string(name, false, 64);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw new ToolArgumentException("'" + name + "' must be one of " + allowed);
    }
    return value;
  }

  /** A product reference {@code domain/name}, as two slugs. */
  String[] product(String name) {
    String value = string(name, true, 300);
    String[] parts = value.split("/", -1);
    if (parts.length != 2 || !IriMinter.isSlug(parts[0]) || !IriMinter.isSlug(parts[1])) {
      throw new ToolArgumentException(
          "'" + name + "' must be domain/name in lower-case slugs, e.g. sales/orders");
    }
    return parts;
  }
}
