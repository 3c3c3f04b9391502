package io.tessera.catalogserver.policy;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The decisions about one product for one principal.
 *
 * @param product {@code domain/name}
 */
@Serdeable
public record Explanation(String product, String subject, Decision discover, Decision read) {}
