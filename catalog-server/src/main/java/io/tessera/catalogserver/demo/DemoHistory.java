package io.tessera.catalogserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Gives the demo mesh a believable history, so that its lead times are weeks rather than the
 * seconds a start-up load takes. Demo only: nothing else calls it, and no API lets a client
 * backdate a revision.
 *
 * <p>The demo's OpenLineage runs already carry their event times ({@code observed.yaml}, January to
 * March 2026), so binding times and the first runs of other domains' jobs are historical. This
 * class applies the demo's documents and then sets the times of the revisions it wrote in the past:
 * domains and policies in September 2025; a product that lineage observes is declared 2 to 7 weeks
 * before its first run, any other between February and September 2026. The offsets come from a hash
 * of the product's key, so every start gives the same history. The demo's products promise their
 * datasets from their first revision, so their declared and planned milestones coincide.
 */
@Singleton
class DemoHistory {
  private static final Instant INFRASTRUCTURE = Instant.parse("2025-09-01T09:00:00Z");
  private static final Instant PLANNED_FROM = Instant.parse("2026-02-01T09:00:00Z");

  private final ApplyService apply;
  private final DescriptorParser parser;
  private final DataSource dataSource;
  private final Clock clock = Clock.systemUTC();

  DemoHistory(ApplyService apply, DescriptorParser parser, DataSource dataSource) {
    this.apply = apply;
    this.parser = parser;
    this.dataSource = dataSource;
  }

  /** Applies the demo's documents, then dates their revisions in the past. */
  ApplyReport apply(List<JsonNode> documents, Principal actor) {
    ApplyReport report = apply.apply(documents, false, null, actor);
    backdate(observed());
    return report;
  }

  private Map<String, Instant> observed() {
    JsonNode observed =
        parser.parse(resource("observed.yaml").getBytes(StandardCharsets.UTF_8), false).getFirst();
    Map<String, Instant> first = new HashMap<>();
    for (JsonNode entry : observed.path("observed")) {
      String key = entry.path("domain").asText() + "/" + entry.path("product").asText();
      Instant at = Instant.parse(entry.path("observedAt").asText());
      first.merge(key, at, (a, b) -> a.isBefore(b) ? a : b);
    }
    return first;
  }

  /** One stored revision and the time it is given. */
  private record Stamp(String entityIri, int revision, Instant at) {}

  private void backdate(Map<String, Instant> observed) {
    Instant latest = Instant.now(clock).minus(Duration.ofDays(1));
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Stamp> stamps = new ArrayList<>();
      int other = 0;
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT entity_iri, kind, domain_name, entity_name, revision"
                      + " FROM descriptor_revision ORDER BY kind, entity_iri, revision");
          ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Instant at;
          if (rs.getString(2).equals("DataProduct")) {
            at = productTime(rs.getString(3) + "/" + rs.getString(4), rs.getInt(5), observed);
          } else {
            at = INFRASTRUCTURE.plus(Duration.ofHours(other++));
          }
          stamps.add(new Stamp(rs.getString(1), rs.getInt(5), at.isAfter(latest) ? latest : at));
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE descriptor_revision SET applied_at = ? WHERE entity_iri = ? AND revision = ?")) {
        for (Stamp s : stamps) {
          update.setObject(1, OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC));
          update.setString(2, s.entityIri());
          update.setInt(3, s.revision());
          update.addBatch();
        }
        update.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot give the demo its history", e);
    }
  }

  /**
   * When a product's revision was applied: a product lineage observes was declared (with its ports,
   * so planned at once) 2 to 7 weeks before its first run; any other between February and September
   * 2026. A later revision follows a minute per revision.
   */
  static Instant productTime(String key, int revision, Map<String, Instant> observed) {
    int h = Math.floorMod(key.hashCode(), 1000);
    Instant declared =
        observed.containsKey(key)
            ? observed.get(key).minus(Duration.ofDays(14 + h % 35)).minus(Duration.ofHours(h % 5))
            : PLANNED_FROM.plus(Duration.ofDays(h % 240)).plus(Duration.ofHours(h % 8));
    return declared.plus(Duration.ofMinutes(revision - 1L));
  }

  private static String resource(String name) {
    try (InputStream in = DemoHistory.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
