package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an entity of a server answer is named in output: {@code sales/orders}, {@code domain sales}.
 */
public final class Entities {
  private Entities() {}

  /**
   * The name of the entity a result ({@code kind}, {@code domain}, {@code name}) is about: {@code
   * sales/orders} for a product, {@code domain sales}, {@code policy customer/churn}.
   */
  public static String name(JsonNode result) {
    String kind = result.path("kind").asText("");
    String domain = result.path("domain").asText(null);
    String name = result.path("name").asText("");
    return switch (kind) {
      case "Domain" -> "domain " + name;
      case "Policy" -> "policy " + (domain == null ? "global" : domain) + "/" + name;
      default -> domain == null ? name : domain + "/" + name;
    };
  }
}
