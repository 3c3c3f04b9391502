package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The leak-matrix rows of Marquez's read API and Marquez's lineage walk, on the leak matrix's mesh
 * ({@code security/leak-matrix/}): the {@code eu-confidential} product's dataset {@code
 * fjord.public.vellichor_ledger}, and the job {@code build_ledger} that writes it with its run, may
 * be seen by an EU reader only. For a US reader each is absent from every list and count and
 * answers exactly like a thing that does not exist; every row runs for both readers, so each can
 * fail.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarquezApiLeakIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String NS = "postgres://lk:5432";
  private static final String WORD = "vellichor";
  private static final String HIDDEN_DATASET = "fjord.public.vellichor_ledger";
  private static final String HIDDEN_JOB = "build_ledger";
  private static final String HIDDEN_RUN = "0195d1c2-4e5f-7a6b-8c9d-00000000a001";
  private static final String MISSING_RUN = "0195d1c2-4e5f-7a6b-8c9d-00000000ffff";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private SecurityHttp http;
  private String eu;
  private String us;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-marquez-leak-it");
  }

  @BeforeAll
  void applyTheMeshAndPostLineage() throws Exception {
    http = new SecurityHttp(server.getURI());
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            resource("security/leak-matrix/mesh.yaml"),
            "application/yaml")
        .ok();
    eu = consumer("marquez-leak-eu", "eu");
    us = consumer("marquez-leak-us", "us");
    String producer =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"marquez-leak-pipeline\",\"roles\":[\"producer\"]}",
                "application/json")
            .ok()
            .path("secret")
            .asText();
    long last = 0;
    for (JsonNode event : SecurityHttp.JSON.readTree(resource("security/leak-matrix/runs.json"))) {
      last =
          Math.max(
              last,
              http.post("/api/v1/lineage", producer, event.toString(), "application/json")
                  .ok()
                  .path("id")
                  .asLong());
    }
    assertThat(projection.awaitProjected(last, Duration.ofSeconds(60))).isTrue();
  }

  @Test
  void shouldAnswerAHiddenDatasetJobOrRunExactlyLikeAMissingOne() {
    String datasets = "/api/v1/namespaces/" + enc(NS) + "/datasets/";
    String jobs = "/api/v1/namespaces/fjord-etl/jobs/";
    List<String[]> rows =
        List.of(
            new String[] {datasets + HIDDEN_DATASET, datasets + "fjord.public.nothing_here"},
            new String[] {jobs + HIDDEN_JOB, jobs + "no_such_job"},
            new String[] {jobs + HIDDEN_JOB + "/runs", jobs + "no_such_job/runs"},
            new String[] {"/api/v1/jobs/runs/" + HIDDEN_RUN, "/api/v1/jobs/runs/" + MISSING_RUN});
    for (String[] row : rows) {
      assertThat(http.get(row[0], eu).status()).as("EU reader: %s", row[0]).isEqualTo(200);
      SecurityHttp.Reply hidden = http.get(row[0], us);
      SecurityHttp.Reply missing = http.get(row[1], us);
      JsonNode hiddenProblem = hidden.problem(404, "not-found");
      JsonNode missingProblem = missing.problem(404, "not-found");
      assertThat(hiddenProblem.path("title")).isEqualTo(missingProblem.path("title"));
      assertThat(hiddenProblem.path("detail").asText())
          .as(row[0])
          .isEqualTo(
              missingProblem
                  .path("detail")
                  .asText()
                  .replace("fjord.public.nothing_here", HIDDEN_DATASET)
                  .replace("no_such_job", HIDDEN_JOB)
                  .replace(MISSING_RUN, HIDDEN_RUN));
    }
  }

  @Test
  void shouldLeaveHiddenThingsOutOfEveryListAndCount() {
    List<String> lists =
        List.of(
            "/api/v1/namespaces",
            "/api/v1/namespaces/" + enc(NS) + "/datasets",
            "/api/v1/namespaces/fjord-etl/jobs",
            "/api/v1/namespaces/fjord-etl/jobs/summarise_ledger",
            "/api/v1/namespaces/fjord-etl/jobs/load_accounts/runs");
    for (String path : lists) {
      String euSees = http.get(path, eu).ok().toString();
      String usSees = http.get(path, us).ok().toString();
      if (path.endsWith("/datasets") || path.endsWith("/jobs")) {
        assertThat(euSees).as("EU reader: %s", path).containsAnyOf(WORD, HIDDEN_JOB);
      }
      assertThat(usSees).as("US reader: %s", path).doesNotContain(WORD, HIDDEN_JOB);
    }
    JsonNode euDatasets = http.get("/api/v1/namespaces/" + enc(NS) + "/datasets", eu).ok();
    JsonNode usDatasets = http.get("/api/v1/namespaces/" + enc(NS) + "/datasets", us).ok();
    assertThat(usDatasets.path("totalCount").asInt())
        .isEqualTo(usDatasets.path("datasets").size())
        .isEqualTo(euDatasets.path("totalCount").asInt() - 1);
    JsonNode usJobs = http.get("/api/v1/namespaces/fjord-etl/jobs", us).ok();
    assertThat(usJobs.path("totalCount").asInt()).isEqualTo(usJobs.path("jobs").size());
  }

  @Test
  void shouldRedactMarquezLineageWithoutChangingItsShape() {
    List<int[]> shapes = new ArrayList<>();
    for (String token : List.of(eu, us)) {
      JsonNode lineage =
          http.get(
                  "/api/v1/lineage?depth=20&nodeId="
                      + enc("dataset:" + NS + ":fjord.public.raw_events"),
                  token)
              .ok();
      boolean sees = token.equals(eu);
      assertThat(lineage.toString().contains(WORD)).isEqualTo(sees);
      assertThat(lineage.toString().contains("restricted:")).isEqualTo(!sees);
      int edges = 0;
      for (JsonNode node : lineage.path("graph")) {
        assertThat(node.path("inEdges").isArray() && node.path("outEdges").isArray()).isTrue();
        edges += node.path("inEdges").size() + node.path("outEdges").size();
      }
      shapes.add(new int[] {lineage.path("graph").size(), edges});
    }
    assertThat(shapes.get(1)).as("the graph keeps its shape").isEqualTo(shapes.get(0));
    assertThat(shapes.get(0)[0]).as("three jobs and four datasets").isEqualTo(7);
  }

  private String consumer(String subject, String region) {
    ObjectNode request = SecurityHttp.JSON.createObjectNode();
    request.put("subject", subject);
    request.putArray("roles").add("consumer");
    request.putObject("attributes").putArray("region").add(region);
    return http.post("/api/v1/tokens", ADMIN, request.toString(), "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String resource(String name) {
    try (InputStream in = MarquezApiLeakIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
