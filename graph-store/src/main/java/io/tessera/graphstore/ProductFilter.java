package io.tessera.graphstore;

import io.tessera.ontology.Lifecycle;

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
    String domain, Lifecycle lifecycle, Boolean physical, String after, int limit) {}
