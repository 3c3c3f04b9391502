package io.tessera.governance;

import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

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

  private static final Query FACTS = SparqlQueries.load(ProductFacts.class, "product-facts.rq");

  /**
   * The facts of every product, or of one when {@code productIri} is given, with one query that
   * reads only what policies use.
   */
  static Map<String, ProductFacts> read(GraphReader reader, IriMinter iris, String productIri) {
    Map<String, Node> bindings =
        productIri == null ? Map.of() : Map.of("product", NodeFactory.createURI(productIri));
    Map<String, Builder> products = new HashMap<>();
    String datasets = iris.base() + "/dataset/";
    for (Row row : reader.select(FACTS, bindings)) {
      String key = row.text("key");
      Builder b =
          products.computeIfAbsent(
              key,
              k -> {
                String[] parts = k.split("/", 2);
                Builder n = new Builder(k, parts[0], parts.length > 1 ? parts[1] : "");
                n.graphs.add(iris.productGraph(n.domain, n.name));
                return n;
              });
      String kind = row.text("kind");
      String value = row.text("value");
      if (kind == null || value == null) {
        continue;
      }
      switch (kind) {
        case "lifecycle" ->
            b.lifecycle = Lifecycle.fromIri(value).map(Lifecycle::slug).orElse(null);
        case "classification" -> b.classifications.add(value);
        case "tag" -> b.tags.add(value);
        case "dataset" -> {
          if (value.startsWith(datasets)) {
            b.graphs.add(iris.datasetGraphOf(value));
          }
        }
        default -> {}
      }
    }
    Map<String, ProductFacts> facts = new HashMap<>();
    products.forEach(
        (key, b) ->
            facts.put(
                key,
                new ProductFacts(
                    key, b.domain, b.name, b.classifications, b.tags, b.lifecycle, b.graphs)));
    return facts;
  }

  private static final class Builder {
    final String key;
    final String domain;
    final String name;
    final Set<String> classifications = new HashSet<>();
    final Set<String> tags = new HashSet<>();
    final Set<String> graphs = new HashSet<>();
    String lifecycle;

    Builder(String key, String domain, String name) {
      this.key = key;
      this.domain = domain;
      this.name = name;
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
