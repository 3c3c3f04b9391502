package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Data products in the graph. What a domain team declares lives in the product's graph and is
 * replaced on every apply; what has been observed (port bindings, physical since) lives in the
 * product's observed graph and survives re-applies as long as the bound port still promises the
 * same dataset.
 */
public final class ProductRepository {
  private static final Query PRODUCTS =
      SparqlQueries.load(ProductRepository.class, "queries/products.rq");
  private static final Query KEYS_AFTER =
      SparqlQueries.load(ProductRepository.class, "queries/product-keys-after.rq");
  private static final Query KEYS_BEFORE =
      SparqlQueries.load(ProductRepository.class, "queries/product-keys-before.rq");

  private final GraphStore store;
  private final IriMinter iris;
  private final ProductMapper mapper;

  public ProductRepository(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
    this.mapper = new ProductMapper(iris);
  }

  /** A port of a product, by names. */
  public record PortKey(String domain, String product, String port) {}

  /**
   * Writes a product's declared graph inside the caller's write transaction, keeping the bindings
   * of ports that still promise the dataset they were bound to.
   *
   * @return the product as stored, with the bindings it kept
   */
  public Product put(GraphWriter writer, Product product) {
    Optional<Product> existing = find(writer, product.domain(), product.name());
    Product merged = mergeObservations(product, existing.orElse(null));
    writer.replaceGraph(
        iris.productGraph(product.domain(), product.name()), mapper.declared(merged));
    writeObserved(writer, merged);
    writer.changed(
        iris.product(product.domain(), product.name()),
        ChangeEvent.EntityKind.DATA_PRODUCT,
        ChangeEvent.ChangeType.UPSERT);
    return merged;
  }

  /** Removes a product's graphs inside the caller's write transaction. */
  public void remove(GraphWriter writer, String domain, String name) {
    writer.removeGraph(iris.productGraph(domain, name));
    writer.removeGraph(iris.observedGraph(domain, name));
    writer.changed(
        iris.product(domain, name),
        ChangeEvent.EntityKind.DATA_PRODUCT,
        ChangeEvent.ChangeType.DELETE);
  }

  /** One product, with what has been observed about it. */
  public Optional<Product> find(String domain, String name) {
    return store.read(r -> find(r, domain, name));
  }

  /** One product as seen inside a transaction. */
  public Optional<Product> find(GraphReader reader, String domain, String name) {
    String graph = iris.productGraph(domain, name);
    if (!reader.containsGraph(graph)) {
      return Optional.empty();
    }
    Graph both = reader.graph(graph);
    reader.graph(iris.observedGraph(domain, name)).find().forEach(both::add);
    return Optional.of(mapper.read(iris.product(domain, name), both));
  }

  /** The product's RDF: its declared and observed graphs together. */
  public Optional<Graph> graph(String domain, String name) {
    return store.read(
        r -> {
          if (!r.containsGraph(iris.productGraph(domain, name))) {
            return Optional.empty();
          }
          Graph union = GraphFactory.createDefaultGraph();
          r.graph(iris.productGraph(domain, name)).find().forEach(union::add);
          r.graph(iris.observedGraph(domain, name)).find().forEach(union::add);
          return Optional.of(union);
        });
  }

  /** Products matching the filter, in {@code domain/name} order. */
  public List<ProductSummary> list(ProductFilter filter) {
    Map<String, Node> bindings = new HashMap<>();
    if (filter.domain() != null) {
      bindings.put("domain", NodeFactory.createURI(iris.domain(filter.domain())));
    }
    if (filter.lifecycle() != null) {
      bindings.put("lifecycle", filter.lifecycle().resource().asNode());
    }
    if (filter.physical() != null) {
      bindings.put(
          "wantPhysical",
          NodeFactory.createLiteralDT(filter.physical().toString(), XSDDatatype.XSDboolean));
    }
    if (filter.after() != null) {
      bindings.put("after", NodeFactory.createLiteralString(filter.after()));
    }
    Query query = PRODUCTS.cloneQuery();
    query.setLimit(filter.limit());
    return store.select(query, bindings).stream().map(this::summary).toList();
  }

  /**
   * Keys ({@code domain/name}) of the products matching the filter, inside the caller's
   * transaction, for keyset paging in both directions: forwards in key order after {@code
   * filter.after()}, or backwards in reverse key order before it.
   */
  public List<String> keys(GraphReader reader, ProductFilter filter, boolean backwards) {
    Map<String, Node> bindings = bindings(filter);
    if (filter.after() != null) {
      bindings.put(backwards ? "before" : "after", NodeFactory.createLiteralString(filter.after()));
    }
    Query query = (backwards ? KEYS_BEFORE : KEYS_AFTER).cloneQuery();
    query.setLimit(filter.limit());
    return reader.select(query, bindings).stream().map(row -> row.text("key")).toList();
  }

  private Map<String, Node> bindings(ProductFilter filter) {
    Map<String, Node> bindings = new HashMap<>();
    if (filter.domain() != null) {
      bindings.put("domain", NodeFactory.createURI(iris.domain(filter.domain())));
    }
    if (filter.lifecycle() != null) {
      bindings.put("lifecycle", filter.lifecycle().resource().asNode());
    }
    if (filter.physical() != null) {
      bindings.put(
          "wantPhysical",
          NodeFactory.createLiteralDT(filter.physical().toString(), XSDDatatype.XSDboolean));
    }
    return bindings;
  }

  private ProductSummary summary(Row row) {
    String[] key = row.text("key").split("/", 2);
    return new ProductSummary(
        key[0],
        key[1],
        row.text("product"),
        row.text("title"),
        row.text("description"),
        row.text("owner"),
        Lifecycle.fromIri(row.text("lifecycle")).orElseThrow(),
        row.text("since") == null ? null : Instant.parse(row.text("since")));
  }

  /**
   * Binds every not-yet-bound output port that promises the dataset: the ports become physical, and
   * so do their products if they were planned. One transaction.
   *
   * @param evidence what proved the dataset exists (normally the IRI of the run that wrote it)
   * @return the ports that were bound now (empty if none promised it or all were bound already)
   */
  public List<PortKey> bindObservedDataset(
      DatasetRef dataset, Instant observedAt, String evidence) {
    List<PortKey> bound = new ArrayList<>();
    store.write(w -> bound.addAll(bindObservedDataset(w, dataset, observedAt, evidence)));
    return bound;
  }

  /**
   * As {@link #bindObservedDataset(DatasetRef, Instant, String)}, in the caller's transaction. Uses
   * index lookups (ports serving the dataset, their products) rather than a query, because lineage
   * calls it for every dataset a completed run wrote.
   */
  public List<PortKey> bindObservedDataset(
      GraphWriter writer, DatasetRef dataset, Instant observedAt, String evidence) {
    return bindPromised(writer, dataset, new PortBinding(dataset, observedAt, evidence));
  }

  /**
   * Binds every not-yet-bound output port that promises {@code promised} with the binding, in the
   * caller's transaction: {@code promised} is the binding's observed dataset itself, or the
   * identifier of one of its symlinks (the binding's {@link PortBinding#through()}).
   *
   * @return the ports that were bound now
   */
  public List<PortKey> bindPromised(GraphWriter writer, DatasetRef promised, PortBinding binding) {
    List<PortKey> bound = new ArrayList<>();
    Node ds = NodeFactory.createURI(iris.dataset(promised.namespace(), promised.name()));
    for (Triple serves : writer.find(null, DCAT.servesDataset.asNode(), ds)) {
      Node port = serves.getSubject();
      if (!writer.find(port, TESS.boundDataset.asNode(), null).isEmpty()) {
        continue;
      }
      for (Triple owner : writer.find(null, DPROD.outputPort.asNode(), port)) {
        PortKey key = portKey(writer, owner.getSubject(), port);
        if (key != null && bind(writer, key, binding)) {
          bound.add(key);
        }
      }
    }
    bound.sort(Comparator.comparing(k -> k.domain() + "/" + k.product() + "/" + k.port()));
    return bound;
  }

  private static PortKey portKey(GraphReader reader, Node product, Node port) {
    String key = literal(reader, product, DCTerms.identifier.asNode());
    String name = literal(reader, port, RDFS.label.asNode());
    if (key == null || name == null || !key.contains("/")) {
      return null;
    }
    String[] parts = key.split("/", 2);
    return new PortKey(parts[0], parts[1], name);
  }

  private static String literal(GraphReader reader, Node subject, Node predicate) {
    return reader.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isLiteral)
        .map(Node::getLiteralLexicalForm)
        .findFirst()
        .orElse(null);
  }

  /**
   * Binds one output port to an observed dataset inside the caller's write transaction. A port that
   * is already bound keeps its first binding.
   *
   * @return whether the port was bound now
   * @throws EntityNotFoundException if the product or the output port does not exist
   */
  public boolean bind(GraphWriter writer, PortKey key, PortBinding binding) {
    Product product =
        find(writer, key.domain(), key.product())
            .orElseThrow(
                () -> new EntityNotFoundException(iris.product(key.domain(), key.product())));
    Port port =
        product.outputPorts().stream()
            .filter(p -> p.name().equals(key.port()))
            .findFirst()
            .orElseThrow(
                () ->
                    new EntityNotFoundException(
                        iris.port(key.domain(), key.product(), key.port())));
    if (port.binding() != null) {
      return false;
    }
    List<Port> ports =
        product.outputPorts().stream()
            .map(p -> p.name().equals(key.port()) ? p.withBinding(binding) : p)
            .toList();
    Instant since = product.physicalSince() == null ? binding.boundAt() : product.physicalSince();
    Product updated = product.withObservations(ports, since);
    writeObserved(writer, updated);
    writer.changed(
        iris.product(key.domain(), key.product()),
        ChangeEvent.EntityKind.DATA_PRODUCT,
        ChangeEvent.ChangeType.UPSERT);
    return true;
  }

  /**
   * Records a product's health in its observed graph inside the caller's write transaction, so that
   * search and SPARQL see it.
   *
   * @return whether it changed (false also when there is no such product)
   */
  public boolean setHealth(GraphWriter writer, String domain, String name, String health) {
    Product product = find(writer, domain, name).orElse(null);
    if (product == null || Objects.equals(product.health(), health)) {
      return false;
    }
    writeObserved(writer, product.withHealth(health));
    writer.changed(
        iris.product(domain, name),
        ChangeEvent.EntityKind.DATA_PRODUCT,
        ChangeEvent.ChangeType.UPSERT);
    return true;
  }

  private void writeObserved(GraphWriter writer, Product product) {
    String observed = iris.observedGraph(product.domain(), product.name());
    Graph graph = mapper.observed(product);
    if (graph.isEmpty()) {
      writer.removeGraph(observed);
    } else {
      writer.replaceGraph(observed, graph);
      writer.validateWith(iris.productGraph(product.domain(), product.name()));
    }
  }

  private static Product mergeObservations(Product declared, Product existing) {
    if (existing == null) {
      return declared.withObservations(declared.outputPorts(), null);
    }
    declared = declared.withHealth(existing.health());
    Map<String, Port> before = new HashMap<>();
    existing.outputPorts().forEach(p -> before.put(p.name(), p));
    List<Port> ports =
        declared.outputPorts().stream()
            .map(
                p -> {
                  Port old = before.get(p.name());
                  boolean keep =
                      old != null && old.binding() != null && old.binding().proves(p.dataset());
                  return p.withBinding(keep ? old.binding() : null);
                })
            .toList();
    Instant since =
        ports.stream()
            .map(Port::binding)
            .filter(Objects::nonNull)
            .map(PortBinding::boundAt)
            .min(Comparator.naturalOrder())
            .map(first -> existing.physicalSince() != null ? existing.physicalSince() : first)
            .orElse(null);
    return declared.withObservations(ports, since);
  }
}
