package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.graphstore.Slo;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads an output port's {@code slo} field by field: {@code freshness} (an ISO-8601 duration such
 * as {@code PT24H}), {@code successRate} and {@code quality} ({@code {min: 0.95, window: P7D}} or
 * {@code {minPassing: 0.99, window: P7D}}) and {@code schemaStability} (true or false).
 */
final class SloFields {
  private static final Set<String> SLO =
      Set.of("freshness", "successRate", "quality", "schemaStability");
  private static final Set<String> SUCCESS = Set.of("min", "window");
  private static final Set<String> QUALITY = Set.of("minPassing", "window");
  private static final Duration SHORTEST = Duration.ofMinutes(1);
  private static final Duration LONGEST = Duration.ofDays(366);
  private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  private SloFields() {}

  /** The port's objectives, null when it declares none or when one is wrong (errors recorded). */
  static Slo slo(JsonNode port, String portPath, FieldChecks e) {
    JsonNode node = port.path("slo");
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    String path = portPath + ".slo";
    if (!node.isObject()) {
      e.add(path, "must be a mapping of freshness, successRate, quality, schemaStability");
      return null;
    }
    e.unknown(node, path, SLO);
    Duration freshness = duration(node, path + ".freshness", false, e);
    Slo.Objective success = objective(node, path + ".successRate", "min", SUCCESS, e);
    Slo.Objective quality = objective(node, path + ".quality", "minPassing", QUALITY, e);
    JsonNode stable = node.path("schemaStability");
    boolean stability = false;
    if (!stable.isMissingNode() && !stable.isNull()) {
      if (stable.isBoolean()) {
        stability = stable.asBoolean();
      } else {
        e.add(path + ".schemaStability", "must be true or false");
      }
    }
    Slo slo = new Slo(freshness, success, quality, stability);
    if (slo.isEmpty() && node.size() == 0) {
      e.add(path, "declares no objective; give at least one of " + String.join(", ", SLO));
    }
    return slo.isEmpty() ? null : slo;
  }

  private static Slo.Objective objective(
      JsonNode slo, String path, String minKey, Set<String> keys, FieldChecks e) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    JsonNode node = slo.path(key);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      e.add(path, "must be a mapping with " + minKey + " (a share from 0 to 1) and window");
      return null;
    }
    e.unknown(node, path, keys);
    JsonNode min = node.path(minKey);
    Double share = null;
    if (min.isMissingNode() || min.isNull()) {
      e.add(path + "." + minKey, "required (a share from 0 to 1, e.g. 0.95)");
    } else if (!min.isNumber()) {
      e.add(path + "." + minKey, "must be a number from 0 to 1, e.g. 0.95");
    } else if (min.asDouble() < 0 || min.asDouble() > 1) {
      e.add(path + "." + minKey, "must be between 0 and 1; got " + min.asText());
    } else {
      share = min.asDouble();
    }
    Duration window = duration(node, path + ".window", false, e);
    if (share == null || (node.hasNonNull("window") && window == null)) {
      return null;
    }
    return new Slo.Objective(share, window == null ? DEFAULT_WINDOW : window);
  }

  private static Duration duration(JsonNode parent, String path, boolean required, FieldChecks e) {
    String text = e.text(parent, path, required);
    if (text == null) {
      return null;
    }
    Duration d;
    try {
      d = Duration.parse(text);
    } catch (DateTimeParseException ex) {
      e.add(path, "'" + text + "' is not an ISO-8601 duration such as PT24H, PT30M or P7D");
      return null;
    }
    if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
      e.add(path, "must be between PT1M and P366D; got " + text);
      return null;
    }
    return d;
  }
}
