package io.tessera.searchindex;

/**
 * How many results of a search carry a facet value: exactly the number of results one would count
 * by paging through them all, and the total one gets by adding the value as a filter.
 */
public record FacetCount(String value, long count) {}
