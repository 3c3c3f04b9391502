package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.TESS;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
      SparqlQueries.load(ProductIndex.class, "queries/product-index.rq");

  /** More changed products than this are read again with one query for all (e.g. after imports). */
  private static final int REBUILD_AFTER = 500;

  /** How many scopes' allowed keys are kept. */
  private static final int SCOPES = 16;

  /** What listings filter on. */
  private record Entry(Lifecycle lifecycle, boolean physical) {}

  /** The keys a scope allows, as of a set of keys. */
  private record Visible(long keySet, String[] keys) {}

  private final String productPrefix;
  private final Function<String, String> productIri;
  private final String graphPrefix;
  private final NavigableMap<String, Entry> entries = new TreeMap<>();

  /** Changed products not yet read again, with the generation their change was announced at. */
  private final Map<String, Long> changed = new HashMap<>();

  /** The keys a scope allows, by scope, for the last {@value #SCOPES} scopes asked about. */
  private final Map<VisibilityScope, Visible> visibleByScope =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VisibilityScope, Visible> eldest) {
          return size() > SCOPES;
        }
      };

  /** Counts changes to the set of keys (not to what a key holds). */
  private long keySet;

  private long generation;
  private boolean built;
  private long resetAt;

  /**
   * @param productPrefix what product IRIs start with, before {@code domain/name}
   * @param productIri the IRI of a product by its key
   * @param graphPrefix what product graphs start with, before {@code domain/name}
   */
  ProductIndex(String productPrefix, Function<String, String> productIri, String graphPrefix) {
    this.productPrefix = productPrefix;
    this.productIri = productIri;
    this.graphPrefix = graphPrefix;
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
    return keys(r, generation, filter, backwards, VisibilityScope.everything());
  }

  /**
   * As {@link #keys(GraphReader, long, ProductFilter, boolean)}, but only the keys of products
   * whose graph the scope allows. The keys a scope allows are gathered once per scope and set of
   * keys (the last {@value #SCOPES} scopes are kept), so a caller who may see few of a large
   * domain's products pays for the page, not for a walk over the domain's keys on every request.
   */
  synchronized List<String> keys(
      GraphReader r,
      long generation,
      ProductFilter filter,
      boolean backwards,
      VisibilityScope scope) {
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
    List<String> keys = new ArrayList<>(Math.min(filter.limit(), 1024));
    if (scope.isEverything()) {
      NavigableMap<String, Entry> view =
          low == null && high == null
              ? entries
              : low == null
                  ? entries.headMap(high, highIncluded)
                  : high == null
                      ? entries.tailMap(low, lowIncluded)
                      : entries.subMap(low, lowIncluded, high, highIncluded);
      for (String key : backwards ? view.descendingKeySet() : view.navigableKeySet()) {
        if (keys.size() >= filter.limit()) {
          break;
        }
        if (matches(filter, entries.get(key))) {
          keys.add(key);
        }
      }
      return keys;
    }
    String[] visible = visible(scope);
    int from = low == null ? 0 : position(visible, low, !lowIncluded);
    int to = high == null ? visible.length : position(visible, high, highIncluded);
    for (int i = backwards ? to - 1 : from;
        backwards ? i >= from : i < to;
        i += backwards ? -1 : 1) {
      if (keys.size() >= filter.limit()) {
        break;
      }
      if (matches(filter, entries.get(visible[i]))) {
        keys.add(visible[i]);
      }
    }
    return keys;
  }

  private static boolean matches(ProductFilter filter, Entry entry) {
    return (filter.lifecycle() == null || filter.lifecycle() == entry.lifecycle())
        && (filter.physical() == null || filter.physical() == entry.physical());
  }

  /** Where {@code key} is or would be in the sorted keys; past it if {@code after}. */
  private static int position(String[] sorted, String key, boolean after) {
    int at = Arrays.binarySearch(sorted, key);
    return at >= 0 ? (after ? at + 1 : at) : -at - 1;
  }

  /** The keys the scope allows, in key order, gathered again after keys came or went. */
  private String[] visible(VisibilityScope scope) {
    Visible cached = visibleByScope.get(scope);
    if (cached != null && cached.keySet() == keySet) {
      return cached.keys();
    }
    String[] keys =
        entries.keySet().stream()
            .filter(key -> scope.allows(graphPrefix, key))
            .toArray(String[]::new);
    visibleByScope.put(scope, new Visible(keySet, keys));
    return keys;
  }

  private void catchUp(GraphReader r, long readGeneration) {
    if (!built || changed.size() > REBUILD_AFTER) {
      entries.clear();
      keySet++;
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
      boolean existed = entries.remove(key) != null;
      rows.forEach(this::put);
      if (existed != entries.containsKey(key)) {
        keySet++;
      }
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
