package io.tessera.catalogserver.graphql;

import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.graphstore.ProductReadModel.Stamp;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.DCAT3;
import io.tessera.ontology.DQV;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Every graph read the GraphQL resolvers make, each a batch answered from one store read
 * transaction, whatever the number of keys. Counts the store reads it makes so that the bound on
 * reads per query can be observed (see {@link #storeReads()}).
 */
@Singleton
public class CatalogReads {
  private final GraphStore store;
  private final ProductRepository products;
  private final DomainRepository domains;
  private final CatalogEntities entities;
  private final IriMinter iris;
  private final AtomicLong reads = new AtomicLong();
  private final ProductReadModel model;
  private final PolicyEvaluator policies;

  public CatalogReads(
      GraphStore store,
      ProductRepository products,
      DomainRepository domains,
      IriMinter iris,
      ProductReadModel model,
      PolicyEvaluator policies) {
    this.store = store;
    this.policies = policies;
    this.products = products;
    this.domains = domains;
    this.entities = new CatalogEntities(store, iris);
    this.iris = iris;
    this.model = model;
  }

  /**
   * What the product read model had seen of the change feed; take it before opening a read
   * transaction whose products and keys go through {@link #product} and {@link #keys}.
   */
  Stamp stamp() {
    return model.stamp();
  }

  /**
   * Keys of the products matching the filter whose graph the scope allows, from the product index
   * (see {@link ProductReadModel}), inside the caller's read transaction.
   */
  List<String> keys(
      GraphReader r, Stamp stamp, ProductFilter filter, boolean backwards, VisibilityScope scope) {
    return model.keys(r, stamp, filter, backwards, scope);
  }

  /** How many store reads (read transactions) GraphQL resolvers have made since start-up. */
  public long storeReads() {
    return reads.get();
  }

  /** Runs work in one counted read transaction. */
  <T> T read(Function<GraphReader, T> work) {
    reads.incrementAndGet();
    return store.read(work);
  }

  /** Runs a read of another component (one store read) and counts it. */
  <T> T call(java.util.function.Supplier<T> work) {
    reads.incrementAndGet();
    return work.get();
  }

  /**
   * Products by key; unknown keys are absent from the map. Products kept by the product cache cost
   * no store read; the others are read in one.
   */
  Map<ProductKey, Product> products(Collection<ProductKey> keys) {
    Map<ProductKey, Product> found = new HashMap<>();
    List<ProductKey> missing = new ArrayList<>();
    for (ProductKey key : keys) {
      Product kept = model.cached(key);
      if (kept != null) {
        found.put(key, kept);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      Stamp stamp = stamp();
      read(
          r -> {
            for (ProductKey key : missing) {
              Product p = product(r, key, stamp);
              if (p != null) {
                found.put(key, p);
              }
            }
            return null;
          });
    }
    return found;
  }

  /**
   * A product inside the caller's read transaction: the cached one, else read and kept.
   *
   * @param stamp the {@link #stamp()} taken before the transaction was opened
   */
  Product product(GraphReader r, ProductKey key, Stamp stamp) {
    return model.product(r, key, stamp);
  }

  /**
   * The policies that apply to each product, from the policy evaluator's compiled policies (which
   * read the store only when policies or products changed); counted as one read per batch.
   */
  Map<ProductKey, List<PolicyNode>> policies(Collection<ProductKey> keys) {
    Map<String, ProductKey> byKey = new LinkedHashMap<>();
    keys.forEach(k -> byKey.put(k.domain() + "/" + k.name(), k));
    Map<String, List<AppliedPolicy>> applying = call(() -> policies.applying(byKey.keySet()));
    Map<ProductKey, List<PolicyNode>> found = new HashMap<>();
    applying.forEach(
        (key, list) ->
            found.put(
                byKey.get(key),
                list.stream()
                    .map(a -> PolicyNode.of(a, iris.policy(a.policy().domain(), a.policy().name())))
                    .toList()));
    return found;
  }

  /** Domains by name; unknown names are absent. */
  Map<String, Domain> domains(Collection<String> names) {
    reads.incrementAndGet();
    return domains.find(names);
  }

  /** Every domain by name. */
  Map<String, Domain> domains() {
    reads.incrementAndGet();
    Map<String, Domain> byName = new LinkedHashMap<>();
    domains.list().forEach(d -> byName.put(d.name(), d));
    return byName;
  }

  /** Datasets by IRI; unknown IRIs are absent. */
  Map<String, CatalogDataset> datasets(Collection<String> datasetIris) {
    reads.incrementAndGet();
    Map<String, CatalogDataset> found = new HashMap<>();
    entities.datasets(datasetIris).forEach(d -> found.put(d.iri(), d));
    return found;
  }

  /**
   * Whether each dataset has been observed, without reading the rest of it; unknown IRIs absent.
   */
  Map<String, Boolean> physical(Collection<String> datasetIris) {
    reads.incrementAndGet();
    return entities.physical(datasetIris);
  }

  /** Jobs, schema versions and quality around datasets, by dataset IRI. */
  Map<String, DatasetLinks> datasetLinks(Collection<String> datasetIris) {
    return read(
        r -> {
          Map<String, DatasetLinks> found = new HashMap<>();
          for (String datasetIri : datasetIris) {
            Node ds = NodeFactory.createURI(datasetIri);
            List<SchemaVersionNode> versions = versions(r, ds);
            List<String> columns =
                versions.isEmpty()
                    ? List.of()
                    : versions.getFirst().columns().stream().map(FieldNode::name).toList();
            found.put(
                datasetIri,
                new DatasetLinks(
                    subjects(r, TESS.writes.asNode(), ds),
                    subjects(r, TESS.reads.asNode(), ds),
                    versions,
                    quality(r, datasetIri, columns)));
          }
          return found;
        });
  }

  /** Jobs by IRI; unknown IRIs are absent. */
  Map<String, JobNode> jobs(Collection<String> jobIris) {
    return read(
        r -> {
          Map<String, JobNode> found = new HashMap<>();
          for (String jobIri : jobIris) {
            Node job = NodeFactory.createURI(jobIri);
            String namespace = literal(r, job, TESS.olNamespace.asNode());
            String name = literal(r, job, TESS.olName.asNode());
            if (namespace == null || name == null) {
              continue;
            }
            List<Node> runNodes =
                r.find(null, TESS.job.asNode(), job).stream().map(Triple::getSubject).toList();
            List<String> runs =
                runNodes.stream()
                    .sorted(
                        Comparator.comparing(
                                (Node n) -> {
                                  Instant t = time(r, n, PROV.startedAtTime.asNode());
                                  return t == null ? Instant.EPOCH : t;
                                })
                            .reversed())
                    .map(Node::getURI)
                    .toList();
            found.put(
                jobIri,
                new JobNode(
                    jobIri,
                    namespace,
                    name,
                    literal(r, job, DCTerms.description.asNode()),
                    objects(r, job, TESS.reads.asNode()),
                    objects(r, job, TESS.writes.asNode()),
                    runs));
          }
          return found;
        });
  }

  /** Runs by IRI; unknown IRIs are absent. */
  Map<String, RunNode> runs(Collection<String> runIris) {
    return read(
        r -> {
          Map<String, RunNode> found = new HashMap<>();
          String prefix = iris.run("x").substring(0, iris.run("x").length() - 1);
          for (String runIri : runIris) {
            Node run = NodeFactory.createURI(runIri);
            List<String> jobs = objects(r, run, TESS.job.asNode());
            if (jobs.isEmpty() || !runIri.startsWith(prefix)) {
              continue;
            }
            found.put(
                runIri,
                new RunNode(
                    runIri,
                    URLDecoder.decode(runIri.substring(prefix.length()), StandardCharsets.UTF_8),
                    literal(r, run, TESS.runState.asNode()),
                    time(r, run, PROV.startedAtTime.asNode()),
                    time(r, run, PROV.endedAtTime.asNode()),
                    literal(r, run, TESS.errorMessage.asNode()),
                    jobs.getFirst()));
          }
          return found;
        });
  }

  private List<SchemaVersionNode> versions(GraphReader r, Node dataset) {
    List<SchemaVersionNode> versions = new ArrayList<>();
    List<String> current = objects(r, dataset, DCTerms.conformsTo.asNode());
    Node schema = current.isEmpty() ? null : NodeFactory.createURI(current.getFirst());
    while (schema != null && versions.size() < 1000) {
      String version = literal(r, schema, DCAT3.version.asNode());
      if (version == null) {
        break;
      }
      List<FieldNode> columns = new ArrayList<>();
      Map<String, Integer> order = new HashMap<>();
      for (String field : objects(r, schema, TESS.field.asNode())) {
        Node f = NodeFactory.createURI(field);
        String name = literal(r, f, RDFS.label.asNode());
        String ordinal = literal(r, f, TESS.ordinal.asNode());
        order.put(name, ordinal == null ? Integer.MAX_VALUE : Integer.parseInt(ordinal));
        columns.add(
            new FieldNode(
                schema.getURI(),
                name,
                literal(r, f, TESS.dataType.asNode()),
                "true".equals(literal(r, f, TESS.required.asNode())),
                literal(r, f, DCTerms.description.asNode()),
                List.of()));
      }
      columns.sort(Comparator.comparing((FieldNode c) -> order.get(c.name())));
      List<String> runs = objects(r, schema, PROV.wasGeneratedBy.asNode());
      versions.add(
          new SchemaVersionNode(
              Integer.parseInt(version),
              time(r, schema, PROV.generatedAtTime.asNode()),
              runs.isEmpty() ? null : runs.getFirst(),
              columns));
      List<String> previous = objects(r, schema, PROV.wasRevisionOf.asNode());
      schema = previous.isEmpty() ? null : NodeFactory.createURI(previous.getFirst());
    }
    return versions;
  }

  private List<QualityNode> quality(GraphReader r, String datasetIri, List<String> columns) {
    Map<String, QualityNode> latest = new LinkedHashMap<>();
    String fieldPrefix = iris.datasetField(datasetIri, "x");
    fieldPrefix = fieldPrefix.substring(0, fieldPrefix.length() - 1);
    String metricPrefix = iris.metric("x").substring(0, iris.metric("x").length() - 1);
    List<Node> targets = new ArrayList<>();
    targets.add(NodeFactory.createURI(datasetIri));
    columns.forEach(c -> targets.add(NodeFactory.createURI(iris.datasetField(datasetIri, c))));
    List<Node> measurements = new ArrayList<>();
    for (Node target : targets) {
      r.find(null, DQV.computedOn.asNode(), target).forEach(t -> measurements.add(t.getSubject()));
    }
    for (Node m : measurements) {
      List<String> target = objects(r, m, DQV.computedOn.asNode());
      List<String> metric = objects(r, m, DQV.isMeasurementOf.asNode());
      Node value =
          r.find(m, DQV.value.asNode(), null).stream()
              .map(Triple::getObject)
              .findFirst()
              .orElse(null);
      if (target.isEmpty() || metric.isEmpty() || value == null) {
        continue;
      }
      String column =
          target.getFirst().startsWith(fieldPrefix)
              ? URLDecoder.decode(
                  target.getFirst().substring(fieldPrefix.length()), StandardCharsets.UTF_8)
              : null;
      String metricName =
          URLDecoder.decode(
              metric.getFirst().startsWith(metricPrefix)
                  ? metric.getFirst().substring(metricPrefix.length())
                  : metric.getFirst(),
              StandardCharsets.UTF_8);
      List<String> runs = objects(r, m, PROV.wasGeneratedBy.asNode());
      QualityNode q =
          new QualityNode(
              metricName,
              column,
              value.getLiteralLexicalForm(),
              time(r, m, PROV.generatedAtTime.asNode()),
              runs.isEmpty() ? null : runs.getFirst());
      String key = metricName + "|" + column;
      QualityNode seen = latest.get(key);
      if (seen == null || later(q.measuredAt(), seen.measuredAt())) {
        latest.put(key, q);
      }
    }
    List<QualityNode> out = new ArrayList<>(latest.values());
    out.sort(
        Comparator.comparing((QualityNode q) -> q.column() == null ? "" : q.column())
            .thenComparing(QualityNode::metric));
    return out;
  }

  private static boolean later(Instant a, Instant b) {
    return a != null && (b == null || a.isAfter(b));
  }

  static List<String> subjects(GraphReader r, Node predicate, Node object) {
    return r.find(null, predicate, object).stream()
        .map(Triple::getSubject)
        .filter(Node::isURI)
        .map(Node::getURI)
        .distinct()
        .sorted()
        .toList();
  }

  static List<String> objects(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isURI)
        .map(Node::getURI)
        .distinct()
        .sorted()
        .toList();
  }

  static String literal(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isLiteral)
        .map(Node::getLiteralLexicalForm)
        .findFirst()
        .orElse(null);
  }

  private static Instant time(GraphReader r, Node subject, Node predicate) {
    String value = literal(r, subject, predicate);
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
