package io.tessera.searchindex.document;

import io.tessera.searchindex.FacetDimension;

/**
 * Every Lucene field name of the index, and the commit user-data keys. Documents are upserted by
 * their {@link #ROOT} term: an aggregate (a product with its ports and columns, a dataset with its
 * observed columns) is replaced as a whole.
 */
public final class IndexFields {
  private IndexFields() {}

  /** The entity IRI: stored, indexed as one term, and a sort key (the cursor's tie-break). */
  public static final String IRI = "iri";

  /** The IRI of the aggregate the document belongs to (product, dataset, domain, job, term). */
  public static final String ROOT = "root";

  /** The type of the root entity, stored: which reader rebuilds the aggregate. */
  public static final String ROOT_TYPE = "root_type";

  /** Heading text (English analysis), stored. */
  public static final String TITLE = "title";

  /** The entity's own name (English analysis), stored. */
  public static final String NAME = "name";

  /** The qualified name, stored for display only ({@link #EXACT_QUALIFIED} is the match). */
  public static final String QUALIFIED_NAME = "qualified_name";

  /** Descriptions and purpose (English analysis, offsets for highlighting), stored. */
  public static final String DESCRIPTION = "description";

  /** Column names of the entity's schema (English analysis, offsets), stored. */
  public static final String COLUMNS = "columns";

  /** Tags, classifications, data types, port types, OpenLineage names (English analysis). */
  public static final String KEYWORDS = "keywords";

  /** Where the entity sits (parent product, port, domain); low weight; stored for display. */
  public static final String CONTEXT = "context";

  /** Words of the title and name without stemming: the target of fuzzy and prefix matching. */
  public static final String WORDS = "words";

  /** Normalised title and name, one term each. */
  public static final String EXACT_NAME = "exact_name";

  /**
   * Normalised qualified names ({@code sales/orders}, {@code sales.public.orders}), one term each.
   */
  public static final String EXACT_QUALIFIED = "exact_qualified";

  /** Normalised short names (the last segment of a dotted or slashed name), one term each. */
  public static final String EXACT_SHORT = "exact_short";

  /** Edge n-grams of every word of title, name and qualified names: typeahead. */
  public static final String SUGGEST = "suggest";

  /** Edge n-grams of the whole normalised title and name: typeahead boost. */
  public static final String SUGGEST_START = "suggest_start";

  /** Normalised title as doc values: the typeahead tie-break. */
  public static final String TITLE_SORT = "title_sort";

  /**
   * Graphs whose content the document shows; the caller must be allowed every one. Stored, so an
   * update can find what the previous version of an aggregate touched.
   */
  public static final String CONTENT_GRAPH = "content_graph";

  /**
   * Graphs of which the caller must be allowed at least one: the content graphs, or, for an entity
   * that only identity triples mention (a term, a dataset only read by products), every graph that
   * mentions it.
   */
  public static final String MENTION_GRAPH = "mention_graph";

  /**
   * What the document shows ({@link Disclosure}: {@code open}, {@code detail} or {@code redacted}),
   * one term: whether the read scope must allow it, or must not.
   */
  public static final String DISCLOSURE = "disclosure";

  /**
   * The embedding of the entity's title and descriptions (cosine similarity, HNSW graph): search by
   * meaning. Products, ports, datasets and described columns have one; only from what the document
   * itself shows, so a redacted stand-in's vector knows nothing its details would tell.
   */
  public static final String VECTOR = "vector";

  /** The doc-values field the facet module keeps every dimension in. */
  public static final String FACETS = "$facets";

  /** Commit user data: the graph revision the committed index reflects. */
  public static final String COMMIT_REVISION = "tessera.graph.revision";

  /** Commit user data: the document layout; a different value means rebuild. */
  public static final String COMMIT_LAYOUT = "tessera.index.layout";

  /**
   * Commit user data: the embedding model the vectors were computed with ({@code none} without
   * search by meaning); a different value means rebuild, with the new model.
   */
  public static final String COMMIT_EMBEDDING_MODEL = "tessera.embedding.model";

  /** The current document layout. Increase it whenever fields or analysis change. */
  public static final String LAYOUT_VERSION = "3";

  /**
   * The filter field of a facet dimension ({@code f_domain}): one term per value, stored. The facet
   * counts themselves live in {@link #FACETS} under the dimension's parameter name.
   */
  public static String filterField(FacetDimension dimension) {
    return "f_" + dimension.parameter();
  }
}
