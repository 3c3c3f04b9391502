package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.TESS;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Merges what every named graph says about datasets into {@link CatalogDataset} records: identity
 * and mentions, descriptions, observed and promised columns, and producing products.
 */
final class DatasetAssembler {
  private static final Query MENTIONS = load("queries/search-dataset-mentions.rq");
  private static final Query DESCRIPTIONS = load("queries/search-dataset-descriptions.rq");
  private static final Query COLUMNS = load("queries/search-dataset-columns.rq");
  private static final Query PRODUCERS = load("queries/search-dataset-producers.rq");
  private static final Query SYMLINKS = load("queries/search-dataset-symlinks.rq");
  private static final Node TYPE = RDF.type.asNode();
  private static final Node DATASET = DCAT.Dataset.asNode();
  private static final Node DATA_PRODUCT = DPROD.DataProduct.asNode();
  private static final Node OL_NAMESPACE = TESS.olNamespace.asNode();
  private static final Node OL_NAME = TESS.olName.asNode();
  private static final Node BOUND_DATASET = TESS.boundDataset.asNode();
  private static final Node OUTPUT_PORT = DPROD.outputPort.asNode();
  private static final Node IDENTIFIER = DCTerms.identifier.asNode();
  private static final Node LABEL = RDFS.label.asNode();
  private static final Node OWNER = DPROD.dataProductOwner.asNode();

  /** Reads the datasets matching the bindings (one, or all when {@code ?dataset} is unbound). */
  List<CatalogDataset> read(GraphReader r, Map<String, Node> bindings) {
    Map<String, List<Row>> mentions =
        CatalogEntities.group(r.select(MENTIONS, bindings), "dataset", bindings);
    Map<String, List<Row>> descriptions =
        CatalogEntities.group(r.select(DESCRIPTIONS, bindings), "dataset", bindings);
    Map<String, List<Row>> columns =
        CatalogEntities.group(r.select(COLUMNS, bindings), "dataset", bindings);
    Map<String, List<Row>> producers =
        CatalogEntities.group(r.select(PRODUCERS, bindings), "dataset", bindings);
    Map<String, List<Row>> symlinks =
        CatalogEntities.group(r.select(SYMLINKS, bindings), "dataset", bindings);
    List<CatalogDataset> datasets = new ArrayList<>();
    mentions.forEach(
        (iri, rows) ->
            datasets.add(
                assemble(
                    iri,
                    rows,
                    descriptions.getOrDefault(iri, List.of()),
                    columns.getOrDefault(iri, List.of()),
                    producers.getOrDefault(iri, List.of()),
                    symlinks.getOrDefault(iri, List.of()))));
    return datasets;
  }

  /**
   * Whether each dataset has been observed, exactly as {@link #read} decides {@link
   * CatalogDataset#physical()}, without reading its descriptions and columns (the costly part).
   * Datasets no graph mentions are left out, as {@link #read} leaves them out.
   */
  Map<String, Boolean> physical(GraphReader r, Collection<String> datasetIris) {
    // The rules of search-dataset-mentions.rq and search-dataset-producers.rq as index lookups:
    // a few quad lookups per dataset instead of two SPARQL queries.
    Map<String, Boolean> physical = new LinkedHashMap<>();
    for (String iri : datasetIris) {
      Node dataset = NodeFactory.createURI(iri);
      boolean mentioned = false;
      boolean seen = false;
      for (Node g : r.graphsWith(dataset, TYPE, DATASET)) {
        if (r.contains(g, dataset, OL_NAMESPACE, Node.ANY)
            && r.contains(g, dataset, OL_NAME, Node.ANY)) {
          mentioned = true;
          if (!r.contains(g, Node.ANY, TYPE, DATA_PRODUCT)) {
            seen = true;
            break;
          }
        }
      }
      if (mentioned) {
        physical.put(iri, seen || bound(r, dataset));
      }
    }
    return physical;
  }

  /** A product's output port is bound to the dataset (the "bound" producers). */
  private static boolean bound(GraphReader r, Node dataset) {
    for (Triple binding : r.find(null, BOUND_DATASET, dataset)) {
      for (Triple port : r.find(null, OUTPUT_PORT, binding.getSubject())) {
        Node product = port.getSubject();
        if (!r.find(product, IDENTIFIER, null).isEmpty()
            && !r.find(product, LABEL, null).isEmpty()
            && !r.find(product, OWNER, null).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A graph without a data product in it (lineage, observed bindings) mentions the dataset. */
  private static boolean seen(List<Row> mentions) {
    return mentions.stream().anyMatch(row -> !"true".equals(row.text("declared")));
  }

  /** A product's output port is bound to the dataset. */
  private static boolean bound(List<Row> producers) {
    return producers.stream().anyMatch(row -> "bound".equals(row.text("role")));
  }

  private static CatalogDataset assemble(
      String iri,
      List<Row> mentions,
      List<Row> descriptions,
      List<Row> columns,
      List<Row> producers,
      List<Row> symlinkRows) {
    Row identity = mentions.getFirst();
    Set<String> content = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>();
    for (Row row : descriptions) {
      if (!texts.contains(row.text("description"))) {
        texts.add(row.text("description"));
      }
      content.add(row.text("g"));
    }
    List<CatalogDataset.Column> observed = columns(columns, "observed", content);
    List<CatalogDataset.Column> promised = columns(columns, "promised", content);
    Map<String, CatalogDataset.Producer> byProduct = new LinkedHashMap<>();
    for (Row row : producers) {
      content.add(row.text("g"));
      byProduct.putIfAbsent(
          row.text("product"),
          new CatalogDataset.Producer(
              row.text("product"), row.text("key"), row.text("title"), row.text("owner")));
    }
    List<DatasetRef> symlinks = new ArrayList<>();
    for (Row row : symlinkRows) {
      DatasetRef symlink = new DatasetRef(row.text("symlinkNamespace"), row.text("symlinkName"));
      if (!symlinks.contains(symlink)) {
        symlinks.add(symlink);
      }
      content.add(row.text("g"));
    }
    boolean bound = bound(producers);
    boolean seen = seen(mentions);
    return new CatalogDataset(
        iri,
        new DatasetRef(identity.text("namespace"), identity.text("name")),
        texts,
        observed,
        promised,
        List.copyOf(byProduct.values()),
        symlinks,
        bound || seen,
        content,
        CatalogEntities.graphs(mentions, row -> true));
  }

  /** The columns of one source, one per field IRI, with their classifications gathered. */
  private static List<CatalogDataset.Column> columns(
      List<Row> rows, String source, Set<String> content) {
    Map<String, List<Row>> byField = new LinkedHashMap<>();
    for (Row row : rows) {
      if (source.equals(row.text("source"))) {
        content.add(row.text("g"));
        byField.computeIfAbsent(row.text("field"), f -> new ArrayList<>()).add(row);
      }
    }
    List<CatalogDataset.Column> result = new ArrayList<>();
    byField.forEach(
        (field, fieldRows) ->
            result.add(
                new CatalogDataset.Column(
                    field,
                    fieldRows.getFirst().text("fieldName"),
                    CatalogEntities.first(fieldRows, "dataType"),
                    CatalogEntities.first(fieldRows, "fieldDescription"),
                    fieldRows.stream()
                        .map(row -> row.text("classification"))
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList())));
    return result;
  }

  private static Query load(String resource) {
    return SparqlQueries.load(DatasetAssembler.class, resource);
  }
}
