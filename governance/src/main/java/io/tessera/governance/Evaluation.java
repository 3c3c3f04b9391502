package io.tessera.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to "may this principal read these products together?".
 *
 * @param products the decision for each product
 * @param classifications the classifications of the combination, including those toxic combinations
 *     add
 * @param toxicCombinations the toxic combinations the set triggers ({@code policy: [a, b] -> c})
 * @param combined the decision for reading them together
 */
public record Evaluation(
    List<Explanation> products,
    List<String> classifications,
    List<String> toxicCombinations,
    Decision combined) {

  /**
   * This evaluation with products the caller may not discover (or that do not exist) added as not
   * found, exactly alike, and left out of the classifications; with any, the set may not be read.
   *
   * @param missing product keys ({@code domain/name})
   * @param subject who asked
   */
  public Evaluation withNotFound(List<String> missing, String subject) {
    if (missing.isEmpty()) {
      return this;
    }
    List<Explanation> all = new ArrayList<>(products);
    Decision notFound = new Decision(false, "no such data product", null, null, null);
    for (String key : missing) {
      all.add(new Explanation(key, subject, notFound, notFound));
    }
    return new Evaluation(
        all,
        classifications,
        toxicCombinations,
        new Decision(false, "not every product may be read", null, null, null));
  }
}
