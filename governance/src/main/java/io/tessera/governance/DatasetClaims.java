package io.tessera.governance;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.ontology.IriMinter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * Which domains claim a dataset: the domains of the products whose output ports promise it or are
 * bound to it. Read from the graph once, then kept up to date from the change feed (a changed
 * product is read again, alone, at the next lookup), so a lookup on the lineage ingest path is a
 * map lookup.
 */
public class DatasetClaims implements ChangeListener {
  private static final Query CLAIMS = SparqlQueries.load(DatasetClaims.class, "dataset-claims.rq");

  private final GraphStore store;
  private final IriMinter iris;

  /**
   * Products changed since they were last read, with the store revision of their latest change; an
   * entry is removed only once what it announced has been read, so a lookup never answers from
   * claims older than the last delivered change.
   */
  private final Map<String, Long> changedProducts = new ConcurrentHashMap<>();

  /** Bumped when the whole store changed (an import, a lineage rebuild); everything is read. */
  private final AtomicLong resets = new AtomicLong(1);

  private volatile long loaded;

  /** Dataset IRI to the keys ({@code domain/name}) of the products claiming it. */
  private volatile Map<String, Set<String>> claimants = new ConcurrentHashMap<>();

  /** Product key to the dataset IRIs it claims (only touched under the lock). */
  private final Map<String, Set<String>> claimed = new HashMap<>();

  public DatasetClaims(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    for (ChangeEvent change : changes) {
      switch (change.kind()) {
        case DATA_PRODUCT ->
            changedProducts.merge(change.entityIri(), change.revision(), Math::max);
        case STORE -> resets.incrementAndGet();
        default -> {}
      }
    }
  }

  /** The domains of the products that claim the dataset (empty when none does). */
  public Set<String> domainsClaiming(String namespace, String name) {
    refresh();
    Set<String> products = claimants.get(iris.dataset(namespace, name));
    if (products == null) {
      return Set.of();
    }
    Set<String> domains = new HashSet<>();
    for (String key : products) {
      domains.add(key.substring(0, key.indexOf('/')));
    }
    return domains;
  }

  private void refresh() {
    if (loaded == resets.get() && changedProducts.isEmpty()) {
      return;
    }
    synchronized (this) {
      long reset = resets.get();
      if (loaded != reset) {
        Map<String, Long> seen = Map.copyOf(changedProducts);
        Map<String, Set<String>> all = store.readWithoutTimeout(r -> read(r, null));
        claimed.clear();
        claimants = new ConcurrentHashMap<>();
        all.forEach(this::put);
        seen.forEach(changedProducts::remove);
        loaded = reset;
      }
      if (!changedProducts.isEmpty()) {
        Map<String, Long> batch = Map.copyOf(changedProducts);
        String prefix = iris.base() + "/product/";
        Map<String, Set<String>> read =
            store.read(
                r -> {
                  Map<String, Set<String>> found = new HashMap<>();
                  for (String productIri : batch.keySet()) {
                    found.putAll(read(r, productIri));
                  }
                  return found;
                });
        for (String productIri : batch.keySet()) {
          if (productIri.startsWith(prefix)) {
            String key = productIri.substring(prefix.length());
            put(key, read.getOrDefault(key, Set.of()));
          }
        }
        batch.forEach(changedProducts::remove);
      }
    }
  }

  // Replaces what one product claims.
  private void put(String key, Set<String> datasets) {
    Map<String, Set<String>> claimants = this.claimants;
    Set<String> before = claimed.getOrDefault(key, Set.of());
    for (String dataset : before) {
      if (!datasets.contains(dataset)) {
        claimants.computeIfPresent(
            dataset,
            (d, keys) -> {
              Set<String> rest = new HashSet<>(keys);
              rest.remove(key);
              return rest.isEmpty() ? null : Set.copyOf(rest);
            });
      }
    }
    for (String dataset : datasets) {
      claimants.merge(
          dataset,
          Set.of(key),
          (keys, added) -> {
            Set<String> all = new HashSet<>(keys);
            all.addAll(added);
            return Set.copyOf(all);
          });
    }
    if (datasets.isEmpty()) {
      claimed.remove(key);
    } else {
      claimed.put(key, Set.copyOf(datasets));
    }
  }

  private static Map<String, Set<String>> read(GraphReader reader, String productIri) {
    Map<String, Node> bindings =
        productIri == null ? Map.of() : Map.of("product", NodeFactory.createURI(productIri));
    Map<String, Set<String>> found = new HashMap<>();
    for (Row row : reader.select(CLAIMS, bindings)) {
      String key = row.text("key");
      String dataset = row.text("dataset");
      if (key != null && dataset != null && key.contains("/")) {
        found.computeIfAbsent(key, k -> new HashSet<>()).add(dataset);
      }
    }
    return found;
  }
}
