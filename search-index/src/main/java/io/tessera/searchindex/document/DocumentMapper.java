package io.tessera.searchindex.document;

import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.SearchHit;
import io.tessera.searchindex.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Maps an {@link IndexEntry} to a Lucene document, and a stored document to a hit. */
public final class DocumentMapper {
  /** Stored, analysed, with offsets in the postings so that highlighting needs no re-analysis. */
  private static final FieldType HIGHLIGHTED = highlighted();

  private final FacetsConfig facetsConfig;

  public DocumentMapper() {
    this.facetsConfig = new FacetsConfig();
    for (FacetDimension dim : FacetDimension.values()) {
      facetsConfig.setMultiValued(dim.parameter(), true);
    }
  }

  /** The facet configuration every document is built with and every count is read with. */
  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** The Lucene document of an entry, without a vector. */
  public Document toDocument(IndexEntry entry) {
    return toDocument(entry, null);
  }

  /**
   * The Lucene document of an entry.
   *
   * @param vector the embedding of its {@link IndexEntry#meaningText()}, or null for none
   */
  public Document toDocument(IndexEntry entry, float[] vector) {
    Document doc = new Document();
    if (vector != null) {
      doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.COSINE));
    }
    doc.add(new StringField(IndexFields.IRI, entry.iri(), Field.Store.YES));
    doc.add(new SortedDocValuesField(IndexFields.IRI, new BytesRef(entry.iri())));
    doc.add(new StringField(IndexFields.ROOT, entry.root(), Field.Store.YES));
    doc.add(new StoredField(IndexFields.ROOT_TYPE, entry.rootType().slug()));
    doc.add(new TextField(IndexFields.TITLE, entry.title(), Field.Store.YES));
    doc.add(new TextField(IndexFields.NAME, entry.name(), Field.Store.YES));
    if (!entry.qualifiedNames().isEmpty()) {
      doc.add(new StoredField(IndexFields.QUALIFIED_NAME, entry.qualifiedNames().getFirst()));
    }
    entry.descriptions().forEach(d -> doc.add(new Field(IndexFields.DESCRIPTION, d, HIGHLIGHTED)));
    if (!entry.columns().isEmpty()) {
      doc.add(new Field(IndexFields.COLUMNS, String.join(", ", entry.columns()), HIGHLIGHTED));
    }
    entry.keywords().forEach(k -> doc.add(new TextField(IndexFields.KEYWORDS, k, Field.Store.NO)));
    if (entry.context() != null && !entry.context().isBlank()) {
      doc.add(new TextField(IndexFields.CONTEXT, entry.context(), Field.Store.YES));
    }
    addNames(doc, entry);
    for (String graph : entry.contentGraphs()) {
      doc.add(new StringField(IndexFields.CONTENT_GRAPH, graph, Field.Store.YES));
    }
    for (String graph : entry.mentionGraphs()) {
      doc.add(new StringField(IndexFields.MENTION_GRAPH, graph, Field.Store.NO));
    }
    doc.add(new StringField(IndexFields.DISCLOSURE, entry.disclosure().slug(), Field.Store.NO));
    entry
        .facets()
        .forEach(
            (dim, values) ->
                values.forEach(
                    v -> {
                      doc.add(new StringField(IndexFields.filterField(dim), v, Field.Store.YES));
                      doc.add(new SortedSetDocValuesFacetField(dim.parameter(), v));
                    }));
    try {
      return facetsConfig.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addNames(Document doc, IndexEntry entry) {
    List<String> names = List.of(entry.title(), entry.name());
    for (String name : names) {
      doc.add(new TextField(IndexFields.WORDS, name, Field.Store.NO));
      addKey(doc, IndexFields.EXACT_NAME, name);
    }
    entry.qualifiedNames().forEach(q -> addKey(doc, IndexFields.EXACT_QUALIFIED, q));
    entry.shortNames().forEach(s -> addKey(doc, IndexFields.EXACT_SHORT, s));
    List<String> suggestible = new ArrayList<>(names);
    suggestible.addAll(entry.qualifiedNames());
    suggestible.forEach(name -> doc.add(new TextField(IndexFields.SUGGEST, name, Field.Store.NO)));
    for (String name : names) {
      String key = Keys.normalize(name);
      if (!key.isEmpty()) {
        doc.add(new TextField(IndexFields.SUGGEST_START, key, Field.Store.NO));
      }
    }
    doc.add(
        new SortedDocValuesField(
            IndexFields.TITLE_SORT, new BytesRef(Keys.normalize(entry.title()))));
  }

  private static void addKey(Document doc, String field, String name) {
    String key = Keys.normalize(name);
    if (!key.isEmpty()) {
      doc.add(new StringField(field, key, Field.Store.NO));
    }
  }

  /** A hit from a stored document. */
  public SearchHit toHit(Document stored, float score, String snippet) {
    return new SearchHit(
        stored.get(IndexFields.IRI),
        type(stored),
        stored.get(IndexFields.TITLE),
        stored.get(IndexFields.NAME),
        stored.get(IndexFields.QUALIFIED_NAME),
        stored.get(IndexFields.CONTEXT),
        snippet,
        score,
        facetValues(stored));
  }

  /** A suggestion from a stored document. */
  public Suggestion toSuggestion(Document stored) {
    return new Suggestion(
        stored.get(IndexFields.IRI),
        type(stored),
        stored.get(IndexFields.TITLE),
        stored.get(IndexFields.QUALIFIED_NAME),
        stored.get(IndexFields.CONTEXT));
  }

  private static EntityType type(Document stored) {
    return EntityType.fromSlug(stored.get(IndexFields.filterField(FacetDimension.TYPE)))
        .orElseThrow();
  }

  private static Map<FacetDimension, List<String>> facetValues(Document stored) {
    Map<FacetDimension, List<String>> values = new EnumMap<>(FacetDimension.class);
    for (FacetDimension dim : FacetDimension.values()) {
      List<String> list = new ArrayList<>();
      for (IndexableField f : stored.getFields(IndexFields.filterField(dim))) {
        list.add(f.stringValue());
      }
      if (!list.isEmpty()) {
        values.put(dim, List.copyOf(list));
      }
    }
    return values;
  }

  private static FieldType highlighted() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
