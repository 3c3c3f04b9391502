package io.tessera.governance;

import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import java.util.HashSet;
import java.util.Set;

/**
 * The view a caller's SPARQL queries and RDF exports run over: the graphs its discover and read
 * scopes both allow, less the graphs of the jobs (with their runs, which sit under them) that read
 * or write a dataset the caller may not read. Such a graph names the dataset (its IRI, OpenLineage
 * namespace and name) and may hold its columns in column lineage; SPARQL has no placeholder to show
 * instead, so the job is left out whole, with the lineage graphs of the datasets it writes (they
 * keep its facets as posted, whose column lineage names the columns it read), while the lineage API
 * shows the job with the dataset as a restricted node. The policy graphs the caller does not govern
 * are left out too ({@link PolicyEvaluator#policyGraphsVisibleTo}). An admin's view is the whole
 * store.
 */
public class SparqlViews {
  private final IriMinter iris;
  private final LineageMentions mentions;
  private final PolicyEvaluator evaluator;

  public SparqlViews(IriMinter iris, LineageMentions mentions, PolicyEvaluator evaluator) {
    this.evaluator = evaluator;
    this.iris = iris;
    this.mentions = mentions;
  }

  /** The caller's view; computed before the query's read transaction starts. */
  public ReadScope of(AccessScope scope) {
    if (scope.principal().isAdmin()) {
      return ReadScope.everything();
    }
    Set<String> jobs = mentions.jobsMentioning(unreadableDatasets(scope));
    Set<String> hidden = new HashSet<>(jobs);
    // a dataset such a job writes keeps the job's facets as they were posted (column lineage names
    // the columns it was derived from), so it is left out with the job
    hidden.addAll(mentions.writtenBy(jobs));
    return scope
        .readScope()
        .readingOnly(
            VisibilityScope.allGraphsExcept(hidden)
                .and(evaluator.policyGraphsVisibleTo(scope.principal())));
  }

  /** The lineage graphs of the datasets either scope hides. */
  private Set<String> unreadableDatasets(AccessScope scope) {
    String datasets = iris.lineageGraphPrefix() + "dataset/";
    Set<String> hidden = new HashSet<>();
    for (VisibilityScope s : new VisibilityScope[] {scope.discover(), scope.read()}) {
      if (s.mode() != VisibilityScope.Mode.EXCEPT) {
        continue;
      }
      for (String graph : s.graphs()) {
        if (graph.startsWith(datasets)) {
          hidden.add(graph);
        }
      }
    }
    return hidden;
  }
}
