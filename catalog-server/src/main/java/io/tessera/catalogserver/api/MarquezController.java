package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tessera.governance.AccessScope;

/**
 * Marquez's read API, so that Marquez's clients and web UI can read Tessera: namespaces, jobs,
 * datasets and runs in Marquez's shapes, paged with {@code limit} and {@code offset} and counted
 * with {@code totalCount}. Everything goes through the caller's scope ({@link MarquezReads}).
 * Marquez's search ({@code /api/v1/search}) is not served: that path is Tessera's search.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MarquezController {
  private final MarquezReads reads;
  private final MarquezLegacyShape legacy;

  public MarquezController(MarquezReads reads, MarquezLegacyShape legacy) {
    this.reads = reads;
    this.legacy = legacy;
  }

  /**
   * The answer as JSON: today's Marquez fields, or those of Marquez 0.4 for the Java clients that
   * reject unknown fields ({@link MarquezLegacyShape}).
   */
  private HttpResponse<?> answer(Object view, String userAgent) {
    if (MarquezLegacyShape.legacy(userAgent)) {
      return HttpResponse.ok(legacy.of(view)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    return HttpResponse.ok(view);
  }

  /** Every namespace holding a job or dataset the caller may discover, by name. */
  @Get("/namespaces")
  public HttpResponse<?> namespaces(
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.namespaces(limit, offset, scope), userAgent);
  }

  /** One namespace. */
  @Get("/namespaces/{namespace}")
  public HttpResponse<?> namespace(
      @PathVariable String namespace,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.namespace(namespace, scope), userAgent);
  }

  /** The jobs of a namespace, by name. */
  @Get("/namespaces/{namespace}/jobs")
  public HttpResponse<?> jobs(
      @PathVariable String namespace,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.jobs(namespace, limit, offset, scope), userAgent);
  }

  /** One job, with its inputs, outputs and latest run. */
  @Get("/namespaces/{namespace}/jobs/{job}")
  public HttpResponse<?> job(
      @PathVariable String namespace,
      @PathVariable String job,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.job(namespace, job, scope), userAgent);
  }

  /** The runs of a job, latest start first. */
  @Get("/namespaces/{namespace}/jobs/{job}/runs")
  public HttpResponse<?> runs(
      @PathVariable String namespace,
      @PathVariable String job,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.runs(namespace, job, limit, offset, scope), userAgent);
  }

  /** The datasets of a namespace, by name. */
  @Get("/namespaces/{namespace}/datasets")
  public HttpResponse<?> datasets(
      @PathVariable String namespace,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.datasets(namespace, limit, offset, scope), userAgent);
  }

  /** One dataset, with its current columns. */
  @Get("/namespaces/{namespace}/datasets/{dataset}")
  public HttpResponse<?> dataset(
      @PathVariable String namespace,
      @PathVariable String dataset,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.dataset(namespace, dataset, scope), userAgent);
  }

  /** A run by its id (Marquez's path). */
  @Get("/jobs/runs/{id}")
  public HttpResponse<?> run(
      @PathVariable String id,
      @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
      AccessScope scope) {
    return answer(reads.run(id, scope), userAgent);
  }
}
