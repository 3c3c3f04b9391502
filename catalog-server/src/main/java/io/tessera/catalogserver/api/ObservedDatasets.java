package io.tessera.catalogserver.api;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.SparqlQueries;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * The datasets lineage has observed jobs read or write, and the products whose output ports serve
 * them. Nothing here is redacted: callers apply the reader's scope to what is returned.
 */
@Singleton
public class ObservedDatasets {
  private static final Query OBSERVED =
      SparqlQueries.load(ObservedDatasets.class, "observed-datasets.rq");
  private static final Query OWNER = SparqlQueries.load(ObservedDatasets.class, "dataset-owner.rq");

  private final GraphStore store;

  public ObservedDatasets(GraphStore store) {
    this.store = store;
  }

  /**
   * The observed datasets whose namespace starts with the prefix, by namespace and name.
   *
   * @param prefix the start of the namespace; null or empty for all of them
   */
  public List<DatasetRef> observed(String prefix) {
    Map<String, Node> bindings =
        Map.of("prefix", NodeFactory.createLiteralString(prefix == null ? "" : prefix));
    return store.read(
        r ->
            r.select(OBSERVED, bindings).stream()
                .map(row -> new DatasetRef(row.text("namespace"), row.text("name")))
                .toList());
  }

  /**
   * The product ({@code domain/name}) whose output port serves or is bound to each dataset, for the
   * datasets that have one; when several do, the first by key.
   */
  public Map<DatasetRef, String> owners(Collection<DatasetRef> datasets) {
    if (datasets.isEmpty()) {
      return Map.of();
    }
    return store.read(
        r -> {
          Map<DatasetRef, String> owners = new LinkedHashMap<>();
          for (DatasetRef dataset : datasets) {
            Map<String, Node> bindings =
                Map.of(
                    "namespace", NodeFactory.createLiteralString(dataset.namespace()),
                    "name", NodeFactory.createLiteralString(dataset.name()));
            r.select(OWNER, bindings).stream()
                .findFirst()
                .ifPresent(row -> owners.put(dataset, row.text("key")));
          }
          return owners;
        });
  }
}
