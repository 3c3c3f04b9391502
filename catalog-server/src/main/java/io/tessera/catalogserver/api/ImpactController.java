package io.tessera.catalogserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.usage.Impact;
import io.tessera.catalogserver.usage.ImpactService;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.catalogserver.web.RequestLimitsFilter;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code POST /api/v1/descriptors/impact}: who applying descriptors (and deleting products) would
 * break. Takes what {@code POST /api/v1/descriptors} takes, checks it like a dry run and writes
 * nothing.
 */
@Tag(name = "Descriptors")
@Controller("/api/v1/descriptors/impact")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImpactController {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImpactService impact;
  private final LimitsConfig limits;

  public ImpactController(ImpactService impact, LimitsConfig limits) {
    this.impact = impact;
    this.limits = limits;
  }

  /**
   * The breaking changes of every document and deletion, each with the consumers it would break.
   *
   * @param domain the domain for imported standard documents that do not name one
   * @param deleted products ({@code domain/name}) the caller means to delete, e.g. those a prune
   *     would remove; repeatable
   */
  @Post
  @Consumes({
    "application/yaml",
    "application/x-yaml",
    "text/yaml",
    "text/x-yaml",
    MediaType.APPLICATION_JSON,
    MediaType.TEXT_PLAIN
  })
  @Produces(MediaType.APPLICATION_JSON)
  public String impact(
      HttpRequest<?> request,
      @Nullable @Body byte[] body,
      @Nullable @QueryValue String domain,
      @Nullable @QueryValue List<String> deleted,
      Principal principal,
      AccessScope scope) {
    RequestLimitsFilter.checkBody(body, limits.descriptorsMaxBody());
    boolean json = request.getContentType().map(t -> t.getSubtype().equals("json")).orElse(false);
    List<ImpactService.Deleted> deletions =
        deleted == null ? List.of() : deleted.stream().map(ImpactService.Deleted::parse).toList();
    Impact found =
        impact.impact(
            new ApplyService.Request(body, json, true, domain, principal), deletions, scope);
    try {
      return JSON.writeValueAsString(found);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
