package io.tessera.catalogserver.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Consumers and time-to-value over real HTTP on a seeded mesh ({@code usage/*.yaml}) with known
 * revision times (set in {@code descriptor_revision}), OpenLineage runs with known event times, and
 * agreements inserted into {@code access_request}. The expected medians and 90th percentiles are
 * worked out by hand in the comments.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NS = "postgres://usage:5432";
  private static final long DAY = 86_400;

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject DataSource dataSource;

  private final HttpClient client = HttpClient.newHttpClient();
  private String usReader;
  private String northOwner;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-usage-it");
  }

  @BeforeAll
  void seed() throws Exception {
    post("/api/v1/descriptors", ADMIN, resource("usage/ideas.yaml"), "application/yaml");
    post("/api/v1/descriptors", ADMIN, resource("usage/mesh.yaml"), "application/yaml");
    usReader =
        post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"usage-us\",\"roles\":[\"consumer\"],"
                    + "\"attributes\":{\"region\":[\"us\"]}}",
                "application/json")
            .path("secret")
            .asText();
    northOwner =
        post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"usage-north-owner\",\"roles\":[\"domain-owner\"],"
                    + "\"domains\":[\"north\"]}",
                "application/json")
            .path("secret")
            .asText();
    List<String> events = new ArrayList<>();
    // north's own job builds the ledger: bound (physical) at 2026-01-10T01:00Z
    events.addAll(
        run(
            "etl",
            "north.ledger.build",
            List.of(),
            "north.ledger",
            "2026-01-10T00:00:00Z",
            "2026-01-10T01:00:00Z"));
    // north's digest job reads the ledger: the same domain, no consumer; digest physical 01-20
    // 06:00
    events.addAll(
        run(
            "etl",
            "north.digest.build",
            List.of("north.ledger"),
            "north.digest",
            "2026-01-20T05:00:00Z",
            "2026-01-20T06:00:00Z"));
    // south's job reads the ledger from 2026-02-01: a consumer; report physical 02-01 00:30
    events.addAll(
        run(
            "etl",
            "south.report.build",
            List.of("north.ledger"),
            "south.report",
            "2026-02-01T00:00:00Z",
            "2026-02-01T00:30:00Z"));
    events.addAll(
        run(
            "etl",
            "south.report.build",
            List.of("north.ledger"),
            "south.report",
            "2026-02-02T00:00:00Z",
            "2026-02-02T00:30:00Z"));
    // a job writing an unclaimed dataset reads the ledger from 2026-03-01: another domain (none)
    events.addAll(
        run(
            "adhoc",
            "scratch",
            List.of("north.ledger"),
            "tmp.scratch",
            "2026-03-01T00:00:00Z",
            "2026-03-01T00:10:00Z"));
    long last = 0;
    for (String event : events) {
      last =
          Math.max(
              last, post("/api/v1/lineage", ADMIN, event, "application/json").path("id").asLong());
    }
    assertThat(projection.awaitProjected(last, Duration.ofSeconds(60))).isTrue();

    revisionAt("north", "ledger", 1, "2025-12-01T00:00:00Z");
    revisionAt("north", "ledger", 2, "2025-12-11T00:00:00Z");
    revisionAt("south", "report", 1, "2025-11-01T00:00:00Z");
    revisionAt("south", "report", 2, "2025-11-21T00:00:00Z");
    revisionAt("north", "digest", 1, "2025-12-05T00:00:00Z");
    revisionAt("east", "secret", 1, "2025-12-20T00:00:00Z");
    revisionAt("south", "plan", 1, "2026-01-05T00:00:00Z");
    revisionAt("north", "idea", 1, "2026-02-10T00:00:00Z");
    agreement(
        "req-usage-1",
        "alice",
        "active",
        "auditing",
        "2026-01-25T00:00:00Z",
        "2099-01-01T00:00:00Z");
    agreement(
        "req-usage-0", "bob", "expired", null, "2026-01-15T00:00:00Z", "2026-01-20T00:00:00Z");
  }

  @Test
  void shouldListAgreementsJobsOfOtherDomainsAndDeclaringProductsForTheDomainOwner() {
    JsonNode consumers = get("/api/v1/products/north/ledger/consumers", northOwner).body();

    assertThat(rows(consumers))
        .containsExactly(
            "product|south/report|south|null|2025-11-01T00:00:00Z",
            "product|north/digest|north|null|2025-12-05T00:00:00Z",
            "agreement|alice|null|auditing|2026-01-25T00:00:00Z",
            "job|etl/south.report.build|south|null|2026-02-01T00:00:00Z",
            "job|adhoc/scratch|null|null|2026-03-01T00:00:00Z");
  }

  @Test
  void shouldLeaveOutAgreementsAndHiddenProductsForAReaderOutsideTheDomain() {
    JsonNode consumers = get("/api/v1/products/north/ledger/consumers", usReader).body();

    assertThat(rows(consumers))
        .containsExactly(
            "product|south/report|south|null|2025-11-01T00:00:00Z",
            "product|north/digest|north|null|2025-12-05T00:00:00Z",
            "job|etl/south.report.build|south|null|2026-02-01T00:00:00Z",
            "job|adhoc/scratch|null|null|2026-03-01T00:00:00Z");
    assertThat(rows(get("/api/v1/products/north/ledger/consumers", ADMIN).body()))
        .contains("product|east/secret|east|null|2025-12-20T00:00:00Z");
  }

  @Test
  void shouldAnswerHiddenProductsLikeMissingOnesAndUnreadableOnesWithForbidden() {
    assertThat(get("/api/v1/products/east/secret/consumers", usReader).status()).isEqualTo(404);
    assertThat(get("/api/v1/products/east/secret/time-to-value", usReader).status()).isEqualTo(404);
    assertThat(get("/api/v1/products/north/nothing/consumers", ADMIN).status()).isEqualTo(404);
    assertThat(get("/api/v1/products/south/plan/consumers", usReader).status()).isEqualTo(403);
    assertThat(get("/api/v1/products/south/plan/time-to-value", usReader).status()).isEqualTo(200);
  }

  @Test
  void shouldGiveAProductsMilestonesAndLeadTimes() {
    JsonNode ttv = get("/api/v1/products/north/ledger/time-to-value", usReader).body();

    assertThat(ttv.path("product").asText()).isEqualTo("north/ledger");
    assertThat(instant(ttv, "declaredAt")).isEqualTo("2025-12-01T00:00:00Z");
    assertThat(instant(ttv, "plannedAt")).isEqualTo("2025-12-11T00:00:00Z");
    assertThat(instant(ttv, "physicalAt")).isEqualTo("2026-01-10T01:00:00Z");
    // the expired agreement started first, before any foreign job read the ledger
    assertThat(instant(ttv, "firstConsumerAt")).isEqualTo("2026-01-15T00:00:00Z");
    JsonNode lead = ttv.path("leadTimes");
    assertThat(lead.path("declaredToPlanned").asText()).isEqualTo("PT240H");
    assertThat(lead.path("declaredToPlannedSeconds").asLong()).isEqualTo(10 * DAY);
    assertThat(lead.path("plannedToPhysicalSeconds").asLong()).isEqualTo(30 * DAY + 3600);
    assertThat(lead.path("physicalToFirstConsumerSeconds").asLong()).isEqualTo(5 * DAY - 3600);
    assertThat(lead.path("declaredToFirstConsumerSeconds").asLong()).isEqualTo(45 * DAY);

    JsonNode idea = get("/api/v1/products/north/idea/time-to-value", ADMIN).body();
    assertThat(idea.path("plannedAt").isNull()).isTrue();
    assertThat(idea.path("leadTimes").path("declaredToPlanned").isNull()).isTrue();
    assertThat(idea.path("leadTimes").path("declaredToPlannedSeconds").isNull()).isTrue();
  }

  @Test
  void shouldSummariseLeadTimesPerQuarterOverTheProductsTheCallerMayDiscover() {
    JsonNode mesh = get("/api/v1/time-to-value", ADMIN).body();
    assertThat(mesh.path("products").asInt()).isEqualTo(6);
    // declared -> planned, by the quarter of planning: 2025-Q4 has ledger 10 d, report 20 d,
    // digest 0, secret 0 -> sorted [0, 0, 10 d, 20 d]: median (0 + 10 d) / 2 = 5 d;
    // p90 at rank 3 x 0.9 = 2.7: 10 d + 0.7 x (20 d - 10 d) = 17 d
    JsonNode q4 = quarter(mesh, "2025-Q4").path("declaredToPlanned");
    assertThat(q4.path("count").asInt()).isEqualTo(4);
    assertThat(q4.path("medianSeconds").asLong()).isEqualTo(5 * DAY);
    assertThat(q4.path("p90Seconds").asLong()).isEqualTo(17 * DAY);
    assertThat(q4.path("median").asText()).isEqualTo("PT120H");
    // planned -> physical, all in 2026-Q1: ledger 30 d 1 h, digest 46 d 6 h, report 72 d 30 min
    // -> median 46 d 6 h; p90 at rank 1.8: 46 d 6 h + 0.8 x (72 d 30 min - 46 d 6 h)
    long ledger = 30 * DAY + 3600;
    long digest = 46 * DAY + 6 * 3600;
    long report = 72 * DAY + 1800;
    JsonNode q1 = quarter(mesh, "2026-Q1").path("plannedToPhysical");
    assertThat(q1.path("count").asInt()).isEqualTo(3);
    assertThat(q1.path("medianSeconds").asLong()).isEqualTo(digest);
    assertThat(q1.path("p90Seconds").asLong())
        .isEqualTo(Math.round(digest + 0.8 * (report - digest)));
    assertThat(ledger).isLessThan(digest);
    // 2026-Q1 has also the plan's declared -> planned (0)
    assertThat(quarter(mesh, "2026-Q1").path("declaredToPlanned").path("count").asInt())
        .isEqualTo(1);

    JsonNode stuck = mesh.path("stuck");
    assertThat(products(stuck.path("declaredNotPlanned"))).containsExactly("north/idea");
    assertThat(products(stuck.path("plannedNotPhysical")))
        .containsExactly("east/secret", "south/plan");
    assertThat(products(stuck.path("physicalNoConsumer")))
        .containsExactly("north/digest", "south/report");
    assertThat(instant(stuck.path("plannedNotPhysical").get(0), "since"))
        .isEqualTo("2025-12-20T00:00:00Z");

    // the us reader may not discover east/secret: 2025-Q4 is [0, 10 d, 20 d] -> median 10 d,
    // p90 at rank 1.8: 10 d + 0.8 x 10 d = 18 d
    JsonNode us = get("/api/v1/time-to-value", usReader).body();
    assertThat(us.path("products").asInt()).isEqualTo(5);
    JsonNode usQ4 = quarter(us, "2025-Q4").path("declaredToPlanned");
    assertThat(usQ4.path("count").asInt()).isEqualTo(3);
    assertThat(usQ4.path("medianSeconds").asLong()).isEqualTo(10 * DAY);
    assertThat(usQ4.path("p90Seconds").asLong()).isEqualTo(18 * DAY);
    assertThat(products(us.path("stuck").path("plannedNotPhysical"))).containsExactly("south/plan");

    JsonNode north = get("/api/v1/time-to-value?domain=north", ADMIN).body();
    assertThat(north.path("domain").asText()).isEqualTo("north");
    assertThat(north.path("products").asInt()).isEqualTo(3);
  }

  @Test
  void shouldAnswerTheSameThroughGraphQL() {
    JsonNode data =
        graphql(
            ADMIN,
            """
            { product(domain: "north", name: "ledger") {
                consumers { kind name domain purpose since }
                timeToValue { declaredAt firstConsumerAt leadTimes { declaredToPlanned declaredToPlannedSeconds } }
              }
              domain(name: "north") { timeToValue { domain products } }
              timeToValue { products quarters { quarter declaredToPlanned { count medianSeconds p90Seconds } }
                stuck { declaredNotPlanned { product since durationSeconds } } } }
            """);
    JsonNode product = data.path("product");
    assertThat(product.path("consumers")).hasSize(6);
    assertThat(product.path("consumers").get(0).path("kind").asText()).isEqualTo("product");
    assertThat(
            product.path("timeToValue").path("leadTimes").path("declaredToPlannedSeconds").asLong())
        .isEqualTo(10 * DAY);
    assertThat(instant(product.path("timeToValue"), "firstConsumerAt"))
        .isEqualTo("2026-01-15T00:00:00Z");
    assertThat(data.path("domain").path("timeToValue").path("products").asInt()).isEqualTo(3);
    JsonNode mesh = data.path("timeToValue");
    assertThat(mesh.path("products").asInt()).isEqualTo(6);
    assertThat(quarter(mesh, "2025-Q4").path("declaredToPlanned").path("p90Seconds").asLong())
        .isEqualTo(17 * DAY);
    assertThat(mesh.path("stuck").path("declaredNotPlanned").get(0).path("product").asText())
        .isEqualTo("north/idea");

    JsonNode unreadable =
        graphql(
            usReader,
            "{ product(domain: \"south\", name: \"plan\") { consumers { name } timeToValue { declaredAt } } }");
    assertThat(unreadable.path("product").path("consumers").isNull()).isTrue();
    assertThat(instant(unreadable.path("product").path("timeToValue"), "declaredAt"))
        .isEqualTo("2026-01-05T00:00:00Z");
  }

  // ------------------------------------------------------------------ seeding

  private List<String> run(
      String namespace, String job, List<String> inputs, String output, String start, String end) {
    String runId =
        java.util.UUID.nameUUIDFromBytes((job + start).getBytes(StandardCharsets.UTF_8)).toString();
    List<String> events = new ArrayList<>();
    for (String[] e : List.of(new String[] {"START", start}, new String[] {"COMPLETE", end})) {
      ObjectNode event = JSON.createObjectNode();
      event.put("eventType", e[0]).put("eventTime", e[1]).put("producer", "https://usage.test");
      event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
      event.putObject("run").put("runId", runId);
      event.putObject("job").put("namespace", namespace).put("name", job);
      ArrayNode in = event.putArray("inputs");
      inputs.forEach(name -> in.addObject().put("namespace", NS).put("name", name));
      event.putArray("outputs").addObject().put("namespace", NS).put("name", output);
      events.add(event.toString());
    }
    return events;
  }

  private void revisionAt(String domain, String name, int revision, String at) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE descriptor_revision SET applied_at = ? WHERE entity_iri = ? AND revision = ?")) {
      update.setObject(1, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
      update.setString(2, IRIS.product(domain, name));
      update.setInt(3, revision);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private void agreement(
      String id, String requester, String state, String purposeCode, String start, String expires)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO access_request (id, product_domain, product_name, requester, purpose,"
                    + " purpose_code, duration_days, state, created_at, updated_at,"
                    + " agreement_start, agreement_expires) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      OffsetDateTime from = OffsetDateTime.ofInstant(Instant.parse(start), ZoneOffset.UTC);
      insert.setString(1, id);
      insert.setString(2, "north");
      insert.setString(3, "ledger");
      insert.setString(4, requester);
      insert.setString(5, "Audit the ledger");
      insert.setString(6, purposeCode);
      insert.setInt(7, 90);
      insert.setString(8, state);
      insert.setObject(9, from);
      insert.setObject(10, from);
      insert.setObject(11, from);
      insert.setObject(12, OffsetDateTime.ofInstant(Instant.parse(expires), ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  // ------------------------------------------------------------------ HTTP

  record Reply(int status, JsonNode body) {}

  private Reply get(String path, String token) {
    return send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET(), token);
  }

  private JsonNode post(String path, String token, String body, String contentType) {
    Reply reply =
        send(
            HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            token);
    assertThat(reply.status()).as(reply.body().toString()).isBetween(200, 201);
    return reply.body();
  }

  private JsonNode graphql(String token, String query) {
    JsonNode reply =
        post(
            "/graphql",
            token,
            JSON.createObjectNode().put("query", query).toString(),
            "application/json");
    assertThat(reply.path("errors").isMissingNode() || reply.path("errors").isEmpty())
        .as(reply.toString())
        .isTrue();
    return reply.path("data");
  }

  private Reply send(HttpRequest.Builder request, String token) {
    try {
      HttpResponse<String> response =
          client.send(
              request
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Reply(
          response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ reading answers

  private static List<String> rows(JsonNode consumers) {
    List<String> rows = new ArrayList<>();
    for (JsonNode c : consumers) {
      rows.add(
          String.join(
              "|",
              c.path("kind").asText(),
              c.path("name").asText(),
              c.path("domain").isNull() ? "null" : c.path("domain").asText(),
              c.path("purpose").isNull() ? "null" : c.path("purpose").asText(),
              c.path("since").isNull()
                  ? "null"
                  : Instant.parse(c.path("since").asText()).toString()));
    }
    return rows;
  }

  private static JsonNode quarter(JsonNode mesh, String quarter) {
    for (JsonNode q : mesh.path("quarters")) {
      if (q.path("quarter").asText().equals(quarter)) {
        return q;
      }
    }
    throw new AssertionError("no quarter " + quarter + " in " + mesh);
  }

  private static List<String> products(JsonNode stuck) {
    List<String> keys = new ArrayList<>();
    stuck.forEach(s -> keys.add(s.path("product").asText()));
    return keys;
  }

  private static String instant(JsonNode node, String field) {
    return Instant.parse(node.path(field).asText()).toString();
  }

  private static String resource(String name) {
    try (InputStream in = UsageIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
