package io.tessera.catalogserver.events;

import io.micronaut.context.annotation.Context;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.ontology.IriMinter;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the graph's change feed into catalog events, in commit order on one thread: {@code
 * product.changed}/{@code product.deleted} (declared or observed: a binding changes the observed
 * graph), {@code product.physical} when a product's first output port is bound, {@code
 * domain.changed}/{@code domain.deleted}, {@code policy.changed}/{@code policy.deleted}. Lineage
 * (datasets, jobs, runs) is not repeated here: its own journal is its record. The graph commits
 * before the event is appended, so an event can be lost if the process dies in between (the
 * journal-everything work will close that gap); events of writes the relational database records
 * are appended in their own transactions instead.
 */
@Context
public class GraphChangeEvents implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(GraphChangeEvents.class);

  private final CatalogEventLog log;
  private final ProductRepository products;
  private final IriMinter iris;
  private final io.tessera.catalogserver.cluster.Leadership leadership;
  private final Map<String, Boolean> physical = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tessera-catalog-events");
            t.setDaemon(true);
            return t;
          });

  public GraphChangeEvents(
      CatalogEventLog log,
      ProductRepository products,
      IriMinter iris,
      GraphStore store,
      io.tessera.catalogserver.cluster.Leadership leadership) {
    this.leadership = leadership;
    this.log = log;
    this.products = products;
    this.iris = iris;
    store.subscribe(this);
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    List<ChangeEvent> relevant =
        changes.stream()
            .filter(
                c ->
                    switch (c.kind()) {
                      // a journaled write is recorded where it was made; what a node derives
                      // itself from lineage (a binding) only by the elected leader
                      case DATA_PRODUCT, DOMAIN, POLICY ->
                          c.journalPosition() > 0 ? !c.replayed() : leadership.leading();
                      default -> false;
                    })
            .toList();
    if (!relevant.isEmpty()) {
      worker.execute(() -> relevant.forEach(this::append));
    }
  }

  private void append(ChangeEvent change) {
    try {
      boolean deleted = change.type() == ChangeEvent.ChangeType.DELETE;
      String verb = deleted ? "deleted" : "changed";
      String data = "{\"revision\":" + change.revision() + "}";
      switch (change.kind()) {
        case DATA_PRODUCT -> {
          String key = key(change.entityIri(), "/product/");
          if (key == null) {
            return;
          }
          log.append(CatalogEvent.of("product." + verb, key, key, data));
          if (!deleted) {
            String[] parts = key.split("/", 2);
            Product p = products.find(parts[0], parts[1]).orElse(null);
            boolean now = p != null && p.physical();
            Boolean before = physical.put(key, now);
            if (now
                && (Boolean.FALSE.equals(before)
                    || before == null && !log.has("product.physical", key))) {
              log.append(
                  CatalogEvent.of(
                      "product.physical",
                      key,
                      key,
                      "{\"physicalSince\":\"" + p.physicalSince() + "\"}"));
            }
          } else {
            physical.remove(key);
          }
        }
        case DOMAIN -> {
          String domain = key(change.entityIri(), "/domain/");
          if (domain != null) {
            log.append(CatalogEvent.of("domain." + verb, domain, null, data));
          }
        }
        case POLICY -> {
          String policy = key(change.entityIri(), "/policy/");
          if (policy != null) {
            log.append(CatalogEvent.of("policy." + verb, policy, null, data));
          }
        }
        default -> {}
      }
    } catch (RuntimeException e) {
      LOG.warn("could not append the change of {} to the change feed", change.entityIri(), e);
    }
  }

  private String key(String iri, String path) {
    String prefix = iris.base() + path;
    return iri.startsWith(prefix) ? iri.substring(prefix.length()) : null;
  }

  @PreDestroy
  void close() {
    worker.shutdown();
  }
}
