package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.api.AsOf;
import io.tessera.catalogserver.api.LineageAsOf;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.LineageRedaction;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;
import java.util.Map;

/**
 * {@code Query.lineage} and {@code Dataset.lineage}: the lineage graph around a dataset or job,
 * redacted for the caller (restricted nodes become placeholders with their edges kept).
 */
final class LineageDataFetcher implements DataFetcher<LineageView> {
  private final LineageQueries queries;
  private final LineageRedaction redaction;
  private final IriMinter iris;
  private final LineageAsOf past;

  LineageDataFetcher(LineageQueries queries, LineageRedaction redaction, IriMinter iris) {
    this(queries, redaction, iris, null);
  }

  /**
   * @param past answers {@code Query.lineage(asOf:)}; null where the field takes no {@code asOf}
   */
  LineageDataFetcher(
      LineageQueries queries, LineageRedaction redaction, IriMinter iris, LineageAsOf past) {
    this.past = past;
    this.queries = queries;
    this.redaction = redaction;
    this.iris = iris;
  }

  @Override
  public LineageView get(DataFetchingEnvironment env) {
    AccessScope scope = GraphQLRequest.scope(env);
    AsOf asOf = past == null ? null : AsOf.parse(env.getArgument(AsOf.PARAMETER));
    NodeId start = start(env);
    String graph =
        start.kind() == NodeId.Kind.DATASET
            ? iris.datasetGraph(start.namespace(), start.name())
            : iris.jobGraph(start.namespace(), start.name());
    // a dataset's own lineage starts from its known identity; an id given by the caller is
    // resolved against the graph (its namespace and name may both contain colons)
    NodeId resolved =
        env.getSource() instanceof DatasetNode
            ? (queries.exists(start) ? start : null)
            : queries.resolve(start.value()).filter(n -> scope.mayDiscover(graph)).orElse(null);
    if (resolved == null) {
      if (env.getSource() instanceof DatasetNode) {
        return new LineageView(java.util.List.of(), java.util.List.of());
      }
      throw new ProblemException(ProblemType.NOT_FOUND, "no lineage node " + start.value());
    }
    int depth = env.getArgument("depth");
    if (depth < 0 || depth > LineageQueries.MAX_DEPTH) {
      throw PageRequest.invalid("depth must be between 0 and " + LineageQueries.MAX_DEPTH);
    }
    Direction direction = Direction.valueOf(env.getArgument("direction"));
    LineageGraph walked = queries.lineage(resolved, depth, direction);
    if (asOf != null) {
      walked = past.at(walked, resolved, start.value(), asOf);
    }
    return LineageView.of(redaction.apply(walked, scope));
  }

  private static NodeId start(DataFetchingEnvironment env) {
    if (env.getSource() instanceof DatasetNode d) {
      return NodeId.dataset(d.namespace(), d.name());
    }
    Map<String, Object> start = env.getArgument("start");
    @SuppressWarnings("unchecked")
    Map<String, String> dataset = (Map<String, String>) start.get("dataset");
    @SuppressWarnings("unchecked")
    Map<String, String> job = (Map<String, String>) start.get("job");
    if ((dataset == null) == (job == null)) {
      throw PageRequest.invalid("start needs exactly one of dataset or job");
    }
    return dataset != null
        ? NodeId.dataset(dataset.get("namespace"), dataset.get("name"))
        : NodeId.job(job.get("namespace"), job.get("name"));
  }
}
