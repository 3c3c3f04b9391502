package io.tessera.graphstore.tdb;

import io.tessera.graphstore.InvalidQueryException;
import io.tessera.graphstore.QueryTimeoutException;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.SparqlResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * Runs a caller's query over the part of the store a {@link ReadScope} allows, inside the caller's
 * read transaction, and copies the answer out.
 *
 * <p>Routes, fastest first:
 *
 * <ul>
 *   <li>an unrestricted scope without a dataset description runs on the TDB2 dataset as it is
 *       (union default graph);
 *   <li>a restricted scope runs on TDB2 with its quad filter ({@link GraphTupleFilter}) when every
 *       data access goes through TDB2's index reads: basic graph patterns, {@code GRAPH}, {@code
 *       EXISTS}, sub-queries, aggregates;
 *   <li>property paths and dynamic datasets (FROM, FROM NAMED, the protocol's {@code
 *       default-graph-uri} and {@code named-graph-uri}) read graphs directly, so they run on a
 *       {@link ScopedDatasetGraph} view in which hidden graphs do not exist; a dynamic dataset
 *       takes this route for an unrestricted scope too, so that it is honoured for every caller
 *       alike;
 *   <li>DESCRIBE finds its resources as a SELECT would and reads their triples from that view.
 * </ul>
 *
 * <p>{@code SERVICE} is refused for every caller; property functions are off for restricted scopes.
 */
final class ScopedQuery {
  private final DatasetGraph dsg;
  private final Duration timeout;

  ScopedQuery(DatasetGraph dsg, Duration timeout) {
    this.dsg = dsg;
    this.timeout = timeout;
  }

  SparqlResult run(
      Query query, DatasetDescription protocolDataset, ReadScope scope, int maxResults) {
    QueryFeatures features = QueryFeatures.of(query);
    if (features.service()) {
      throw new InvalidQueryException(
          "SERVICE (federated query) is not allowed: this endpoint only queries the catalog");
    }
    DatasetDescription dataset =
        protocolDataset != null && !protocolDataset.isEmpty()
            ? protocolDataset
            : query.hasDatasetDescription() ? DatasetDescription.create(query) : null;
    Query local = query.cloneQuery();
    local.getGraphURIs().clear();
    local.getNamedGraphURIs().clear();

    QueryExecBuilder builder;
    if (dataset != null) {
      // every caller's FROM / FROM NAMED / protocol dataset picks graphs of its view (an admin's
      // view being the whole store); TDB2's union default graph would otherwise ignore it
      builder = QueryExec.dataset(dynamic(dataset, scope)).query(local);
    } else if (scope.isEverything()) {
      builder = QueryExec.dataset(dsg).query(local);
    } else if (query.isDescribeType()) {
      return describe(query, scope, maxResults);
    } else if (features.paths()) {
      builder = QueryExec.dataset(ScopedDatasetGraph.over(dsg, scope)).query(local);
    } else {
      builder =
          QueryExec.dataset(dsg)
              .query(local)
              .set(SystemTDB.symTupleFilter, GraphTupleFilter.over(dsg, scope));
    }
    if (!scope.isEverything()) {
      builder.set(ARQConstants.registryPropertyFunctions, new PropertyFunctionRegistry());
    }
    builder
        .set(ARQConstants.registryServiceExecutors, new ServiceExecutorRegistry())
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (QueryExec exec = builder.build()) {
      if (query.isSelectType()) {
        return solutions(exec.select(), maxResults);
      }
      if (query.isAskType()) {
        return new SparqlResult.Answer(exec.ask());
      }
      if (query.isConstructType()) {
        return triples(exec.constructTriples(), maxResults);
      }
      if (query.isDescribeType()) {
        return triples(exec.describe().find(), maxResults);
      }
      throw new InvalidQueryException("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are run");
    } catch (QueryCancelledException e) {
      throw new QueryTimeoutException(timeout, e);
    }
  }

  /**
   * DESCRIBE over a restricted scope: the described resources (the listed IRIs, and the solutions
   * of the WHERE clause, found the way a SELECT would be), then each one's triples in the visible
   * graphs and, recursively, those of the blank nodes they lead to (Jena's default bnode closure).
   * Jena's own handler asks every named graph of the view in turn, which on a store of many graphs
   * means listing them all.
   */
  private SparqlResult describe(Query query, ReadScope scope, int maxResults) {
    Set<Node> resources = new LinkedHashSet<>(query.getResultURIs());
    if (query.getQueryPattern() != null && !query.getResultVars().isEmpty()) {
      Query select = query.cloneQuery();
      select.setQuerySelectType();
      if (run(select, null, scope, Integer.MAX_VALUE) instanceof SparqlResult.Solutions found) {
        for (Binding row : found.rows()) {
          row.vars().forEachRemaining(v -> resources.add(row.get(v)));
        }
      }
    }
    Graph visible = ScopedDatasetGraph.over(dsg, scope).getUnionGraph();
    Graph described = GraphFactory.createDefaultGraph();
    Deque<Node> todo = new ArrayDeque<>(resources);
    Set<Node> seen = new HashSet<>(resources);
    while (!todo.isEmpty()) {
      Node subject = todo.poll();
      if (subject.isLiteral()) {
        continue;
      }
      var triples = visible.find(subject, Node.ANY, Node.ANY);
      try {
        while (triples.hasNext()) {
          Triple triple = triples.next();
          if (described.size() >= maxResults && !described.contains(triple)) {
            return new SparqlResult.Triples(described, true);
          }
          described.add(triple);
          if (triple.getObject().isBlank() && seen.add(triple.getObject())) {
            todo.add(triple.getObject());
          }
        }
      } finally {
        triples.close();
      }
    }
    return new SparqlResult.Triples(described, false);
  }

  /**
   * The dataset a FROM / FROM NAMED description asks for, taken from the scoped view: graphs the
   * scope hides are dropped from the description, so they are neither read nor named.
   */
  private DatasetGraph dynamic(DatasetDescription dataset, ReadScope scope) {
    ScopedDatasetGraph view = ScopedDatasetGraph.over(dsg, scope);
    List<String> defaults = visible(dataset.getDefaultGraphURIs(), scope);
    List<String> named = visible(dataset.getNamedGraphURIs(), scope);
    if (defaults.isEmpty() && named.isEmpty()) {
      return DatasetGraphFactory.empty();
    }
    return DynamicDatasets.dynamicDataset(DatasetDescription.create(defaults, named), view, false);
  }

  private static List<String> visible(List<String> graphs, ReadScope scope) {
    List<String> kept = new ArrayList<>();
    for (String graph : graphs) {
      if (graph.equals(Quad.unionGraph.getURI()) || scope.mayRead(graph)) {
        kept.add(graph);
      }
    }
    return kept;
  }

  private static SparqlResult.Solutions solutions(RowSet rows, int maxResults) {
    List<Var> vars = rows.getResultVars();
    List<Binding> copied = new ArrayList<>();
    boolean truncated = false;
    while (rows.hasNext()) {
      Binding row = rows.next();
      if (copied.size() >= maxResults) {
        truncated = true;
        break;
      }
      BindingBuilder copy = Binding.builder();
      row.vars().forEachRemaining(v -> copy.add(v, row.get(v)));
      copied.add(copy.build());
    }
    return new SparqlResult.Solutions(vars, copied, truncated);
  }

  private static SparqlResult.Triples triples(Iterator<Triple> found, int maxResults) {
    Graph graph = GraphFactory.createDefaultGraph();
    boolean truncated = false;
    while (found.hasNext()) {
      Triple triple = found.next();
      if (graph.contains(triple)) {
        continue;
      }
      if (graph.size() >= maxResults) {
        truncated = true;
        break;
      }
      graph.add(triple);
    }
    return new SparqlResult.Triples(graph, truncated);
  }
}
