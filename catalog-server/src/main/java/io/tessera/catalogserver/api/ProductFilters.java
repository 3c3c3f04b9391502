package io.tessera.catalogserver.api;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.graphstore.ProductFilter;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import java.util.Locale;

/** The product-listing filter of REST and GraphQL, parsed from the same two request values. */
public final class ProductFilters {
  private ProductFilters() {}

  /**
   * The filter for a domain and a lifecycle ({@code planned}, {@code physical} or a declared
   * status), either may be null.
   *
   * @throws ProblemException {@code invalid-request} naming the bad value
   */
  public static ProductFilter of(String domain, String lifecycle, String after, int limit) {
    if (domain != null && !IriMinter.isSlug(domain)) {
      throw invalid("domain '" + domain + "' is not a valid domain name");
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
                        invalid(
                            "lifecycle must be planned, physical, ideation, design, build, deploy,"
                                + " consume, deprecated or retired"));
      }
    }
    return new ProductFilter(domain, status, physical, after, limit);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
