package io.tessera.graphstore;

import java.util.Set;

/**
 * A glossary or classification term: a {@code skos:Concept} that is neither a domain nor a
 * lifecycle status (for example {@code {base}/classification/pii}).
 *
 * @param notation its {@code skos:notation} (the slug), or null
 * @param label its {@code skos:prefLabel}, or null
 * @param definition its {@code skos:definition}, or null
 * @param contentGraphs the graphs its definition was read from
 * @param mentionGraphs every graph that declares it (each product graph repeats its
 *     classifications); a caller must be allowed at least one
 */
public record CatalogTerm(
    String iri,
    String notation,
    String label,
    String definition,
    Set<String> contentGraphs,
    Set<String> mentionGraphs) {
  public CatalogTerm {
    contentGraphs = Set.copyOf(contentGraphs);
    mentionGraphs = Set.copyOf(mentionGraphs);
  }
}
