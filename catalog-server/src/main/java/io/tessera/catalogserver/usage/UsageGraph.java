package io.tessera.catalogserver.usage;

import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.ontology.Lifecycle;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * The graph reads of consumers, breaking-change impact and time-to-value, each one query over the
 * whole mesh or bound to one product, port or dataset ({@code usage/*.rq}).
 */
@Singleton
class UsageGraph {
  private static final Query OUTLINES = load("product-outlines.rq");
  private static final Query READERS = load("dataset-readers.rq");
  private static final Query READING = load("products-reading.rq");
  private static final Query READING_CONTRACT = load("products-reading-contract.rq");
  private static final Query COLUMN_READERS = load("column-readers.rq");
  private static final Query PORT_DATASETS = load("port-datasets.rq");

  private final GraphStore store;

  UsageGraph(GraphStore store) {
    this.store = store;
  }

  /** The outline of every product by key, or of one when {@code productIri} is given. */
  Map<String, ProductOutline> outlines(String productIri) {
    Map<String, Node> bindings =
        productIri == null ? Map.of() : Map.of("product", NodeFactory.createURI(productIri));
    Map<String, Builder> found = new HashMap<>();
    for (Row row : store.read(r -> r.select(OUTLINES, bindings))) {
      String key = row.text("key");
      String kind = row.text("kind");
      Node value = row.node("value").orElse(null);
      if (key == null || kind == null || value == null) {
        continue;
      }
      Builder b = found.computeIfAbsent(key, Builder::new);
      String text = value.isLiteral() ? value.getLiteralLexicalForm() : value.getURI();
      switch (kind) {
        case "lifecycle" -> b.lifecycle = Lifecycle.fromIri(text).map(Lifecycle::slug).orElse(null);
        case "dataset" -> b.datasets.add(text);
        case "contract" -> b.contracts.add(text);
        case "inputDataset" -> b.inputDatasets.add(text);
        case "inputContract" -> b.inputContracts.add(text);
        case "boundAt" -> {
          Instant at = instant(text);
          if (at != null && (b.physicalAt == null || at.isBefore(b.physicalAt))) {
            b.physicalAt = at;
          }
        }
        default -> {}
      }
    }
    Map<String, ProductOutline> outlines = new HashMap<>();
    found.forEach((key, b) -> outlines.put(key, b.build()));
    return outlines;
  }

  /** The jobs that read these datasets, one read transaction for all of them. */
  List<DatasetRead> readersOf(Collection<String> datasetIris) {
    if (datasetIris.isEmpty()) {
      return List.of();
    }
    return store.read(
        r -> {
          List<DatasetRead> reads = new ArrayList<>();
          for (String dataset : new TreeSet<>(datasetIris)) {
            reads.addAll(reads(r, Map.of("dataset", NodeFactory.createURI(dataset))));
          }
          return reads;
        });
  }

  /** Every job that reads any dataset, with its earliest reading run: one query for the mesh. */
  List<DatasetRead> allReaders() {
    return store.read(r -> reads(r, Map.of()));
  }

  /** The keys of the products whose input ports read these datasets or through these contracts. */
  Set<String> productsReading(Collection<String> datasetIris, Collection<String> contractIds) {
    if (datasetIris.isEmpty() && contractIds.isEmpty()) {
      return Set.of();
    }
    return store.read(
        r -> {
          Set<String> keys = new HashSet<>();
          for (String dataset : datasetIris) {
            keys(r, READING, Map.of("dataset", NodeFactory.createURI(dataset)), keys);
          }
          for (String contract : contractIds) {
            keys(
                r,
                READING_CONTRACT,
                Map.of("contractId", NodeFactory.createLiteralString(contract)),
                keys);
          }
          return keys;
        });
  }

  /** The IRIs of the datasets an output port promises or is bound to. */
  Set<String> portDatasets(String portIri) {
    return store.read(
        r -> {
          Set<String> datasets = new TreeSet<>();
          for (Row row : r.select(PORT_DATASETS, Map.of("port", NodeFactory.createURI(portIri)))) {
            row.node("dataset").filter(Node::isURI).map(Node::getURI).ifPresent(datasets::add);
          }
          return datasets;
        });
  }

  /**
   * By job IRI, the columns of these datasets the job derives its outputs from (column lineage);
   * jobs without column lineage from them are absent.
   */
  Map<String, Set<String>> columnsRead(Collection<String> datasetIris) {
    if (datasetIris.isEmpty()) {
      return Map.of();
    }
    return store.read(
        r -> {
          Map<String, Set<String>> columns = new HashMap<>();
          for (String dataset : new TreeSet<>(datasetIris)) {
            for (Row row :
                r.select(COLUMN_READERS, Map.of("dataset", NodeFactory.createURI(dataset)))) {
              Node job = row.node("job").orElse(null);
              String column = row.text("column");
              if (job != null && job.isURI() && column != null) {
                columns.computeIfAbsent(job.getURI(), j -> new TreeSet<>()).add(column);
              }
            }
          }
          return columns;
        });
  }

  private static void keys(
      GraphReader r, Query query, Map<String, Node> bindings, Set<String> into) {
    for (Row row : r.select(query, bindings)) {
      String key = row.text("key");
      if (key != null) {
        into.add(key);
      }
    }
  }

  private static List<DatasetRead> reads(GraphReader r, Map<String, Node> bindings) {
    List<DatasetRead> reads = new ArrayList<>();
    Node bound = bindings.get("dataset");
    for (Row row : r.select(READERS, bindings)) {
      Node dataset = row.node("dataset").orElse(bound);
      Node job = row.node("job").orElse(null);
      if (dataset == null || job == null || !dataset.isURI() || !job.isURI()) {
        continue;
      }
      reads.add(
          new DatasetRead(
              dataset.getURI(),
              job.getURI(),
              row.text("namespace"),
              row.text("name"),
              instant(row.text("since"))));
    }
    return reads;
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Query load(String name) {
    return SparqlQueries.load(UsageGraph.class, name);
  }

  private static final class Builder {
    final String key;
    final Set<String> datasets = new HashSet<>();
    final Set<String> contracts = new HashSet<>();
    final Set<String> inputDatasets = new HashSet<>();
    final Set<String> inputContracts = new HashSet<>();
    String lifecycle;
    Instant physicalAt;

    Builder(String key) {
      this.key = key;
    }

    ProductOutline build() {
      String[] parts = key.split("/", 2);
      return new ProductOutline(
          key,
          parts[0],
          parts.length > 1 ? parts[1] : "",
          lifecycle,
          datasets,
          contracts,
          inputDatasets,
          inputContracts,
          physicalAt);
    }
  }
}
