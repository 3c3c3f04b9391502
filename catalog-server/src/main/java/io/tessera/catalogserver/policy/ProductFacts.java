package io.tessera.catalogserver.policy;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.ontology.IriMinter;
import java.util.HashSet;
import java.util.Set;

/**
 * What policies look at in a product, and the graphs that hide it: its declared graph (covering the
 * observed one) and the lineage graphs of the datasets its output ports promise or are bound to.
 *
 * @param key {@code domain/name}
 */
public record ProductFacts(
    String key,
    String domain,
    String name,
    Set<String> classifications,
    Set<String> tags,
    String lifecycle,
    Set<String> graphs) {

  public ProductFacts {
    classifications = Set.copyOf(classifications);
    tags = Set.copyOf(tags);
    graphs = Set.copyOf(graphs);
  }

  static ProductFacts of(Product p, IriMinter iris) {
    Set<String> graphs = new HashSet<>();
    graphs.add(iris.productGraph(p.domain(), p.name()));
    for (Port port : p.outputPorts()) {
      add(graphs, port.dataset(), iris);
      if (port.binding() != null) {
        add(graphs, port.binding().dataset(), iris);
      }
    }
    return new ProductFacts(
        p.domain() + "/" + p.name(),
        p.domain(),
        p.name(),
        Set.copyOf(p.classification()),
        Set.copyOf(p.tags()),
        p.lifecycle().slug(),
        graphs);
  }

  private static void add(Set<String> graphs, DatasetRef dataset, IriMinter iris) {
    if (dataset != null) {
      graphs.add(iris.datasetGraph(dataset.namespace(), dataset.name()));
    }
  }

  /** The same product with classifications inherited through lineage added. */
  ProductFacts inheriting(Set<String> extra) {
    Set<String> all = new HashSet<>(classifications);
    all.addAll(extra);
    return new ProductFacts(key, domain, name, all, tags, lifecycle, graphs);
  }

  /** The product's values of a product operand. */
  Set<String> values(Operand operand) {
    return switch (operand) {
      case PRODUCT_CLASSIFICATION -> classifications;
      case PRODUCT_TAG -> tags;
      case PRODUCT_LIFECYCLE -> Set.of(lifecycle);
      case PRODUCT_DOMAIN -> Set.of(domain);
      default -> throw new IllegalArgumentException(operand + " is not about the product");
    };
  }
}
