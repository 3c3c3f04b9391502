package io.tessera.bench;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;

/**
 * The graph floors, on the server's own TDB2 database after the server has stopped (TDB2 is
 * single-process): the lineage walk (upstream, downstream or both) as bare index lookups ({@code
 * tess:reads}, {@code tess:writes}, each node's OpenLineage identity read once), and a product read
 * as one ARQ query over the product's graph. Neither builds a response; the server's figures
 * include that.
 */
final class JenaFloor implements AutoCloseable {
  private static final Node READS = TESS.reads.asNode();
  private static final Node WRITES = TESS.writes.asNode();
  private static final Node OL_NAMESPACE = TESS.olNamespace.asNode();
  private static final Node OL_NAME = TESS.olName.asNode();
  private static final Node PLAN = PROV.Plan.asNode();

  /** The server's default node limit of a lineage answer ({@code tessera.lineage.max-nodes}). */
  static final int MAX_NODES = 1000;

  private final Dataset dataset;
  private final DatasetGraph graph;
  private final IriMinter iris;
  private final Query productRead;

  JenaFloor(Path tdbDir, IriMinter iris) {
    this.dataset = TDB2Factory.connectDataset(tdbDir.toString());
    this.graph = dataset.asDatasetGraph();
    this.iris = iris;
    this.productRead = QueryFactory.create(resource("product-read.rq"));
  }

  /** Walks upstream up to {@code depth} hops from a dataset; returns the nodes reached. */
  int lineage(String namespace, String name, int depth) {
    return lineage(namespace, name, depth, "upstream");
  }

  /**
   * Walks {@code direction} (upstream, downstream or both) up to {@code depth} dataset-job hops
   * from a dataset, nearest first, stopping at {@link #MAX_NODES} nodes like the server's default
   * node limit; returns the nodes reached.
   */
  int lineage(String namespace, String name, int depth, String direction) {
    boolean up = !"downstream".equals(direction);
    boolean down = !"upstream".equals(direction);
    Node start = NodeFactory.createURI(iris.dataset(namespace, name));
    return Txn.calculateRead(
        dataset,
        () -> {
          Map<Node, Integer> seen = new LinkedHashMap<>();
          Map<Node, String> ids = new LinkedHashMap<>();
          Deque<Node> queue = new ArrayDeque<>();
          seen.put(start, 0);
          queue.add(start);
          while (!queue.isEmpty() && ids.size() < MAX_NODES) {
            Node node = queue.poll();
            int hops = seen.get(node);
            boolean job = graph.contains(Node.ANY, node, RDF.type.asNode(), PLAN);
            ids.put(node, literal(node, OL_NAMESPACE) + ":" + literal(node, OL_NAME));
            if (hops >= depth) {
              continue;
            }
            List<Node> next = new ArrayList<>();
            if (up) {
              next.addAll(job ? objects(node, READS) : subjects(WRITES, node));
            }
            if (down) {
              next.addAll(job ? objects(node, WRITES) : subjects(READS, node));
            }
            for (Node n : next) {
              if (seen.putIfAbsent(n, hops + 1) == null) {
                queue.add(n);
              }
            }
          }
          return ids.size();
        });
  }

  /** Whether the graph knows a dataset (the walk's start must exist for a fair comparison). */
  boolean hasDataset(String namespace, String name) {
    Node node = NodeFactory.createURI(iris.dataset(namespace, name));
    return Txn.calculateRead(
        dataset, () -> graph.contains(Node.ANY, node, RDF.type.asNode(), DCAT.Dataset.asNode()));
  }

  /** Reads every triple of a product's graph through ARQ; returns how many. */
  int product(String domain, String product) {
    Node g = NodeFactory.createURI(iris.productGraph(domain, product));
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExecution qe =
              QueryExecution.dataset(dataset)
                  .query(productRead)
                  .substitution("g", ResourceFactory.createResource(g.getURI()))
                  .build()) {
            ResultSet rs = qe.execSelect();
            int n = 0;
            while (rs.hasNext()) {
              rs.next();
              n++;
            }
            return n;
          }
        });
  }

  private List<Node> objects(Node s, Node p) {
    Set<Node> out = new LinkedHashSet<>();
    for (Iterator<Quad> it = graph.find(Node.ANY, s, p, Node.ANY); it.hasNext(); ) {
      out.add(it.next().getObject());
    }
    return List.copyOf(out);
  }

  private List<Node> subjects(Node p, Node o) {
    Set<Node> out = new LinkedHashSet<>();
    for (Iterator<Quad> it = graph.find(Node.ANY, Node.ANY, p, o); it.hasNext(); ) {
      out.add(it.next().getSubject());
    }
    return List.copyOf(out);
  }

  private String literal(Node s, Node p) {
    Iterator<Quad> it = graph.find(Node.ANY, s, p, Node.ANY);
    return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : "";
  }

  private static String resource(String name) {
    try (InputStream in = JenaFloor.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    dataset.close();
  }
}
