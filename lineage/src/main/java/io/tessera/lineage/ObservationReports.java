package io.tessera.lineage;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.EntityNotFoundException;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ProductSummary;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TESS;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * Compares what products declare with what lineage has observed: ports promised but never produced,
 * inputs declared but never read, and datasets produced that no product claims.
 */
public final class ObservationReports {
  private static final Query UNOWNED =
      SparqlQueries.load(ObservationReports.class, "queries/unowned-datasets.rq");

  private final GraphStore store;
  private final ProductRepository products;
  private final IriMinter iris;

  public ObservationReports(GraphStore store, ProductRepository products, IriMinter iris) {
    this.store = store;
    this.products = products;
    this.iris = iris;
  }

  /** Datasets lineage has observed that no product claims, by namespace and name. */
  public List<DatasetRef> unownedDatasets() {
    return store.read(this::unowned);
  }

  private List<DatasetRef> unowned(GraphReader r) {
    return r.select(UNOWNED, Map.of()).stream()
        .map(row -> new DatasetRef(row.text("namespace"), row.text("name")))
        .toList();
  }

  /** The report for one product. */
  public ObservationReport product(String domain, String name) {
    Product product =
        products
            .find(domain, name)
            .orElseThrow(() -> new EntityNotFoundException(iris.product(domain, name)));
    return store.read(
        r -> report(r, domain + "/" + name, List.of(product), Set.copyOf(unowned(r)), false));
  }

  /**
   * The report for every product of a domain, plus unclaimed datasets in the domain's namespaces.
   */
  public ObservationReport domain(String domain) {
    List<Product> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<ProductSummary> page = products.list(new ProductFilter(domain, null, null, after, 500));
      for (ProductSummary summary : page) {
        products.find(summary.domain(), summary.name()).ifPresent(all::add);
      }
      if (page.size() < 500) {
        break;
      }
      after = page.getLast().domain() + "/" + page.getLast().name();
    }
    return store.read(r -> report(r, domain, all, Set.copyOf(unowned(r)), true));
  }

  private ObservationReport report(
      GraphReader r,
      String scope,
      List<Product> scoped,
      Set<DatasetRef> unowned,
      boolean byNamespace) {
    List<ObservationReport.PortStatus> notProduced = new ArrayList<>();
    List<ObservationReport.PortStatus> notRead = new ArrayList<>();
    Set<DatasetRef> unclaimed = new LinkedHashSet<>();
    Set<String> namespaces = new LinkedHashSet<>();
    for (Product p : scoped) {
      for (Port port : p.outputPorts()) {
        if (port.dataset() == null) {
          continue;
        }
        namespaces.add(port.dataset().namespace());
        if (port.binding() == null) {
          notProduced.add(
              new ObservationReport.PortStatus(p.domain(), p.name(), port.name(), port.dataset()));
        }
        for (Node job : LineageQueries.subjects(r, TESS.writes.asNode(), dataset(port.dataset()))) {
          for (Node written : LineageQueries.objects(r, job, TESS.writes.asNode())) {
            DatasetRef ref = ref(r, written);
            if (ref != null && unowned.contains(ref)) {
              unclaimed.add(ref);
            }
          }
        }
      }
      for (Port port : p.inputPorts()) {
        if (port.dataset() == null) {
          continue;
        }
        namespaces.add(port.dataset().namespace());
        if (LineageQueries.subjects(r, TESS.reads.asNode(), dataset(port.dataset())).isEmpty()) {
          notRead.add(
              new ObservationReport.PortStatus(p.domain(), p.name(), port.name(), port.dataset()));
        }
      }
    }
    if (byNamespace) {
      unowned.stream().filter(d -> namespaces.contains(d.namespace())).forEach(unclaimed::add);
    }
    return new ObservationReport(scope, notProduced, notRead, new ArrayList<>(unclaimed));
  }

  private Node dataset(DatasetRef ref) {
    return NodeFactory.createURI(iris.dataset(ref.namespace(), ref.name()));
  }

  private static DatasetRef ref(GraphReader r, Node dataset) {
    String namespace = LineageQueries.literal(r, dataset, TESS.olNamespace.asNode());
    String name = LineageQueries.literal(r, dataset, TESS.olName.asNode());
    return namespace == null || name == null ? null : new DatasetRef(namespace, name);
  }
}
