package io.tessera.graphstore;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import java.util.Locale;

/**
 * Which products to list. Null members do not filter.
 *
 * @param domain only products of this domain
 * @param lifecycle only products with this declared status
 * @param physical only physical (true) or only planned (false) products
 * @param after keyset cursor: only products whose {@code domain/name} sorts after this
 * @param limit at most this many
 */
public record ProductFilter(
    String domain, Lifecycle lifecycle, Boolean physical, String after, int limit) {

  /**
   * The filter of REST and GraphQL listings for a domain and a lifecycle ({@code planned}, {@code
   * physical} or a declared status), either may be null.
   *
   * @throws InvalidFilterException naming the bad value
   */
  public static ProductFilter of(String domain, String lifecycle, String after, int limit) {
    if (domain != null && !IriMinter.isSlug(domain)) {
      throw new InvalidFilterException("domain '" + domain + "' is not a valid domain name");
    }
    Lifecycle status = null;
    Boolean physical = null;
    if (lifecycle != null) {
      String value = lifecycle.toLowerCase(Locale.ROOT);
      if (value.equals("planned") || value.equals("physical")) {
        physical = value.equals("physical");
      } else {
        status =
            Lifecycle.fromSlug(value)
                .orElseThrow(
                    () ->
                        new InvalidFilterException(
                            "lifecycle must be planned, physical, ideation, design, build, deploy,"
                                + " consume, deprecated or retired"));
      }
    }
    return new ProductFilter(domain, status, physical, after, limit);
  }
}
