package io.tessera.searchindex.engine;

import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.ChangeEvent.EntityKind;
import io.tessera.graphstore.Product;
import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.document.EntryFactory;
import io.tessera.searchindex.document.IndexEntry;
import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads changed aggregates from the graph and replaces their documents. A product's change also
 * re-reads the datasets and terms whose documents depend on it: those it mentions now (from the
 * graph) and those that mentioned its graphs before (from the last committed index), so a dataset
 * that a deleted product promised loses that product's columns and domain.
 */
final class AggregateWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AggregateWriter.class);
  private static final int MAX_DEPENDENTS = 100_000;

  private final IndexStore store;
  private final CatalogEntities entities;
  private final EntryFactory entries;
  private final DocumentBuilder documents;

  /** The entries of the aggregates re-read in this batch, written together at its end. */
  private final Map<String, List<IndexEntry>> pending = new LinkedHashMap<>();

  AggregateWriter(
      IndexStore store, CatalogEntities entities, EntryFactory entries, DocumentBuilder documents) {
    this.store = store;
    this.entities = entities;
    this.documents = documents;
    this.entries = entries;
  }

  /** Whether events of this kind change documents of the index. */
  static boolean indexes(EntityKind kind) {
    return switch (kind) {
      case DOMAIN, DATA_PRODUCT, DATASET, JOB -> true;
      case RUN, POLICY, AGREEMENT, STORE -> false;
    };
  }

  /**
   * Re-reads and replaces the aggregates (and their dependents); does not commit.
   *
   * @return how many aggregates were re-read
   */
  int apply(Map<String, EntityKind> changed) throws IOException {
    Map<String, EntityType> roots = new LinkedHashMap<>();
    changed.forEach((iri, kind) -> roots.put(iri, type(kind)));
    Map<String, EntityType> dependents = new LinkedHashMap<>();
    for (Map.Entry<String, EntityType> root : roots.entrySet()) {
      isolated(
          root.getKey(),
          () -> {
            if (root.getValue() == EntityType.DATA_PRODUCT) {
              product(root.getKey(), dependents);
            } else {
              reindex(root.getKey(), root.getValue());
            }
          });
    }
    int written = roots.size();
    for (Map.Entry<String, EntityType> dependent : dependents.entrySet()) {
      if (!roots.containsKey(dependent.getKey())) {
        isolated(dependent.getKey(), () -> reindex(dependent.getKey(), dependent.getValue()));
        written++;
      }
    }
    flush();
    return written;
  }

  /**
   * Builds the documents of every aggregate re-read in the batch (embedding their texts together)
   * and replaces them in the index.
   */
  private void flush() throws IOException {
    try {
      for (Map.Entry<String, List<Document>> aggregate : documents.documents(pending).entrySet()) {
        store.replace(aggregate.getKey(), aggregate.getValue());
      }
    } finally {
      pending.clear();
    }
  }

  /**
   * Replaces a product's documents and collects the other aggregates to re-read: datasets it
   * produces now or produced before (they show its columns, domain and owner), and datasets and
   * terms it started or stopped mentioning (their visibility depends on who mentions them). A
   * dataset or term it mentions before and after is left alone, so a popular classification is not
   * re-read on every change of every product that uses it.
   */
  private void product(String root, Map<String, EntityType> dependents) throws IOException {
    Optional<Product> product = entities.product(root);
    Set<String> graphs = new HashSet<>(previousGraphs(root));
    product.ifPresent(p -> graphs.addAll(entries.graphs(p)));
    Map<String, EntityType> producedBefore = previousDependents(root, graphs, true);
    Map<String, EntityType> mentionedBefore = previousDependents(root, graphs, false);
    Map<String, EntityType> mentionedNow = new LinkedHashMap<>();
    product.ifPresent(
        p -> {
          entries.datasetsProducedBy(p).forEach(d -> dependents.put(d, EntityType.DATASET));
          entries.datasetsMentionedBy(p).forEach(d -> mentionedNow.put(d, EntityType.DATASET));
          entries.termsOf(p).forEach(t -> mentionedNow.put(t, EntityType.TERM));
        });
    dependents.putAll(producedBefore);
    mentionedNow.forEach(
        (iri, type) -> {
          if (!mentionedBefore.containsKey(iri)) {
            dependents.put(iri, type);
          }
        });
    mentionedBefore.forEach(
        (iri, type) -> {
          if (!mentionedNow.containsKey(iri)) {
            dependents.put(iri, type);
          }
        });
    write(root, product.map(entries::product).orElse(List.of()));
  }

  /**
   * Runs one aggregate's update; if the graph holds something this module cannot index (or a read
   * times out), that aggregate keeps its previous documents and the others go ahead. I/O errors of
   * the index itself are not isolated: they fail the batch.
   */
  private static void isolated(String root, IndexWork work) throws IOException {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("cannot index {}; its previous documents are kept", root, e);
    }
  }

  @FunctionalInterface
  private interface IndexWork {
    void run() throws IOException;
  }

  private void reindex(String root, EntityType type) throws IOException {
    long started = System.nanoTime();
    List<IndexEntry> list =
        switch (type) {
          case DOMAIN -> entities.domain(root).map(entries::domain).orElse(List.of());
          case DATA_PRODUCT -> entities.product(root).map(entries::product).orElse(List.of());
          case DATASET -> entities.dataset(root).map(entries::dataset).orElse(List.of());
          case JOB -> entities.job(root).map(entries::job).orElse(List.of());
          case TERM -> entities.term(root).map(entries::term).orElse(List.of());
          case PORT, COLUMN -> throw new IllegalArgumentException("not a root type: " + type);
        };
    write(root, list);
    LOG.debug(
        "re-read {} {} in {} ms", type.slug(), root, (System.nanoTime() - started) / 1_000_000);
  }

  private void write(String root, List<IndexEntry> list) {
    pending.put(root, list);
  }

  /** The graphs the aggregate's documents came from, as last committed. */
  private Set<String> previousGraphs(String root) {
    return store.withCurrent(
        searcher -> {
          Set<String> graphs = new HashSet<>();
          TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ROOT, root)), 1);
          StoredFields stored = searcher.storedFields();
          for (ScoreDoc hit : top.scoreDocs) {
            for (IndexableField f : stored.document(hit.doc).getFields(IndexFields.CONTENT_GRAPH)) {
              graphs.add(f.stringValue());
            }
          }
          return graphs;
        });
  }

  /**
   * Other aggregates whose last committed documents drew their content from these graphs ({@code
   * content} true), or needed one of them to be visible (false; this includes the former).
   */
  private Map<String, EntityType> previousDependents(
      String root, Set<String> graphs, boolean content) {
    if (graphs.isEmpty()) {
      return Map.of();
    }
    String field = content ? IndexFields.CONTENT_GRAPH : IndexFields.MENTION_GRAPH;
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(
                new TermInSetQuery(field, graphs.stream().map(BytesRef::new).toList()),
                Occur.FILTER)
            .add(new TermQuery(new Term(IndexFields.ROOT, root)), Occur.MUST_NOT)
            .build();
    return store.withCurrent(
        searcher -> {
          Map<String, EntityType> found = new LinkedHashMap<>();
          StoredFields stored = searcher.storedFields();
          for (ScoreDoc hit : searcher.search(query, MAX_DEPENDENTS).scoreDocs) {
            Document doc =
                stored.document(hit.doc, Set.of(IndexFields.ROOT, IndexFields.ROOT_TYPE));
            EntityType.fromSlug(doc.get(IndexFields.ROOT_TYPE))
                .ifPresentOrElse(
                    type -> found.put(doc.get(IndexFields.ROOT), type),
                    () -> LOG.warn("document without root type: {}", doc.get(IndexFields.ROOT)));
          }
          return found;
        });
  }

  private static EntityType type(EntityKind kind) {
    return switch (kind) {
      case DOMAIN -> EntityType.DOMAIN;
      case DATA_PRODUCT -> EntityType.DATA_PRODUCT;
      case DATASET -> EntityType.DATASET;
      case JOB -> EntityType.JOB;
      case RUN, POLICY, AGREEMENT, STORE ->
          throw new IllegalArgumentException("not indexed: " + kind);
    };
  }
}
