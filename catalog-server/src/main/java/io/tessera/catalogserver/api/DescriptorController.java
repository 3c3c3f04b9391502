package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.apply.RevisionSource;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.catalogserver.web.QueryFlags;
import io.tessera.catalogserver.web.RequestLimitsFilter;
import io.tessera.governance.Principal;

/** {@code POST /api/v1/descriptors}: apply domain and product descriptors (YAML or JSON). */
@Tag(
    name = "Descriptors",
    description =
        "Apply domain, product and policy descriptors (ODPS, ODCS, DPDS, Tessera YAML or JSON), with dry runs")
@Controller("/api/v1/descriptors")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DescriptorController {
  private final ApplyService apply;
  private final LimitsConfig limits;

  public DescriptorController(ApplyService apply, LimitsConfig limits) {
    this.apply = apply;
    this.limits = limits;
  }

  /**
   * Applies every document of the body, or none. The header {@code Tessera-Commit} (7 to 40 hex
   * digits) names the Git commit the documents come from and is recorded in every revision the
   * request makes; any other value is a 400 and nothing is written.
   *
   * @param dryRun {@code true}: validate and report what would change, without writing; only {@code
   *     true} or {@code false} are accepted
   * @param domain the domain for imported standard documents that do not name one
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
  public ApplyReport apply(
      HttpRequest<?> request,
      @Nullable @Body byte[] body,
      @Nullable @QueryValue String dryRun,
      @Nullable @QueryValue String domain,
      Principal principal) {
    boolean dry = QueryFlags.bool("dryRun", dryRun, false);
    RequestLimitsFilter.checkBody(body, limits.descriptorsMaxBody());
    RevisionSource source =
        RevisionSource.api(request.getHeaders().get(RevisionSource.COMMIT_HEADER));
    boolean json = request.getContentType().map(t -> t.getSubtype().equals("json")).orElse(false);
    return apply.apply(new ApplyService.Request(body, json, dry, domain, principal, source));
  }
}
