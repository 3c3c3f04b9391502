package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output ports' service level objectives ({@code slo}) from a Data Contract Specification
 * document's {@code servicelevels}: its {@code freshness.threshold} ({@code 25h}, {@code 30m},
 * {@code 2d}, or an ISO-8601 duration such as {@code PT25H}) becomes the objective {@code
 * freshness}. The other service levels (availability, retention, latency, frequency, support,
 * backup) have no objective to go to and are left out.
 */
final class DcsServiceLevels {

  private static final Pattern AMOUNT = Pattern.compile("^(\\d{1,6})\\s*([a-z]+)$");
  private static final Duration SHORTEST = Duration.ofMinutes(1);
  private static final Duration LONGEST = Duration.ofDays(366);

  private DcsServiceLevels() {}

  /**
   * Returns the {@code slo} every output port promises; null when the document sets no freshness
   * threshold.
   *
   * @throws StandardImportException when {@code servicelevels} or its freshness is malformed or the
   *     threshold is not a duration from one minute to 366 days
   */
  static ObjectNode slo(JsonNode document) {
    JsonNode levels =
        SourceChecks.mapping(document, "servicelevels", "", false, "service level to its terms");
    if (levels == null) {
      return null;
    }
    JsonNode freshness =
        SourceChecks.mapping(
            levels, "freshness", "servicelevels", false, "threshold, timestampField, description");
    if (freshness == null) {
      return null;
    }
    String path = "servicelevels.freshness";
    String threshold = SourceChecks.text(freshness, "threshold", path);
    if (threshold == null) {
      return null;
    }
    Duration duration = duration(threshold);
    if (duration == null) {
      throw new StandardImportException(
          path + ".threshold",
          "'" + threshold + "' is not a duration such as 25h, 30m, 2d or PT25H");
    }
    if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
      throw new StandardImportException(
          path + ".threshold", "must be between 1m and 366d; got " + threshold);
    }
    ObjectNode slo = JsonNodeFactory.instance.objectNode();
    slo.put("freshness", duration.toString());
    return slo;
  }

  /** Parses {@code 25h}, {@code 30 minutes}, {@code 2d}, {@code 1w} or ISO-8601; null if none. */
  static Duration duration(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    Matcher amount = AMOUNT.matcher(lower);
    if (amount.matches()) {
      long value = Long.parseLong(amount.group(1));
      return switch (amount.group(2)) {
        case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(value);
        case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(value);
        case "h", "hr", "hrs", "hour", "hours" -> Duration.ofHours(value);
        case "d", "day", "days" -> Duration.ofDays(value);
        case "w", "week", "weeks" -> Duration.ofDays(7 * value);
        default -> null;
      };
    }
    try {
      return Duration.parse(lower.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
