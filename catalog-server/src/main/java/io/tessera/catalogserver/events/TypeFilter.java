package io.tessera.catalogserver.events;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code types=} parameter of the feed: comma-separated event types, with or without the {@code
 * io.tessera.} prefix ({@code product.changed}), or families ending in {@code .*} ({@code
 * access.*}); empty means every type.
 */
public record TypeFilter(List<String> exact, List<String> prefixes) {

  /** Every type. */
  public static final TypeFilter ALL = new TypeFilter(List.of(), List.of());

  /**
   * Parses the parameter.
   *
   * @throws IllegalArgumentException naming an entry that is not a type
   */
  public static TypeFilter parse(String types) {
    if (types == null || types.isBlank()) {
      return ALL;
    }
    List<String> entries =
        Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    for (String t : entries) {
      if (!t.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*(\\.\\*)?")) {
        throw new IllegalArgumentException(
            "types: '" + t + "' is not an event type (e.g. product.changed or access.*)");
      }
    }
    return new TypeFilter(
        entries.stream().filter(t -> !t.endsWith(".*")).map(TypeFilter::full).toList(),
        entries.stream()
            .filter(t -> t.endsWith(".*"))
            .map(t -> full(t.substring(0, t.length() - 1)))
            .toList());
  }

  /** Whether an event type passes. */
  public boolean accepts(String type) {
    if (exact.isEmpty() && prefixes.isEmpty()) {
      return true;
    }
    return exact.contains(type) || prefixes.stream().anyMatch(type::startsWith);
  }

  private static String full(String type) {
    return type.startsWith(CatalogEvent.TYPE_PREFIX) ? type : CatalogEvent.TYPE_PREFIX + type;
  }
}
