package io.tessera.lineage;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ProductRepository.PortKey;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Binds the ports of a product declared after its dataset was already produced: when a product
 * changes, every output port that is still planned but whose dataset a completed run has written is
 * bound to the earliest such run.
 */
public final class LateBinding implements ChangeListener {
  private final GraphStore store;
  private final ProductRepository products;
  private final IriMinter iris;

  public LateBinding(GraphStore store, ProductRepository products, IriMinter iris) {
    this.store = store;
    this.products = products;
    this.iris = iris;
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    String prefix = iris.base() + "/product/";
    for (ChangeEvent change : changes) {
      if (change.kind() == ChangeEvent.EntityKind.DATA_PRODUCT
          && change.type() == ChangeEvent.ChangeType.UPSERT
          && change.entityIri().startsWith(prefix)) {
        String[] key = change.entityIri().substring(prefix.length()).split("/");
        if (key.length == 2) {
          bindProduced(key[0], key[1]);
        }
      }
    }
  }

  private void bindProduced(String domain, String name) {
    Optional<Product> product = products.find(domain, name);
    if (product.isEmpty()) {
      return;
    }
    for (Port port : product.get().outputPorts()) {
      if (port.binding() != null || port.dataset() == null) {
        continue;
      }
      Node dataset =
          NodeFactory.createURI(iris.dataset(port.dataset().namespace(), port.dataset().name()));
      store
          .read(r -> firstCompletedRun(r, dataset))
          .ifPresent(
              run ->
                  store.write(
                      w ->
                          products.bind(
                              w,
                              new PortKey(domain, name, port.name()),
                              new PortBinding(port.dataset(), run.endedAt(), run.iri()))));
    }
  }

  private record CompletedRun(String iri, Instant endedAt) {}

  private static Optional<CompletedRun> firstCompletedRun(GraphReader r, Node dataset) {
    return LineageQueries.subjects(r, PROV.generated.asNode(), dataset).stream()
        .filter(run -> "COMPLETE".equals(LineageQueries.literal(r, run, TESS.runState.asNode())))
        .map(run -> new CompletedRun(run.getURI(), ended(r, run)))
        .filter(run -> run.endedAt() != null)
        .min(Comparator.comparing(CompletedRun::endedAt));
  }

  private static Instant ended(GraphReader r, Node run) {
    String ended = LineageQueries.literal(r, run, PROV.endedAtTime.asNode());
    return ended == null ? null : Instant.parse(ended);
  }
}
