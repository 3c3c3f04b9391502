package io.tessera.catalogserver.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Something wrong with a data product that people should know about and act on.
 *
 * @param kind {@code failed-run}, {@code breaking-change}, {@code slo-breach}, {@code
 *     toxic-combination} or {@code manual}
 * @param condition what opened it automatically (and resolves it when it clears), or null for a
 *     manual incident
 * @param severity {@code degraded} or {@code failing}
 * @param state {@code open}, {@code acknowledged} or {@code resolved}
 * @param activity its transitions, assignments and comments, oldest first (empty in listings)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
    String id,
    String product,
    String port,
    String kind,
    String condition,
    String severity,
    String state,
    String title,
    String detail,
    String assignee,
    String openedBy,
    Instant openedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    String resolvedBy,
    List<Activity> activity) {

  /** One thing that happened to an incident. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Activity(String action, String actor, String body, Instant at) {}

  public String domain() {
    return product.substring(0, product.indexOf('/'));
  }

  public String name() {
    return product.substring(product.indexOf('/') + 1);
  }

  IncidentState stateValue() {
    return IncidentState.of(state);
  }

  Incident withActivity(List<Activity> all) {
    return new Incident(
        id,
        product,
        port,
        kind,
        condition,
        severity,
        state,
        title,
        detail,
        assignee,
        openedBy,
        openedAt,
        acknowledgedAt,
        resolvedAt,
        resolvedBy,
        all);
  }
}
