package io.tessera.catalogserver.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.events.CatalogEvent;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.tessera.governance.Finding;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Opens, moves and comments incidents inside a caller's transaction, appending the matching event
 * ({@code incident.opened}, {@code incident.acknowledged}, {@code incident.resolved}, {@code
 * incident.commented}) to the change feed in the same transaction. The caller commits and then
 * calls {@link CatalogEventLog#committed(long)} with the returned position.
 */
@Singleton
public class IncidentWrites {
  static final String SYSTEM = "tessera";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IncidentRepository repository;
  private final CatalogEventLog events;
  private final Clock clock;

  IncidentWrites(IncidentRepository repository, CatalogEventLog events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** Opens an incident; returns it and the event position through the holder. */
  Incident open(
      Connection c,
      String product,
      String port,
      String kind,
      String condition,
      HealthStatus severity,
      String title,
      String detail,
      String by,
      long[] position)
      throws SQLException {
    Instant now = now();
    Incident i =
        new Incident(
            UUID.randomUUID().toString(),
            product,
            port,
            kind,
            condition,
            severity.slug(),
            IncidentState.OPEN.slug(),
            title,
            detail,
            null,
            by,
            now,
            null,
            null,
            null,
            java.util.List.of());
    repository.insert(c, i);
    repository.activity(c, i.id(), new Incident.Activity("opened", by, title, now));
    position[0] = Math.max(position[0], event(c, i, "opened", by, null));
    return i;
  }

  /** Moves an incident; false when it was no longer in its state (another change won). */
  boolean transition(
      Connection c, Incident i, IncidentState to, String by, String note, long[] position)
      throws SQLException {
    Instant now = now();
    if (!repository.transition(c, i.id(), i.stateValue(), to, by, now)) {
      return false;
    }
    repository.activity(c, i.id(), new Incident.Activity(to.slug(), by, note, now));
    position[0] = Math.max(position[0], event(c, i, to.slug(), by, note));
    return true;
  }

  void comment(Connection c, Incident i, String by, String body, long[] position)
      throws SQLException {
    repository.activity(c, i.id(), new Incident.Activity("commented", by, body, now()));
    position[0] = Math.max(position[0], event(c, i, "commented", by, body));
  }

  void assign(Connection c, Incident i, String by, String assignee, long[] position)
      throws SQLException {
    repository.assign(c, i.id(), assignee);
    repository.activity(c, i.id(), new Incident.Activity("assigned", by, assignee, now()));
  }

  /** Opens an incident for each product a toxic-combination finding taints, once. */
  void openForFinding(Finding f) {
    for (String product : f.outputProducts()) {
      String[] parts = product.split("/", 2);
      String condition = "finding:" + f.id();
      long[] position = {0};
      try (Connection c = repository.begin()) {
        if (repository.exists(c, parts[0], parts[1], condition)) {
          continue;
        }
        open(
            c,
            product,
            null,
            "toxic-combination",
            condition,
            HealthStatus.DEGRADED,
            "Toxic combination: job "
                + f.job()
                + " combines "
                + String.join(" + ", f.combination())
                + " into "
                + f.result(),
            "Policy " + f.policy() + "; inputs " + f.inputs() + "; outputs " + f.outputs(),
            SYSTEM,
            position);
        c.commit();
        events.committed(position[0]);
      } catch (SQLException e) {
        throw new IllegalStateException("could not open the incident of finding " + f.id(), e);
      }
    }
  }

  private long event(Connection c, Incident i, String verb, String by, String note)
      throws SQLException {
    ObjectNode data = JSON.createObjectNode();
    data.put("incident", i.id());
    data.put("kind", i.kind());
    data.put("severity", i.severity());
    data.put("state", "commented".equals(verb) ? i.state() : verb);
    data.put("title", i.title());
    if (i.port() != null) {
      data.put("port", i.port());
    }
    data.put("by", by);
    if (note != null) {
      data.put("note", note);
    }
    return events.append(
        c, CatalogEvent.of("incident." + verb, i.id(), i.product(), data.toString()));
  }
}
