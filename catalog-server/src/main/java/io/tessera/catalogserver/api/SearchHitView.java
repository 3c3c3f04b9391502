package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.SearchHit;
import java.util.ArrayList;
import java.util.List;

/**
 * One search hit.
 *
 * @param type {@code domain}, {@code product}, {@code port}, {@code dataset}, {@code column},
 *     {@code job} or {@code term}
 * @param context where the entity sits, e.g. {@code Customer Orders › orders-table}
 * @param snippet a passage with the matched words in {@code <mark>}; HTML-escaped
 * @param domain the domain it belongs to (the first, for a dataset several domains produce)
 * @param state {@code planned} or {@code physical}
 * @param lifecycle for products, ports and their columns the declared status, followed by the state
 *     (as before the state had a field of its own)
 * @param owner its owner (the first, for a dataset several products produce)
 * @param platform where the data lives (postgres, kafka, s3, bigquery...)
 * @param matchedByMeaning true when it was found by meaning only (its description is close to the
 *     query's meaning, none of the query's words match it); absent otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHitView(
    String iri,
    String type,
    String title,
    String name,
    String qualifiedName,
    String context,
    String snippet,
    String domain,
    String state,
    List<String> lifecycle,
    List<String> classification,
    List<String> tags,
    String owner,
    List<String> platform,
    float score,
    Boolean matchedByMeaning) {

  static SearchHitView of(SearchHit hit) {
    List<String> owners = hit.values(FacetDimension.OWNER);
    List<String> state = hit.values(FacetDimension.STATE);
    List<String> lifecycle = new ArrayList<>(hit.values(FacetDimension.LIFECYCLE));
    lifecycle.addAll(state);
    return new SearchHitView(
        hit.iri(),
        hit.type().slug(),
        hit.title(),
        hit.name(),
        hit.qualifiedName(),
        hit.context(),
        hit.snippet(),
        hit.domain(),
        state.isEmpty() ? null : state.getFirst(),
        List.copyOf(lifecycle),
        hit.values(FacetDimension.CLASSIFICATION),
        hit.values(FacetDimension.TAG),
        owners.isEmpty() ? null : owners.getFirst(),
        hit.values(FacetDimension.PLATFORM),
        hit.score(),
        hit.matchedByMeaning() ? Boolean.TRUE : null);
  }
}
