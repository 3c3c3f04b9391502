package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.LineageRedaction;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;

/** {@code Query.columnLineage}: derivations around one column, redacted for the caller. */
final class ColumnLineageDataFetcher implements DataFetcher<ColumnLineage> {
  private final LineageQueries queries;
  private final LineageRedaction redaction;
  private final IriMinter iris;

  ColumnLineageDataFetcher(LineageQueries queries, LineageRedaction redaction, IriMinter iris) {
    this.queries = queries;
    this.redaction = redaction;
    this.iris = iris;
  }

  @Override
  public ColumnLineage get(DataFetchingEnvironment env) {
    AccessScope scope = GraphQLRequest.scope(env);
    String namespace = env.getArgument("namespace");
    String name = env.getArgument("name");
    String field = env.getArgument("field");
    int depth = env.getArgument("depth");
    if (depth < 0 || depth > LineageQueries.MAX_DEPTH) {
      throw PageRequest.invalid("depth must be between 0 and " + LineageQueries.MAX_DEPTH);
    }
    NodeId node = NodeId.dataset(namespace, name);
    if (!scope.mayDiscover(iris.datasetGraph(namespace, name))
        || queries.resolve(node.value()).isEmpty()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no lineage node " + node.value());
    }
    Direction direction = Direction.valueOf(env.getArgument("direction"));
    return redaction.apply(queries.columnLineage(node, field, depth, direction), scope);
  }
}
