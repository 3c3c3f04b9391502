package io.tessera.catalogserver.sparql;

import io.tessera.catalogserver.security.AccessScope;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.graphstore.ViewScope;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * The view a caller's SPARQL queries and RDF exports run over: the graphs its discover and read
 * scopes both allow, less the job and run graphs of lineage that mention a dataset the caller may
 * not read. Such a graph names the dataset (its IRI, OpenLineage namespace and name) and may hold
 * its columns in column lineage; SPARQL has no placeholder to show instead, so the graph is left
 * out whole, while the lineage API shows the same job with the dataset as a restricted node. An
 * admin's view is the whole store.
 */
@Singleton
public class SparqlViews {
  private static final Query MENTIONS =
      SparqlQueries.load(SparqlViews.class, "graphs-mentioning-dataset.rq");

  private final IriMinter iris;

  public SparqlViews(IriMinter iris) {
    this.iris = iris;
  }

  /** The caller's view, read in the reader's transaction (the one the query then runs in). */
  public ViewScope of(AccessScope scope, GraphReader reader) {
    if (scope.principal().isAdmin()) {
      return ViewScope.everything();
    }
    String jobs = iris.lineageGraphPrefix() + "job/";
    String runs = iris.lineageGraphPrefix() + "run/";
    Set<String> mentioning = new HashSet<>();
    for (String dataset : unreadableDatasets(scope)) {
      for (Row row : reader.select(MENTIONS, Map.of("dataset", NodeFactory.createURI(dataset)))) {
        String graph = row.text("g");
        if (graph != null && (graph.startsWith(jobs) || graph.startsWith(runs))) {
          mentioning.add(graph);
        }
      }
    }
    return ViewScope.of(
        scope.discover(), scope.read(), VisibilityScope.allGraphsExcept(mentioning));
  }

  /** The IRIs of the datasets whose lineage graphs either scope hides. */
  private Set<String> unreadableDatasets(AccessScope scope) {
    String graphs = iris.lineageGraphPrefix() + "dataset/";
    String datasets = iris.base() + "/dataset/";
    Set<String> hidden = new HashSet<>();
    for (VisibilityScope s : new VisibilityScope[] {scope.discover(), scope.read()}) {
      if (s.mode() != VisibilityScope.Mode.EXCEPT) {
        continue;
      }
      for (String graph : s.graphs()) {
        if (graph.startsWith(graphs)) {
          hidden.add(datasets + graph.substring(graphs.length()));
        }
      }
    }
    return hidden;
  }
}
