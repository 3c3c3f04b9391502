package io.tessera.graphstore;

import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * Reads the catalog's discoverable entities for derived views such as the search index: domains,
 * data products (with ports and promised schemas), datasets (merged over every graph that mentions
 * them), jobs and glossary/classification terms. Read-only; every result is a copy.
 */
public final class CatalogEntities {
  private static final Query PRODUCTS = load("queries/search-products.rq");
  private static final Query JOBS = load("queries/search-jobs.rq");
  private static final Query TERMS = load("queries/search-terms.rq");

  private final GraphStore store;
  private final IriMinter iris;
  private final ProductMapper mapper;
  private final DatasetAssembler datasets = new DatasetAssembler();

  public CatalogEntities(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
    this.mapper = new ProductMapper(iris);
  }

  /** One domain by IRI. */
  public Optional<Domain> domain(String domainIri) {
    return store.read(r -> domains(r, Map.of("domain", iri(domainIri))).stream().findFirst());
  }

  /** One data product by IRI, with what has been observed about it. */
  public Optional<Product> product(String productIri) {
    return store.read(
        r ->
            r.select(PRODUCTS, Map.of("product", iri(productIri))).stream()
                .findFirst()
                .map(row -> product(r, productIri, row.text("key"))));
  }

  /** One dataset by IRI, merged over every graph that mentions it. */
  public Optional<CatalogDataset> dataset(String datasetIri) {
    return store.read(
        r -> datasets.read(r, Map.of("dataset", iri(datasetIri))).stream().findFirst());
  }

  /**
   * Datasets by IRI, each merged over every graph that mentions it, all from one read transaction
   * (for callers that batch lookups). IRIs the catalog does not know are left out.
   */
  public List<CatalogDataset> datasets(Collection<String> datasetIris) {
    return store.read(
        r -> {
          List<CatalogDataset> found = new ArrayList<>(datasetIris.size());
          for (String datasetIri : datasetIris) {
            found.addAll(datasets.read(r, Map.of("dataset", iri(datasetIri))));
          }
          return found;
        });
  }

  /**
   * Whether each dataset has been observed ({@link CatalogDataset#physical()}), from one read
   * transaction, without reading the datasets' descriptions and columns. IRIs the catalog does not
   * know are left out.
   */
  public Map<String, Boolean> physical(Collection<String> datasetIris) {
    return store.read(r -> datasets.physical(r, datasetIris));
  }

  /** One job by IRI. */
  public Optional<CatalogJob> job(String jobIri) {
    return store.read(r -> jobs(r, Map.of("job", iri(jobIri))).stream().findFirst());
  }

  /** One glossary or classification term by IRI. */
  public Optional<CatalogTerm> term(String termIri) {
    return store.read(r -> terms(r, Map.of("term", iri(termIri))).stream().findFirst());
  }

  /**
   * Hands every entity to the visitor, from one read transaction (a consistent snapshot that does
   * not block writers) whose queries have no timeout: the whole catalog is read however large it
   * is. Products are read one at a time; the other kinds are read in bulk.
   */
  public void readAll(CatalogVisitor visitor) {
    store.readWithoutTimeout(
        r -> {
          List<Domain> domains = domains(r, Map.of());
          List<Row> products = r.select(PRODUCTS, Map.of());
          List<CatalogDataset> all = datasets.read(r, Map.of());
          List<CatalogJob> jobs = jobs(r, Map.of());
          List<CatalogTerm> terms = terms(r, Map.of());
          visitor.start(domains.size() + products.size() + all.size() + jobs.size() + terms.size());
          domains.forEach(visitor::domain);
          products.forEach(
              row -> visitor.product(product(r, row.text("product"), row.text("key"))));
          all.forEach(visitor::dataset);
          jobs.forEach(visitor::job);
          terms.forEach(visitor::term);
          return null;
        });
  }

  private Product product(GraphReader r, String productIri, String key) {
    String[] parts = key.split("/", 2);
    return mapper.read(
        productIri,
        r.graph(iris.productGraph(parts[0], parts[1])),
        r.graph(iris.observedGraph(parts[0], parts[1])));
  }

  private List<Domain> domains(GraphReader r, Map<String, Node> bindings) {
    return DomainRepository.read(r, bindings, iris);
  }

  private List<CatalogJob> jobs(GraphReader r, Map<String, Node> bindings) {
    Map<String, List<Row>> byJob = group(r.select(JOBS, bindings), "job", bindings);
    List<CatalogJob> jobs = new ArrayList<>();
    byJob.forEach(
        (job, rows) ->
            jobs.add(
                new CatalogJob(
                    job,
                    rows.getFirst().text("namespace"),
                    rows.getFirst().text("name"),
                    first(rows, "label"),
                    first(rows, "description"),
                    graphs(rows, row -> true))));
    return jobs;
  }

  private List<CatalogTerm> terms(GraphReader r, Map<String, Node> bindings) {
    Map<String, Node> withVocabulary = new HashMap<>(bindings);
    withVocabulary.put("vocabulary", iri(iris.vocabularyGraph()));
    Map<String, List<Row>> byTerm = group(r.select(TERMS, withVocabulary), "term", bindings);
    List<CatalogTerm> terms = new ArrayList<>();
    byTerm.forEach(
        (term, rows) ->
            terms.add(
                new CatalogTerm(
                    term,
                    first(rows, "notation"),
                    first(rows, "label"),
                    first(rows, "definition"),
                    graphs(rows, row -> row.text("definition") != null),
                    graphs(rows, row -> true))));
    return terms;
  }

  /** Groups rows by an entity variable (or by its bound value when the query was for one). */
  static Map<String, List<Row>> group(List<Row> rows, String variable, Map<String, Node> bindings) {
    Node bound = bindings.get(variable);
    Map<String, List<Row>> grouped = new LinkedHashMap<>();
    for (Row row : rows) {
      String key = bound != null ? bound.getURI() : row.text(variable);
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    return grouped;
  }

  static String first(Collection<Row> rows, String variable) {
    return rows.stream()
        .map(row -> row.text(variable))
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(null);
  }

  static Set<String> graphs(Collection<Row> rows, Predicate<Row> which) {
    Set<String> graphs = new LinkedHashSet<>();
    rows.stream().filter(which).map(row -> row.text("g")).forEach(graphs::add);
    return graphs;
  }

  private static Node iri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Query load(String resource) {
    return SparqlQueries.load(CatalogEntities.class, resource);
  }
}
