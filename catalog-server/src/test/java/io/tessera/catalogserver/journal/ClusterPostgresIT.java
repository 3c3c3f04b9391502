package io.tessera.catalogserver.journal;

import static io.tessera.catalogserver.journal.Nodes.apply;
import static io.tessera.catalogserver.journal.Nodes.client;
import static io.tessera.catalogserver.journal.Nodes.get;
import static io.tessera.catalogserver.journal.Nodes.json;
import static io.tessera.catalogserver.journal.Nodes.position;
import static io.tessera.catalogserver.journal.Nodes.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes on one PostgreSQL: every catalog write is journaled, each node projects the journal
 * into its own graph and index, any node takes writes, a reader can ask a node to have applied a
 * write it made on another node, and nodes that restart or join catch up from the journal. Real
 * PostgreSQL (zonky embedded), servers in process driven over HTTP.
 */
class ClusterPostgresIT {
  @TempDir static Path dirs;
  private static Nodes nodes;

  @BeforeAll
  static void startPostgres() throws IOException {
    nodes = Nodes.start(dirs);
  }

  @AfterAll
  static void stopAll() throws IOException {
    nodes.close();
  }

  private static EmbeddedServer node(String name) {
    return nodes.node(name);
  }

  private static void stop(EmbeddedServer server) throws IOException {
    nodes.stop(server);
  }

  private static long journalRows() throws Exception {
    return nodes.journalRows();
  }

  @Test
  void aWriteOnOneNodeIsReadOnAnotherAndNodesThatRestartOrJoinCatchUp() throws Exception {
    EmbeddedServer a = node("node-a");
    EmbeddedServer b = node("node-b");

    // written on a, read on b once b has applied it
    HttpResponse<String> created = apply(a, product("billing-rw", "Every issued invoice."));
    long first = position(created);
    HttpResponse<String> onB = get(b, "/api/v1/products/billing-rw/invoices", first);
    assertThat(onB.code()).isEqualTo(200);
    assertThat(json(onB).path("description").asText()).isEqualTo("Every issued invoice.");

    // written on b (the next revision), read on a
    HttpResponse<String> updated = apply(b, product("billing-rw", "Every invoice, corrected."));
    long second = position(updated);
    assertThat(second).isGreaterThan(first);
    assertThat(json(updated).path("results").path(1).path("revision").asInt()).isEqualTo(2);
    HttpResponse<String> onA = get(a, "/api/v1/products/billing-rw/invoices", second);
    assertThat(json(onA).path("description").asText()).isEqualTo("Every invoice, corrected.");

    // b restarts on its data directory while a keeps writing: b applies what it missed at start
    Path bDir =
        Path.of(
            b.getApplicationContext().getProperty("tessera.data-dir", String.class).orElseThrow());
    stop(b);
    long third = position(apply(a, product("billing-missed", "Written while b was down.")));
    EmbeddedServer b2 = node("node-b");
    assertThat(b2.getApplicationContext().getProperty("tessera.data-dir", String.class))
        .contains(bDir.toString());
    assertThat(b2.getApplicationContext().getBean(JournaledWrites.class).position())
        .isGreaterThanOrEqualTo(third);
    assertThat(get(b2, "/api/v1/products/billing-missed/invoices", null).code()).isEqualTo(200);

    // a new node with an empty data directory replays the journal, search index included
    EmbeddedServer c = node("node-c");
    assertThat(c.getApplicationContext().getBean(JournaledWrites.class).position())
        .isGreaterThanOrEqualTo(third);
    assertThat(
            json(get(c, "/api/v1/products/billing-rw/invoices", null)).path("description").asText())
        .isEqualTo("Every invoice, corrected.");
    TestServer.awaitCaughtUp(
        c.getApplicationContext().getBean(LineageProjection.class),
        c.getApplicationContext().getBean(GraphStore.class),
        c.getApplicationContext().getBean(SearchIndex.class),
        Duration.ofSeconds(60));
    assertThat(
            get(c, "/api/v1/search?q=invoices&domain=billing-missed", null).getBody(String.class))
        .hasValueSatisfying(body -> assertThat(body).contains("billing-missed/invoices"));

    // a delete on c is seen as a 404 on a
    HttpResponse<String> deleted =
        client(c)
            .toBlocking()
            .exchange(
                HttpRequest.DELETE("/api/v1/products/billing-missed/invoices"),
                Argument.STRING,
                Argument.STRING);
    assertThat(get(a, "/api/v1/products/billing-missed/invoices", position(deleted)).code())
        .isEqualTo(404);
    assertThat(journalRows()).isGreaterThanOrEqualTo(position(deleted));
    stop(c);
    stop(b2);
    stop(a);
  }

  @Test
  void concurrentWritesOnTwoNodesAreOrderedOnceAndBothNodesEndTheSame() throws Exception {
    EmbeddedServer a = node("node-d");
    EmbeddedServer b = node("node-e");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        EmbeddedServer target = i % 2 == 0 ? a : b;
        // half of them to distinct domains, half racing on one product
        String domain = i % 3 == 0 ? "race" : "spread-" + i;
        String description = "version " + i;
        answers.add(
            pool.submit(
                () -> {
                  try {
                    return apply(target, product(domain, description)).code();
                  } catch (HttpClientResponseException e) {
                    if (e.getStatus().getCode() == 409) {
                      assertThat(e.getResponse().getBody(String.class))
                          .as("a conflict names the revision that won")
                          .hasValueSatisfying(
                              body -> assertThat(body).contains("is now at revision"));
                    }
                    return e.getStatus().getCode();
                  }
                }));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get())
            .as("a write answers 200 or, racing on one entity, 409")
            .isIn(200, 409);
      }
    } finally {
      pool.shutdown();
    }
    long head = journalRows();
    HttpResponse<String> onA = get(a, "/api/v1/products/race/invoices", head);
    HttpResponse<String> onB = get(b, "/api/v1/products/race/invoices", head);
    assertThat(onA.code()).isEqualTo(200);
    assertThat(json(onA).path("description").asText())
        .isEqualTo(json(onB).path("description").asText());
    assertThat(json(get(a, "/api/v1/products/race/invoices/revisions", head)).toString())
        .isEqualTo(json(get(b, "/api/v1/products/race/invoices/revisions", head)).toString());
    for (int i = 1; i < 24; i += 3) {
      assertThat(get(b, "/api/v1/products/spread-" + i + "/invoices", head).code()).isEqualTo(200);
      assertThat(get(a, "/api/v1/products/spread-" + i + "/invoices", head).code()).isEqualTo(200);
    }
    stop(a);
    stop(b);
  }

  private static String event(int i) {
    return """
        {"eventType": "COMPLETE", "eventTime": "2026-02-01T08:30:00Z",
         "producer": "https://example.com/tessera-tests",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"},
         "job": {"namespace": "cluster-tests", "name": "load_%d"},
         "inputs": [{"namespace": "kafka://broker:9092", "name": "cluster.in_%d"}],
         "outputs": [{"namespace": "postgres://db:5432", "name": "cluster.out_%d"}]}
        """
        .formatted(java.util.UUID.nameUUIDFromBytes(("run-" + i).getBytes()), i, i, i);
  }

  @Test
  void lineageSentToEitherNodeIsProjectedOnEveryNodeWithoutLosingAnEvent() throws Exception {
    EmbeddedServer a = node("node-g");
    EmbeddedServer b = node("node-h");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int events = 60;
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        EmbeddedServer target = i % 2 == 0 ? a : b;
        String body = event(i % 50); // ten of them sent twice, to the other node
        answers.add(
            pool.submit(
                () ->
                    client(target)
                        .toBlocking()
                        .exchange(
                            HttpRequest.POST("/api/v1/lineage", body)
                                .contentType(MediaType.APPLICATION_JSON),
                            Argument.STRING,
                            Argument.STRING)
                        .code()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isIn(200, 201);
      }
    } finally {
      pool.shutdown();
    }
    for (EmbeddedServer node : List.of(a, b)) {
      TestServer.awaitCaughtUp(
          node.getApplicationContext().getBean(LineageProjection.class),
          node.getApplicationContext().getBean(GraphStore.class),
          node.getApplicationContext().getBean(SearchIndex.class),
          Duration.ofSeconds(60));
      for (int i = 0; i < 50; i++) {
        HttpResponse<String> lineage =
            get(
                node,
                "/api/v1/lineage?depth=1&nodeId="
                    + java.net.URLEncoder.encode(
                        "dataset:postgres://db:5432:cluster.out_" + i, StandardCharsets.UTF_8),
                null);
        assertThat(lineage.code()).as("lineage of out_%d", i).isEqualTo(200);
        assertThat(lineage.getBody(String.class))
            .hasValueSatisfying(body -> assertThat(body).contains("load_"));
      }
    }
    try (Connection c = nodes.postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM lineage_event WHERE job_namespace = 'cluster-tests'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("each distinct event journaled once").isEqualTo(50);
    }
    stop(a);
    stop(b);
  }

  @Test
  void aReadAskingForAPositionTheNodeCannotReachIsRefusedPlainly() throws Exception {
    EmbeddedServer a = node("node-f");
    HttpResponse<String> bad = get(a, "/api/v1/domains", null);
    assertThat(bad.code()).isEqualTo(200);

    MutableHttpRequest<?> garbage =
        HttpRequest.GET("/api/v1/domains").header(ReadYourWritesFilter.WAIT_FOR, "soon");
    HttpClientResponseException refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            HttpClientResponseException.class,
            () -> client(a).toBlocking().exchange(garbage, Argument.STRING, Argument.STRING));
    assertThat(refused.getStatus().getCode()).isEqualTo(400);
    assertThat(refused.getResponse().getBody(String.class))
        .hasValueSatisfying(
            b -> assertThat(b).contains("Tessera-Wait-For-Position").contains("soon"));

    long head = journalRows();
    HttpResponse<String> ahead = get(a, "/api/v1/domains", head + 1000);
    assertThat(ahead.code()).isEqualTo(400);
    assertThat(ahead.getBody(String.class))
        .hasValueSatisfying(b -> assertThat(b).contains("has not written (its newest is " + head));
    assertThat(get(a, "/api/v1/domains", head).code()).isEqualTo(200);
    stop(a);
  }
}
