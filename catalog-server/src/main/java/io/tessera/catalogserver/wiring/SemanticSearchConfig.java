package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Search by meaning ({@code tessera.search.semantic.*}).
 *
 * @param enabled load the sentence-embedding model, write a vector per product, port, dataset and
 *     described column, and combine the nearest ones with the ranking by words ({@code
 *     TESSERA_SEARCH_SEMANTIC_ENABLED}, default true); false loads no model and writes no vectors
 */
@ConfigurationProperties("tessera.search.semantic")
public record SemanticSearchConfig(@Bindable(defaultValue = "true") boolean enabled) {}
