package io.tessera.governance;

import java.util.List;

/**
 * A policy whose targets include a product, with what made it a target and the rules of it that
 * apply to that product.
 *
 * @param policy the policy as declared
 * @param matchedBy which of its targets match the product, in the order product, domain,
 *     classifications (sorted)
 * @param rules its rules that apply to the product, in declaration order: all of them but those
 *     whose product constraints (product.classification, product.tag, ...) the product does not
 *     meet
 */
public record AppliedPolicy(Policy policy, List<Target> matchedBy, List<Policy.Rule> rules) {
  public AppliedPolicy {
    matchedBy = List.copyOf(matchedBy);
    rules = List.copyOf(rules);
  }

  /** What a target names. */
  public enum TargetKind {
    PRODUCT,
    DOMAIN,
    CLASSIFICATION
  }

  /**
   * A target of the policy that matches the product.
   *
   * @param value the product ({@code domain/name}), the domain, or the classification slug
   */
  public record Target(TargetKind kind, String value) {}
}
