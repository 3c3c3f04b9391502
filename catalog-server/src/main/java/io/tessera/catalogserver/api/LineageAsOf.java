package io.tessera.catalogserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.lineage.Direction;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.LineageEvent;
import io.tessera.lineage.LineageException;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lineage as it was at a past instant, without a copy of the graph: the live walk's answer (a
 * superset, since lineage only grows) cut down to what the lineage journal had received by then.
 * For each job of the answer its events received by then are read from the journal ({@code
 * lineage_event}, by its received time, not the event time the producer claims) and only the edges
 * they show are kept (a dataset it read, a dataset it wrote); nodes no longer connected to the
 * start node are dropped. A job's latest run state and a dataset's columns are those of the latest
 * of those events. The start node must have been observed by then (a job with an event, a dataset
 * some job of those events read or wrote), else it answers like an unknown node.
 */
@Singleton
public class LineageAsOf {
  private static final String DATASET = "DATASET";
  private static final String JOB = "JOB";

  private final LineageJournal journal;
  private final EventParser parser;
  private final LineageQueries queries;

  public LineageAsOf(LineageJournal journal, EventParser parser, LineageQueries queries) {
    this.journal = journal;
    this.parser = parser;
    this.queries = queries;
  }

  /** What the journal had received of one job by the instant. */
  private static final class Seen {
    final Set<String> inputs = new HashSet<>();
    final Set<String> outputs = new HashSet<>();
    String latestRunState;
  }

  /**
   * The live walk {@code live} from {@code start}, as it was at {@code asOf}.
   *
   * @param nodeId the node as the caller named it, for the not-found answer
   */
  public LineageGraph at(LineageGraph live, NodeId start, String nodeId, AsOf asOf) {
    Map<String, Seen> jobs = new HashMap<>();
    Map<String, List<LineageGraph.Column>> columns = new HashMap<>();
    for (LineageGraph.Node node : live.graph()) {
      if (JOB.equals(node.type()) && node.data() != null && node.data().id() != null) {
        jobs.put(node.id(), seen(node.data().id(), asOf, columns));
      }
    }
    String startId = id(start);
    if (!observed(startId, start, jobs, asOf)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no lineage node " + nodeId);
    }
    Map<String, List<LineageGraph.Edge>> adjacent = new HashMap<>();
    for (LineageGraph.Node node : live.graph()) {
      for (LineageGraph.Edge e : node.outEdges()) {
        if (kept(e, jobs)) {
          adjacent.computeIfAbsent(e.origin(), k -> new ArrayList<>()).add(e);
          adjacent.computeIfAbsent(e.destination(), k -> new ArrayList<>()).add(e);
        }
      }
    }
    Set<String> reached = reachable(startId, adjacent);
    List<LineageGraph.Node> nodes = new ArrayList<>();
    for (LineageGraph.Node node : live.graph()) {
      if (!reached.contains(node.id())) {
        continue;
      }
      List<LineageGraph.Edge> in =
          node.inEdges().stream()
              .filter(e -> kept(e, jobs) && reached.contains(e.origin()))
              .toList();
      List<LineageGraph.Edge> out =
          node.outEdges().stream()
              .filter(e -> kept(e, jobs) && reached.contains(e.destination()))
              .toList();
      nodes.add(new LineageGraph.Node(node.id(), node.type(), data(node, jobs, columns), in, out));
    }
    return new LineageGraph(nodes, live.truncated());
  }

  /**
   * Whether the start node had been observed by then: a job with an event received by then; a
   * dataset one of those events (of a job next to it) read or wrote.
   */
  private boolean observed(String startId, NodeId start, Map<String, Seen> jobs, AsOf asOf) {
    if (start.kind() == NodeId.Kind.JOB) {
      Seen seen = jobs.get(startId);
      return seen != null && seen.latestRunState != null;
    }
    for (Seen seen : jobs.values()) {
      if (seen.inputs.contains(startId) || seen.outputs.contains(startId)) {
        return true;
      }
    }
    // the walk asked for may hold none of its jobs (depth 0): look at the jobs next to it
    LineageGraph near = queries.lineage(start, 1, Direction.BOTH, LineageQueries.MAX_NODES);
    for (LineageGraph.Node node : near.graph()) {
      if (JOB.equals(node.type())
          && node.data() != null
          && node.data().id() != null
          && !jobs.containsKey(node.id())) {
        Seen seen = seen(node.data().id(), asOf, new HashMap<>());
        if (seen.inputs.contains(startId) || seen.outputs.contains(startId)) {
          return true;
        }
      }
    }
    return false;
  }

  private Seen seen(
      LineageGraph.Key job, AsOf asOf, Map<String, List<LineageGraph.Column>> columns) {
    Seen seen = new Seen();
    journal.jobEvents(
        job.namespace(),
        job.name(),
        asOf.at(),
        stored -> {
          LineageEvent event;
          try {
            event = parser.parse(stored.payload().getBytes(StandardCharsets.UTF_8));
          } catch (LineageException e) {
            return; // an event this server no longer reads is not projected either
          }
          if (event instanceof LineageEvent.RunEvent run) {
            seen.latestRunState = run.eventType().name();
            run.inputs().forEach(d -> seen.inputs.add(note(d, columns)));
            run.outputs().forEach(d -> seen.outputs.add(note(d, columns)));
          }
        });
    return seen;
  }

  /** The dataset's node id, noting its columns when the event carries its schema. */
  private static String note(
      LineageEvent.Dataset dataset, Map<String, List<LineageGraph.Column>> columns) {
    String id = "dataset:" + dataset.namespace() + ":" + dataset.name();
    JsonNode fields =
        dataset.facets() == null ? null : dataset.facets().path("schema").path("fields");
    if (fields != null && fields.isArray() && !fields.isEmpty()) {
      List<LineageGraph.Column> found = new ArrayList<>();
      for (JsonNode f : fields) {
        if (f.hasNonNull("name")) {
          found.add(
              new LineageGraph.Column(
                  f.get("name").asText(), f.hasNonNull("type") ? f.get("type").asText() : null));
        }
      }
      columns.put(id, found);
    }
    return id;
  }

  private static boolean kept(LineageGraph.Edge e, Map<String, Seen> jobs) {
    Seen writer = jobs.get(e.origin());
    if (writer != null) {
      return writer.outputs.contains(e.destination());
    }
    Seen reader = jobs.get(e.destination());
    return reader != null && reader.inputs.contains(e.origin());
  }

  private static Set<String> reachable(
      String start, Map<String, List<LineageGraph.Edge>> adjacent) {
    Set<String> reached = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    reached.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      String node = queue.poll();
      for (LineageGraph.Edge e : adjacent.getOrDefault(node, List.of())) {
        String other = e.origin().equals(node) ? e.destination() : e.origin();
        if (reached.add(other)) {
          queue.add(other);
        }
      }
    }
    return reached;
  }

  private static LineageGraph.Data data(
      LineageGraph.Node node,
      Map<String, Seen> jobs,
      Map<String, List<LineageGraph.Column>> columns) {
    LineageGraph.Data d = node.data();
    if (d == null) {
      return null;
    }
    if (DATASET.equals(node.type())) {
      return new LineageGraph.Data(
          d.id(),
          d.namespace(),
          d.name(),
          d.description(),
          columns.getOrDefault(node.id(), List.of()),
          d.latestRunState());
    }
    Seen seen = jobs.get(node.id());
    return new LineageGraph.Data(
        d.id(),
        d.namespace(),
        d.name(),
        d.description(),
        d.fields(),
        seen == null ? null : seen.latestRunState);
  }

  private static String id(NodeId node) {
    return (node.kind() == NodeId.Kind.DATASET ? "dataset:" : "job:")
        + node.namespace()
        + ":"
        + node.name();
  }
}
