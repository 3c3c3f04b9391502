package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.RequiresSharedCorpus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Marquez compatibility over HTTP, on the public corpus ({@code compat/airflow-bq-dag}, {@code
 * compat/spark-cll}, {@code marquez/metadata.json}): {@code GET /api/v1/lineage} answers the nodes
 * and edges Marquez answers for the same events, start node and depth, and Marquez's read API lists
 * and shows the namespaces, jobs, datasets and runs those events made.
 *
 * <p>The expected lineage comes from {@link MarquezReference}, a small implementation of Marquez's
 * documented algorithm over the raw events (not over Tessera's graph), and for two start points
 * from a file derived by hand ({@code lineage/marquez/food-delivery-by-hand.json}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresSharedCorpus
class MarquezCompatibilityIT implements TestPropertyProvider {
  private static final List<String> FIXTURES =
      List.of(
          "compat/airflow-bq-dag/line_01.json",
          "compat/airflow-bq-dag/line_02.json",
          "compat/airflow-bq-dag/line_03.json",
          "compat/airflow-bq-dag/line_04.json",
          "compat/airflow-bq-dag/line_05.json",
          "compat/airflow-bq-dag/line_06.json",
          "compat/airflow-bq-dag/line_07.json",
          "compat/airflow-bq-dag/line_08.json",
          "compat/spark-cll/1.json",
          "compat/spark-cll/2.json",
          "compat/spark-cll/3.json",
          "compat/spark-cll/4.json",
          "compat/spark-cll/5.json",
          "compat/spark-cll/6.json",
          "compat/spark-cll/7.json",
          "compat/spark-cll/8.json",
          "compat/spark-cll/9.json",
          "marquez/metadata.json");

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private LineageHttp http;
  private MarquezReference reference;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-marquez-compat-it");
  }

  @BeforeAll
  void postTheCorpus() {
    http = new LineageHttp(server.getURI(), projection);
    List<ObjectNode> events = new ArrayList<>();
    FIXTURES.forEach(f -> events.addAll(OpenLineageFixtures.events(f)));
    http.awaitProjected(http.acceptAll(events));
    reference = new MarquezReference(events);
  }

  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  static Stream<Arguments> startsAndDepths() {
    List<String> starts =
        List.of(
            "dataset:food_delivery:public.delivery_7_days",
            "dataset:food_delivery:public.customers",
            "dataset:food_delivery:public.menus",
            "job:food_delivery:email_discounts",
            "job:food_delivery:etl_orders_7_days",
            "dataset:bigquery:mock-project.test.upload",
            "dataset:gs://mock-bucket:test.csv",
            "job:airflow:BQ",
            "dataset:file:/tmp/cll_test/tbl1",
            "dataset:file:/tmp/cll_test/cll_source1");
    List<Arguments> cases = new ArrayList<>();
    for (String start : starts) {
      for (int depth : List.of(0, 1, 2, 20)) {
        cases.add(Arguments.of(start, depth));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} depth {1}")
  @MethodSource("startsAndDepths")
  void shouldAnswerTheNodesAndEdgesMarquezAnswers(String nodeId, int depth) {
    JsonNode answer = marquezLineage(nodeId, depth);

    MarquezReference.Graph expected = reference.lineage(nodeId, depth);
    assertThat(ids(answer)).as("nodes").isEqualTo(expected.nodes());
    assertThat(edges(answer)).as("edges").isEqualTo(expected.edges());
    assertMarquezShape(answer);
  }

  @Test
  void shouldMatchTheAnswersDerivedByHand() throws IOException {
    JsonNode file = resource("lineage/marquez/food-delivery-by-hand.json");
    assertThat(file.path("cases")).hasSize(2);
    for (JsonNode c : file.path("cases")) {
      Set<String> expected = new TreeSet<>();
      c.path("jobs").forEach(j -> expected.add("job:food_delivery:" + j.asText()));
      c.path("datasets").forEach(d -> expected.add("dataset:food_delivery:" + d.asText()));

      JsonNode answer = marquezLineage(c.path("nodeId").asText(), c.path("depth").asInt());

      assertThat(ids(answer)).as(c.toString()).isEqualTo(expected);
    }
  }

  @Test
  void shouldCountJobHopsWhereTheDirectedWalkCountsEveryHop() {
    String start = "dataset:food_delivery:public.delivery_7_days";

    Set<String> marquez = ids(marquezLineage(start, 1));
    Set<String> directed = ids(http.lineage(start, 1, "both"));

    // Marquez's depth 1 reaches a job that only reads a dataset its start job also reads
    assertThat(marquez).contains("job:food_delivery:email_discounts").hasSize(22);
    // the directed walk's depth 1 stops at the jobs next to the dataset
    assertThat(directed)
        .containsExactlyInAnyOrder(
            start,
            "job:food_delivery:etl_delivery_7_days",
            "job:food_delivery:delivery_times_7_days");
  }

  @Test
  void shouldAnswerADatasetNoJobTouchesAlone() {
    // the demo's DatasetEvent: a dataset known from a dataset event only
    JsonNode event = OpenLineageFixtures.events("marquez/event_dataset_event.json").getFirst();
    http.awaitProjected(http.accept(event).path("id").asLong());
    JsonNode dataset = event.path("dataset");
    String nodeId =
        "dataset:" + dataset.path("namespace").asText() + ":" + dataset.path("name").asText();

    JsonNode answer = marquezLineage(nodeId, 20);

    assertThat(ids(answer)).containsExactly(nodeId);
    assertMarquezShape(answer);
  }

  @Test
  void shouldRejectAnUnknownTraversalOrADirectionMarquezHasNot() {
    String nodeId = LineageHttp.q("dataset:food_delivery:public.orders");
    for (String query : List.of("&traversal=sideways", "&traversal=marquez&direction=upstream")) {
      LineageHttp.Reply reply =
          http.send("GET", "/api/v1/lineage?nodeId=" + nodeId + query, null, Map.of());
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.json().path("type").asText())
          .isEqualTo("https://w3id.org/tessera/problems/invalid-request");
    }
  }

  @Test
  void shouldListNamespacesJobsAndDatasetsAsMarquezDoes() {
    JsonNode namespaces = http.get("/api/v1/namespaces");
    List<String> names = new ArrayList<>();
    namespaces.path("namespaces").forEach(n -> names.add(n.path("name").asText()));
    assertThat(names)
        .contains("food_delivery", "airflow", "bigquery", "gs://mock-bucket", "file")
        .isSorted();
    assertThat(namespaces.path("totalCount").asInt()).isEqualTo(names.size());
    assertThat(namespaces.path("namespaces").get(0).has("createdAt")).isTrue();
    JsonNode food = http.get("/api/v1/namespaces/food_delivery");
    assertThat(food.path("createdAt").asText()).isEqualTo("2020-02-22T22:42:42Z");
    assertThat(food.path("ownerName").asText()).isEqualTo("anonymous");

    JsonNode jobs = http.get("/api/v1/namespaces/food_delivery/jobs?limit=5&offset=10");
    assertThat(jobs.path("totalCount").asInt()).isEqualTo(13);
    assertThat(jobs.path("jobs")).hasSize(3);

    JsonNode job = http.get("/api/v1/namespaces/food_delivery/jobs/etl_delivery_7_days");
    assertThat(job.path("id").path("name").asText()).isEqualTo("etl_delivery_7_days");
    assertThat(job.path("type").asText()).isEqualTo("BATCH");
    assertThat(job.path("inputs")).hasSize(5);
    assertThat(job.path("outputs").get(0).path("name").asText())
        .isEqualTo("public.delivery_7_days");
    assertThat(job.path("latestRun").path("state").asText()).isEqualTo("COMPLETED");

    JsonNode runs = http.get("/api/v1/namespaces/food_delivery/jobs/etl_delivery_7_days/runs");
    assertThat(runs.path("totalCount").asInt()).isEqualTo(1);
    String runId = runs.path("runs").get(0).path("id").asText();
    assertThat(http.get("/api/v1/jobs/runs/" + runId).path("state").asText())
        .isEqualTo("COMPLETED");

    JsonNode datasets = http.get("/api/v1/namespaces/food_delivery/datasets?limit=100");
    assertThat(datasets.path("totalCount").asInt()).isEqualTo(datasets.path("datasets").size());
    JsonNode orders = http.get("/api/v1/namespaces/food_delivery/datasets/public.delivery_7_days");
    assertThat(orders.path("type").asText()).isEqualTo("DB_TABLE");
    assertThat(orders.path("sourceName").asText()).isEqualTo("food_delivery");
    assertThat(orders.path("fields")).isNotEmpty();
    assertThat(orders.path("tags").isArray()).isTrue();

    JsonNode bucket = http.get("/api/v1/namespaces/" + LineageHttp.q("gs://mock-bucket"));
    assertThat(bucket.path("name").asText()).isEqualTo("gs://mock-bucket");
  }

  @Test
  void shouldAnswerMissingThingsAndBadPagesWithProblems() {
    for (String path :
        List.of(
            "/api/v1/namespaces/no_such_namespace",
            "/api/v1/namespaces/food_delivery/jobs/no_such_job",
            "/api/v1/namespaces/food_delivery/jobs/no_such_job/runs",
            "/api/v1/namespaces/food_delivery/datasets/public.no_such_table",
            "/api/v1/jobs/runs/6f0e2a1c-1111-4a2b-8c3d-000000000000")) {
      LineageHttp.Reply reply = http.send("GET", path, null, Map.of());
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    for (String path :
        List.of(
            "/api/v1/namespaces?limit=0",
            "/api/v1/namespaces/food_delivery/jobs?offset=-1",
            "/api/v1/namespaces/food_delivery/datasets?limit=1001",
            "/api/v1/jobs/runs/not-a-uuid")) {
      LineageHttp.Reply reply = http.send("GET", path, null, Map.of());
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.json().path("type").asText())
          .isEqualTo("https://w3id.org/tessera/problems/invalid-request");
    }
  }

  private JsonNode marquezLineage(String nodeId, int depth) {
    return http.get("/api/v1/lineage?nodeId=" + LineageHttp.q(nodeId) + "&depth=" + depth);
  }

  /** Every node has both edge lists and Marquez's data; nodes come sorted by id. */
  private static void assertMarquezShape(JsonNode answer) {
    List<String> order = new ArrayList<>();
    for (JsonNode node : answer.path("graph")) {
      order.add(node.path("id").asText());
      assertThat(node.path("inEdges").isArray()).as("inEdges of %s", node).isTrue();
      assertThat(node.path("outEdges").isArray()).as("outEdges of %s", node).isTrue();
      JsonNode data = node.path("data");
      String id = node.path("id").asText();
      assertThat(data.path("id").path("namespace").asText() + ":" + data.path("name").asText())
          .isEqualTo(id.substring(id.indexOf(':') + 1));
      if (node.path("type").asText().equals("DATASET")) {
        assertThat(id).startsWith("dataset:");
        assertThat(data.path("type").asText()).isEqualTo("DB_TABLE");
        assertThat(data.path("fields").isArray()).isTrue();
      } else {
        assertThat(node.path("type").asText()).isEqualTo("JOB");
        assertThat(id).startsWith("job:");
        assertThat(data.path("type").asText()).isEqualTo("BATCH");
        assertThat(data.path("inputs").isArray()).isTrue();
      }
    }
    assertThat(order).isSorted();
  }

  private static Set<String> ids(JsonNode answer) {
    Set<String> ids = new TreeSet<>();
    answer.path("graph").forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  /** Every edge an answer names, in- or out-, as {@code origin -> destination}. */
  private static Set<String> edges(JsonNode answer) {
    Set<String> edges = new TreeSet<>();
    for (JsonNode node : answer.path("graph")) {
      for (String list : List.of("inEdges", "outEdges")) {
        node.path(list)
            .forEach(
                e ->
                    edges.add(e.path("origin").asText() + " -> " + e.path("destination").asText()));
      }
    }
    return edges;
  }

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = MarquezCompatibilityIT.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("no test resource " + name));
      }
      return LineageHttp.JSON.readTree(in);
    }
  }

  /**
   * Marquez's lineage algorithm ({@code LineageService.lineage} over {@code LineageDao.getLineage}
   * in Marquez), applied to the raw events: a job's inputs and outputs are the datasets its run
   * events name (Marquez's current job version holds what its latest run read and wrote; in this
   * corpus no job changes them between runs). From a dataset the walk starts at a job that writes
   * it, else one that reads it, the one whose latest event is latest. Depth counts job-to-job hops:
   * a job is a neighbour of another when their inputs and outputs share a dataset, whichever way
   * each uses it. The answer is the jobs within depth hops and every input and output of those,
   * edges input -> job and job -> output; a dataset no job touches is answered alone.
   */
  static final class MarquezReference {
    record Graph(Set<String> nodes, Set<String> edges) {}

    private final Map<String, Set<String>> inputs = new HashMap<>();
    private final Map<String, Set<String>> outputs = new HashMap<>();
    private final Map<String, OffsetDateTime> lastEvent = new HashMap<>();

    MarquezReference(List<ObjectNode> events) {
      for (ObjectNode e : events) {
        if (!e.has("job") || !e.has("run")) {
          continue;
        }
        String job =
            "job:"
                + e.path("job").path("namespace").asText()
                + ":"
                + e.path("job").path("name").asText();
        inputs.computeIfAbsent(job, k -> new LinkedHashSet<>());
        outputs.computeIfAbsent(job, k -> new LinkedHashSet<>());
        e.path("inputs").forEach(d -> inputs.get(job).add(dataset(d)));
        e.path("outputs").forEach(d -> outputs.get(job).add(dataset(d)));
        OffsetDateTime time = OffsetDateTime.parse(e.path("eventTime").asText());
        lastEvent.merge(job, time, (a, b) -> a.isAfter(b) ? a : b);
      }
    }

    private static String dataset(JsonNode d) {
      return "dataset:" + d.path("namespace").asText() + ":" + d.path("name").asText();
    }

    private Set<String> io(String job) {
      Set<String> io = new LinkedHashSet<>(inputs.get(job));
      io.addAll(outputs.get(job));
      return io;
    }

    Graph lineage(String nodeId, int depth) {
      String start = nodeId.startsWith("job:") ? nodeId : startJob(nodeId);
      if (start == null) {
        return new Graph(new TreeSet<>(Set.of(nodeId)), new TreeSet<>());
      }
      Map<String, Integer> jobs = new LinkedHashMap<>();
      Deque<String> queue = new ArrayDeque<>();
      jobs.put(start, 0);
      queue.add(start);
      while (!queue.isEmpty()) {
        String job = queue.poll();
        if (jobs.get(job) >= depth) {
          continue;
        }
        for (String other : inputs.keySet()) {
          if (!jobs.containsKey(other) && io(other).stream().anyMatch(io(job)::contains)) {
            jobs.put(other, jobs.get(job) + 1);
            queue.add(other);
          }
        }
      }
      Set<String> nodes = new TreeSet<>(jobs.keySet());
      Set<String> edges = new TreeSet<>();
      for (String job : jobs.keySet()) {
        nodes.addAll(io(job));
        inputs.get(job).forEach(d -> edges.add(d + " -> " + job));
        outputs.get(job).forEach(d -> edges.add(job + " -> " + d));
      }
      return new Graph(nodes, edges);
    }

    private String startJob(String dataset) {
      for (Map<String, Set<String>> uses : List.of(outputs, inputs)) {
        String found =
            uses.entrySet().stream()
                .filter(e -> e.getValue().contains(dataset))
                .map(Map.Entry::getKey)
                .max(
                    Comparator.comparing((String j) -> lastEvent.get(j))
                        .thenComparing(Comparator.<String>reverseOrder()))
                .orElse(null);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
  }
}
