package io.tessera.governance;

/**
 * The decisions about one product for one principal.
 *
 * @param product {@code domain/name}
 */
public record Explanation(String product, String subject, Decision discover, Decision read) {}
