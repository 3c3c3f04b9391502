package io.tessera.catalogserver.exchange;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.ontology.IriMinter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the exchange in step with the catalog: at start-up the agreement graphs are reconciled with
 * the relational record and everyone interested in an already physical product is told (once; a
 * crash between a binding and the notification loses nothing); afterwards every product change that
 * leaves a product physical tells its interested readers, off the commit thread.
 */
@Context
public class ExchangeLifecycle implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeLifecycle.class);

  private final ExchangeService exchange;
  private final ProductRepository products;
  private final IriMinter iris;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tessera-exchange");
            t.setDaemon(true);
            return t;
          });

  public ExchangeLifecycle(
      ExchangeService exchange, ProductRepository products, IriMinter iris, GraphStore store) {
    this.exchange = exchange;
    this.products = products;
    this.iris = iris;
    store.subscribe(this);
  }

  /**
   * Reconciles on the start-up thread, before the server takes requests (no transition can be
   * half-way), then notifies in the background.
   */
  @EventListener
  void onStartup(StartupEvent event) {
    exchange.reconcile();
    worker.execute(
        () -> {
          try {
            for (io.tessera.catalogserver.exchange.ExchangeRepository.Demand d :
                exchange.demandOfAll()) {
              String[] parts = d.product().split("/", 2);
              notifyIfPhysical(parts[0], parts[1]);
            }
          } catch (RuntimeException e) {
            LOG.warn("could not bring the exchange up to date at start-up", e);
          }
        });
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    String prefix = iris.base() + "/product/";
    for (ChangeEvent change : changes) {
      if (change.kind() == ChangeEvent.EntityKind.DATA_PRODUCT
          && change.type() == ChangeEvent.ChangeType.UPSERT
          && change.entityIri().startsWith(prefix)) {
        String[] parts = change.entityIri().substring(prefix.length()).split("/", 2);
        if (parts.length == 2) {
          worker.execute(() -> notifyIfPhysical(parts[0], parts[1]));
        }
      }
    }
  }

  private void notifyIfPhysical(String domain, String name) {
    try {
      Product p = products.find(domain, name).orElse(null);
      if (p != null && p.physical()) {
        int told = exchange.notifyPhysical(domain, name);
        if (told > 0) {
          LOG.info("{}/{} is physical: told {} interested readers", domain, name, told);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not tell the readers interested in {}/{}", domain, name, e);
    }
  }
}
