package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.ontology.DPROD;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.TESS;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * The keys ({@code domain/name}) of every data product in key order, with the two facts product
 * listings filter on (declared lifecycle status, physical or planned), kept in memory so that a
 * page of {@code products} costs a walk of the page instead of a query that sorts every product of
 * the catalog (or of the domain) on every request.
 *
 * <p>Built with a scan of five predicates on first use, after the store is reset and when more than
 * {@value #REBUILD_AFTER} products changed since the last reader; otherwise only the products the
 * change feed names are read again, by the next reader, inside its own read transaction. A change
 * is forgotten only by a reader whose transaction is known to see it: the reader takes the {@link
 * #generation()} before it opens its transaction, and a change announced before that was committed
 * before it (the store announces a commit's changes after committing and before the write returns).
 * So a listing never misses a write whose response its caller has already received.
 */
final class ProductIndex implements ChangeListener {
  private static final Query ENTRIES =
      SparqlQueries.load(ProductIndex.class, "/graphql/product-index.rq");

  /** More changed products than this are read again with one query for all (e.g. after imports). */
  private static final int REBUILD_AFTER = 500;

  /** What listings filter on. */
  private record Entry(Lifecycle lifecycle, boolean physical) {}

  private final String productPrefix;
  private final Function<String, String> productIri;
  private final NavigableMap<String, Entry> entries = new TreeMap<>();

  /** Changed products not yet read again, with the generation their change was announced at. */
  private final Map<String, Long> changed = new HashMap<>();

  private long generation;
  private boolean built;
  private long resetAt;

  /**
   * @param productPrefix what product IRIs start with, before {@code domain/name}
   * @param productIri the IRI of a product by its key
   */
  ProductIndex(String productPrefix, Function<String, String> productIri) {
    this.productPrefix = productPrefix;
    this.productIri = productIri;
  }

  /** Take this before opening the read transaction that is then passed to {@link #keys}. */
  synchronized long generation() {
    return generation;
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    synchronized (this) {
      for (ChangeEvent change : changes) {
        switch (change.kind()) {
          case DATA_PRODUCT -> {
            generation++;
            if (change.entityIri().startsWith(productPrefix)) {
              changed.put(change.entityIri().substring(productPrefix.length()), generation);
            } else {
              reset();
            }
          }
          case STORE -> {
            generation++;
            reset();
          }
          default -> {}
        }
      }
    }
  }

  private void reset() {
    built = false;
    resetAt = generation;
    changed.clear();
  }

  /**
   * Keys of the products matching the filter, as {@code ProductRepository.keys} lists them:
   * forwards in key order after {@code filter.after()}, or backwards in reverse key order before
   * it, at most {@code filter.limit()}.
   *
   * @param r a read transaction opened after {@code generation} was taken
   * @param generation what {@link #generation()} answered before {@code r} was opened
   */
  synchronized List<String> keys(
      GraphReader r, long generation, ProductFilter filter, boolean backwards) {
    catchUp(r, generation);
    // a domain's keys are those from "domain/" up to "domain/\uffff" (slugs are ASCII)
    String low = filter.domain() == null ? null : filter.domain() + "/";
    String high = filter.domain() == null ? null : filter.domain() + "/\uffff";
    boolean lowIncluded = true;
    boolean highIncluded = true;
    String cursor = filter.after();
    if (cursor != null && !backwards && (low == null || cursor.compareTo(low) >= 0)) {
      low = cursor;
      lowIncluded = false;
    } else if (cursor != null && backwards && (high == null || cursor.compareTo(high) <= 0)) {
      high = cursor;
      highIncluded = false;
    }
    if (low != null && high != null && low.compareTo(high) > 0) {
      return List.of();
    }
    NavigableMap<String, Entry> view =
        low == null && high == null
            ? entries
            : low == null
                ? entries.headMap(high, highIncluded)
                : high == null
                    ? entries.tailMap(low, lowIncluded)
                    : entries.subMap(low, lowIncluded, high, highIncluded);
    if (backwards) {
      view = view.descendingMap();
    }
    List<String> keys = new ArrayList<>(Math.min(filter.limit(), 1024));
    for (Map.Entry<String, Entry> e : view.entrySet()) {
      if (keys.size() >= filter.limit()) {
        break;
      }
      Entry entry = e.getValue();
      if ((filter.lifecycle() == null || filter.lifecycle() == entry.lifecycle())
          && (filter.physical() == null || filter.physical() == entry.physical())) {
        keys.add(e.getKey());
      }
    }
    return keys;
  }

  private void catchUp(GraphReader r, long readGeneration) {
    if (!built || changed.size() > REBUILD_AFTER) {
      entries.clear();
      readAll(r);
      built = resetAt <= readGeneration;
      changed.values().removeIf(at -> at <= readGeneration);
      return;
    }
    if (changed.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Long> change : new ArrayList<>(changed.entrySet())) {
      String key = change.getKey();
      Node product = NodeFactory.createURI(productIri.apply(key));
      List<Row> rows = r.select(ENTRIES, Map.of("product", product));
      entries.remove(key);
      rows.forEach(this::put);
      if (change.getValue() <= readGeneration) {
        changed.remove(key);
      }
    }
  }

  /**
   * What {@code product-index.rq} answers for every product, from five scans of one predicate each
   * joined in memory: index lookups without the per-query timeout, which the one query for all
   * products can run past in a large catalog.
   */
  private void readAll(GraphReader r) {
    Map<Node, List<String>> keys = objects(r, DCTerms.identifier.asNode());
    Map<Node, List<String>> lifecycles = objects(r, DPROD.lifecycleStatus.asNode());
    Map<Node, List<String>> domains = objects(r, DPROD.domain.asNode());
    Map<Node, List<String>> since = objects(r, TESS.physicalSince.asNode());
    for (Triple t : r.find(null, RDF.type.asNode(), DPROD.DataProduct.asNode())) {
      Node product = t.getSubject();
      if (!domains.containsKey(product)) {
        continue;
      }
      for (String key : keys.getOrDefault(product, List.of())) {
        for (String lifecycle : lifecycles.getOrDefault(product, List.of())) {
          entries.put(
              key,
              new Entry(Lifecycle.fromIri(lifecycle).orElse(null), since.containsKey(product)));
        }
      }
    }
  }

  private static Map<Node, List<String>> objects(GraphReader r, Node predicate) {
    Map<Node, List<String>> bySubject = new HashMap<>();
    for (Triple t : r.find(null, predicate, null)) {
      Node o = t.getObject();
      bySubject
          .computeIfAbsent(t.getSubject(), s -> new ArrayList<>(1))
          .add(o.isLiteral() ? o.getLiteralLexicalForm() : o.toString());
    }
    return bySubject;
  }

  private void put(Row row) {
    Lifecycle lifecycle = Lifecycle.fromIri(row.text("lifecycle")).orElse(null);
    entries.put(row.text("key"), new Entry(lifecycle, row.text("since") != null));
  }

  /** How many products the index holds now (for tests). */
  synchronized int size() {
    return entries.size();
  }
}
