package io.tessera.catalogserver.journal;

import static io.tessera.catalogserver.journal.Nodes.apply;
import static io.tessera.catalogserver.journal.Nodes.client;
import static io.tessera.catalogserver.journal.Nodes.get;
import static io.tessera.catalogserver.journal.Nodes.json;
import static io.tessera.catalogserver.journal.Nodes.position;
import static io.tessera.catalogserver.journal.Nodes.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new node starts from the newest graph snapshot in the database and applies only the journal
 * entries after it, so the journal's retention can drop what a snapshot covers. Real PostgreSQL
 * (zonky embedded), servers in process driven over HTTP.
 */
class SnapshotPostgresIT {
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

  @Test
  void aNewNodeStartsFromTheNewestSnapshotAndOnlyTheEntriesAfterIt() throws Exception {
    EmbeddedServer a = nodes.node("node-s", "tessera.cluster.journal-retention", "PT0S");
    long before = position(apply(a, product("snap-before", "Before the snapshot.")));

    HttpResponse<String> taken =
        client(a)
            .toBlocking()
            .exchange(
                HttpRequest.POST("/api/v1/admin/snapshots", ""), Argument.STRING, Argument.STRING);
    assertThat(taken.code()).isEqualTo(201);
    long covered = json(taken).path("catalogPosition").asLong();
    assertThat(covered).isGreaterThanOrEqualTo(before);
    assertThat(json(taken).path("bytes").asLong()).isPositive();
    // the retention (0 here) dropped what the snapshot covers: replaying alone could not build a
    // node
    try (Connection c = nodes.postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM catalog_journal WHERE position <= " + covered)) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
    long after = position(apply(a, product("snap-after", "After the snapshot.")));

    EmbeddedServer fresh = nodes.node("node-t");
    assertThat(fresh.getApplicationContext().getBean(JournaledWrites.class).position())
        .isEqualTo(after);
    assertThat(
            json(get(fresh, "/api/v1/products/snap-before/invoices", null))
                .path("description")
                .asText())
        .isEqualTo("Before the snapshot.");
    assertThat(
            json(get(fresh, "/api/v1/products/snap-after/invoices", null))
                .path("description")
                .asText())
        .isEqualTo("After the snapshot.");
    TestServer.awaitCaughtUp(
        fresh.getApplicationContext().getBean(LineageProjection.class),
        fresh.getApplicationContext().getBean(GraphStore.class),
        fresh.getApplicationContext().getBean(SearchIndex.class),
        Duration.ofSeconds(60));
    assertThat(
            get(fresh, "/api/v1/search?q=invoices&domain=snap-before", null).getBody(String.class))
        .hasValueSatisfying(b -> assertThat(b).contains("snap-before/invoices"));

    JsonNode listed = json(get(fresh, "/api/v1/admin/snapshots", null));
    assertThat(listed.path("snapshots").path(0).path("node").asText()).isEqualTo("node-s");
    assertThat(listed.path("nodePosition").asLong()).isEqualTo(after);

    // only admins see or take snapshots
    for (MutableHttpRequest<?> request :
        List.of(
            HttpRequest.GET("/api/v1/admin/snapshots"),
            HttpRequest.POST("/api/v1/admin/snapshots", ""))) {
      HttpClientResponseException refused =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              HttpClientResponseException.class,
              () ->
                  client(fresh)
                      .toBlocking()
                      .exchange(
                          request.bearerAuth("not-a-token"), Argument.STRING, Argument.STRING));
      assertThat(refused.getStatus().getCode()).isEqualTo(401);
    }
    nodes.stop(fresh);
    nodes.stop(a);
  }
}
