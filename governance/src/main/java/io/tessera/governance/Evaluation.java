package io.tessera.governance;

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
    Decision combined) {}
