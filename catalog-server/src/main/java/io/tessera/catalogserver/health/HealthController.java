package io.tessera.catalogserver.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import java.util.List;

/**
 * Product health, schema changes and incidents: {@code /api/v1/products/{d}/{n}/health}, {@code
 * .../schema-changes}, {@code .../incidents}, {@code /api/v1/incidents} (list, open manual, and per
 * incident acknowledge, resolve, comment, assign).
 */
@Tag(name = "Health", description = "Product health, schema changes and incidents")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {
  private final IncidentService service;

  public HealthController(IncidentService service) {
    this.service = service;
  }

  /** A manual incident to open. */
  @Serdeable
  public record NewIncident(
      String product,
      @Nullable String port,
      String title,
      @Nullable String detail,
      @Nullable String severity) {}

  /** A note with a transition, a comment's body or an assignee. */
  @Serdeable
  public record Note(@Nullable String note, @Nullable String body, @Nullable String assignee) {}

  @Get("/products/{domain}/{name}/health")
  public IncidentService.HealthView health(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    return service.health(domain, name, scope);
  }

  @Get("/products/{domain}/{name}/schema-changes")
  public List<SchemaChangeView> schemaChanges(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    return service.schemaChanges(domain, name, scope);
  }

  @Get("/products/{domain}/{name}/incidents")
  public List<Incident> productIncidents(
      @PathVariable String domain,
      @PathVariable String name,
      @Nullable @QueryValue String state,
      AccessScope scope) {
    return service.list(domain + "/" + name, null, state, scope);
  }

  @Get("/incidents")
  public List<Incident> incidents(
      @Nullable @QueryValue String product,
      @Nullable @QueryValue String domain,
      @Nullable @QueryValue String state,
      AccessScope scope) {
    return service.list(blank(product), blank(domain), blank(state), scope);
  }

  @Get("/incidents/{id}")
  public Incident incident(@PathVariable String id, AccessScope scope) {
    return service.get(id, scope);
  }

  @Post("/incidents")
  public HttpResponse<Incident> open(
      @Body NewIncident body, Principal principal, AccessScope scope) {
    return HttpResponse.created(
        service.open(
            principal,
            scope,
            body.product(),
            body.port(),
            body.title(),
            body.detail(),
            body.severity()));
  }

  @Post("/incidents/{id}/acknowledge")
  public Incident acknowledge(
      @PathVariable String id, @Nullable @Body Note body, Principal principal, AccessScope scope) {
    return service.transition(
        principal, scope, id, IncidentState.ACKNOWLEDGED, body == null ? null : body.note());
  }

  @Post("/incidents/{id}/resolve")
  public Incident resolve(
      @PathVariable String id, @Nullable @Body Note body, Principal principal, AccessScope scope) {
    return service.transition(
        principal, scope, id, IncidentState.RESOLVED, body == null ? null : body.note());
  }

  @Post("/incidents/{id}/comments")
  public Incident comment(
      @PathVariable String id, @Body Note body, Principal principal, AccessScope scope) {
    return service.comment(principal, scope, id, body.body());
  }

  @Post("/incidents/{id}/assign")
  public Incident assign(
      @PathVariable String id, @Body Note body, Principal principal, AccessScope scope) {
    return service.assign(principal, scope, id, body.assignee());
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
