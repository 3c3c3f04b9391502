package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/v1/descriptors/impact} through the leak-matrix mesh: a consumer product of
 * another domain that only EU residents may discover ({@code skerry/tide-audit}) and its job read
 * fjord's raw events. The EU owner of fjord sees both among who a change would break; fjord's other
 * owner sees neither, not a word of them; a reader who may not apply gets 403, an anonymous caller
 * 401 although anonymous reads are on.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactLeakIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String IMPACT = "/api/v1/descriptors/impact";
  private static final String HIDDEN_JOB = "skerry-etl/audit_tides";
  private static final String HIDDEN_PRODUCT = "skerry/tide-audit";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private SecurityHttp http;
  private String euOwner;
  private String owner;
  private String us;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-impact-leak-it", "tessera.security.anonymous-read", "true");
  }

  @BeforeAll
  void applyTheMeshAndPostLineage() throws Exception {
    http = new SecurityHttp(server.getURI());
    for (String file : List.of("mesh.yaml", "impact.yaml")) {
      http.post(
              "/api/v1/descriptors",
              ADMIN,
              resource("security/leak-matrix/" + file),
              "application/yaml")
          .ok();
    }
    euOwner =
        token(
            "{\"subject\":\"impact-eu-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"fjord\"],"
                + "\"attributes\":{\"region\":[\"eu\"]}}");
    owner =
        token(
            "{\"subject\":\"impact-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"fjord\"],"
                + "\"attributes\":{\"region\":[\"us\"]}}");
    us =
        token(
            "{\"subject\":\"impact-us\",\"roles\":[\"consumer\"],"
                + "\"attributes\":{\"region\":[\"us\"]}}");
    String producer = token("{\"subject\":\"impact-pipeline\",\"roles\":[\"producer\"]}");
    long last = 0;
    for (JsonNode event : SecurityHttp.JSON.readTree(resource("security/leak-matrix/runs.json"))) {
      last = post(producer, event.toString());
    }
    last =
        post(
            producer,
            """
            {"eventType":"COMPLETE","eventTime":"2026-11-20T07:00:00Z",
             "producer":"https://example.com/tessera-tests",
             "run":{"runId":"0195d1c2-4e5f-7a6b-8c9d-00000000a0c1"},
             "job":{"namespace":"skerry-etl","name":"audit_tides"},
             "inputs":[{"namespace":"postgres://lk:5432","name":"fjord.public.raw_events"}],
             "outputs":[{"namespace":"postgres://lk:5432","name":"skerry.public.tide_audit",
               "facets":{"columnLineage":{"_producer":"https://example.com/tessera-tests",
                 "_schemaURL":"https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                 "fields":{"event_id":{"inputFields":[{"namespace":"postgres://lk:5432",
                   "name":"fjord.public.raw_events","field":"event_id"}]}}}}}]}""");
    assertThat(projection.awaitProjected(last, Duration.ofSeconds(60))).isTrue();
    http.put("/api/v1/products/fjord/raw-events/interest", us, "{\"useCase\":\"dashboards\"}").ok();
  }

  @Test
  void shouldShowAConsumerOnlyToACallerWhoMayDiscoverIt() {
    for (String token : List.of(euOwner, owner, ADMIN)) {
      boolean sees = !token.equals(owner);
      JsonNode impact =
          http.post(IMPACT + "?deleted=fjord/raw-events", token, "", "application/yaml").ok();
      JsonNode change = impact.path("documents").path(0).path("breakingChanges").path(0);
      assertThat(change.path("type").asText()).isEqualTo("product-deleted");
      List<String> names = change.path("consumers").findValuesAsText("name");
      assertThat(names).as("fjord's own jobs and the interest").contains("fjord-etl/load_accounts");
      assertThat(names).contains("impact-us");
      assertThat(names.contains(HIDDEN_JOB)).as(names.toString()).isEqualTo(sees);
      assertThat(names.contains(HIDDEN_PRODUCT)).as(names.toString()).isEqualTo(sees);
      if (!sees) {
        assertThat(impact.toString()).doesNotContain("skerry", "tide");
      }
      String moved =
          """
          apiVersion: tessera/v1
          kind: DataProduct
          metadata: {domain: fjord, name: raw-events}
          spec:
            title: Raw Events
            owner: "mailto:fjord@example.com"
            outputPorts:
              - name: events-table
                dataset: {namespace: "postgres://lk:5432", name: fjord.public.raw_events_v2}
          """;
      JsonNode dataset = http.post(IMPACT, token, moved, "application/yaml").ok();
      JsonNode movedChange = dataset.path("documents").path(0).path("breakingChanges").path(0);
      assertThat(movedChange.path("type").asText()).isEqualTo("dataset-moved");
      assertThat(movedChange.path("consumers").findValuesAsText("name").contains(HIDDEN_JOB))
          .isEqualTo(sees);
      if (!sees) {
        assertThat(dataset.toString()).doesNotContain("skerry", "tide");
      }
    }
  }

  @Test
  void shouldRefuseCallersWhoMayNotApplyOrDelete() {
    http.post(IMPACT + "?deleted=fjord/raw-events", us, "", "application/yaml")
        .problem(403, "forbidden");
    http.post(IMPACT + "?deleted=fjord/vellichor-ledger", us, "", "application/yaml")
        .problem(404, "not-found");
    http.post(IMPACT + "?deleted=fjord/raw-events", null, "", "application/yaml")
        .problem(401, "unauthorized");
  }

  private long post(String producer, String event) {
    return http.post("/api/v1/lineage", producer, event, "application/json")
        .ok()
        .path("id")
        .asLong();
  }

  private String token(String request) {
    return http.post("/api/v1/tokens", ADMIN, request, "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static String resource(String name) {
    try (InputStream in = ImpactLeakIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
