package io.tessera.searchindex.document;

import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the index keeps about one entity: one Lucene document. Built by {@link EntryFactory}
 * from graph records, turned into a document by {@link DocumentMapper}.
 *
 * @param root the aggregate the entity belongs to; updates replace a whole aggregate
 * @param rootType the type of the root entity
 * @param qualifiedNames names that identify it in the catalog, most specific first
 * @param shortNames the last segment of dotted or slashed names ({@code orders} for {@code
 *     sales.public.orders})
 * @param descriptions description, purpose and similar prose
 * @param columns names of the columns of its schema
 * @param keywords tags, classifications, types and other words worth matching
 * @param context where it sits, for display and (weakly) for matching
 * @param facets its values per dimension ({@link FacetDimension#TYPE} is added from the type)
 * @param contentGraphs the graphs its content comes from (a caller needs all of them)
 * @param mentionGraphs graphs of which a caller needs at least one; replaced by the content graphs
 *     when there are any (being allowed all of those implies being allowed one)
 * @param disclosure whether a caller also needs the read scope for it, or must lack it (a redacted
 *     stand-in)
 */
public record IndexEntry(
    String iri,
    String root,
    EntityType rootType,
    EntityType type,
    String title,
    String name,
    List<String> qualifiedNames,
    List<String> shortNames,
    List<String> descriptions,
    List<String> columns,
    List<String> keywords,
    String context,
    Map<FacetDimension, List<String>> facets,
    Set<String> contentGraphs,
    Set<String> mentionGraphs,
    Disclosure disclosure) {
  public IndexEntry {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(disclosure, "disclosure");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(rootType, "rootType");
    Objects.requireNonNull(type, "type");
    title = title == null || title.isBlank() ? name : title;
    qualifiedNames = distinct(qualifiedNames);
    shortNames = distinct(shortNames);
    descriptions = distinct(descriptions);
    columns = distinct(columns);
    keywords = distinct(keywords);
    EnumMap<FacetDimension, List<String>> values = new EnumMap<>(FacetDimension.class);
    facets.forEach(
        (dim, list) -> {
          List<String> kept = distinct(list.stream().map(Keys::clean).map(String::strip).toList());
          if (!kept.isEmpty()) {
            values.put(dim, kept);
          }
        });
    values.put(FacetDimension.TYPE, List.of(type.slug()));
    facets = Map.copyOf(values);
    contentGraphs = Set.copyOf(contentGraphs);
    mentionGraphs = Set.copyOf(contentGraphs.isEmpty() ? mentionGraphs : contentGraphs);
  }

  /** An entry whose disclosure follows from its type: ports and columns are details. */
  public IndexEntry(
      String iri,
      String root,
      EntityType rootType,
      EntityType type,
      String title,
      String name,
      List<String> qualifiedNames,
      List<String> shortNames,
      List<String> descriptions,
      List<String> columns,
      List<String> keywords,
      String context,
      Map<FacetDimension, List<String>> facets,
      Set<String> contentGraphs,
      Set<String> mentionGraphs) {
    this(
        iri,
        root,
        rootType,
        type,
        title,
        name,
        qualifiedNames,
        shortNames,
        descriptions,
        columns,
        keywords,
        context,
        facets,
        contentGraphs,
        mentionGraphs,
        type == EntityType.PORT || type == EntityType.COLUMN ? Disclosure.DETAIL : Disclosure.OPEN);
  }

  /** The same entry, shown only to callers who may read it. */
  public IndexEntry detailed() {
    return withDisclosure(Disclosure.DETAIL, descriptions, columns, keywords, facets);
  }

  /**
   * Its stand-in for callers who may discover but not read it: no columns, and only the
   * descriptions, keywords and facet values given, which must show nothing a read permission
   * guards.
   */
  public IndexEntry redacted(
      List<String> descriptions, List<String> keywords, Map<FacetDimension, List<String>> facets) {
    return withDisclosure(Disclosure.REDACTED, descriptions, List.of(), keywords, facets);
  }

  private IndexEntry withDisclosure(
      Disclosure to,
      List<String> descriptions,
      List<String> columns,
      List<String> keywords,
      Map<FacetDimension, List<String>> facets) {
    return new IndexEntry(
        iri,
        root,
        rootType,
        type,
        title,
        name,
        qualifiedNames,
        shortNames,
        descriptions,
        columns,
        keywords,
        context,
        facets,
        contentGraphs,
        mentionGraphs,
        to);
  }

  /**
   * The text its meaning is read from: the title (and name, if different), the descriptions and the
   * tags it shows, never its column names or other keywords (a redacted stand-in has the same or
   * less of it). Null when there is nothing worth embedding: domains, jobs, terms, and columns
   * without a description, which their names already find.
   */
  public String meaningText() {
    boolean embedded =
        switch (type) {
          case DATA_PRODUCT, PORT, DATASET -> true;
          case COLUMN -> !descriptions.isEmpty();
          case DOMAIN, JOB, TERM -> false;
        };
    if (!embedded) {
      return null;
    }
    StringBuilder text = new StringBuilder(title == null ? "" : title);
    if (name != null && !name.equalsIgnoreCase(title)) {
      text.append(" (").append(name).append(')');
    }
    for (String d : descriptions) {
      text.append(". ").append(d);
    }
    List<String> tags = facet(FacetDimension.TAG);
    if (!tags.isEmpty()) {
      text.append(". ").append(String.join(", ", tags));
    }
    return text.toString();
  }

  /** Its values for one dimension. */
  public List<String> facet(FacetDimension dimension) {
    return facets.getOrDefault(dimension, List.of());
  }

  private static List<String> distinct(List<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        kept.add(v);
      }
    }
    return List.copyOf(new ArrayList<>(kept));
  }
}
