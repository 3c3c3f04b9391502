package io.tessera.catalogserver.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

  public MarquezController(MarquezReads reads) {
    this.reads = reads;
  }

  /** Every namespace holding a job or dataset the caller may discover, by name. */
  @Get("/namespaces")
  public MarquezView.Namespaces namespaces(
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      AccessScope scope) {
    return reads.namespaces(limit, offset, scope);
  }

  /** One namespace. */
  @Get("/namespaces/{namespace}")
  public MarquezView.Namespace namespace(@PathVariable String namespace, AccessScope scope) {
    return reads.namespace(namespace, scope);
  }

  /** The jobs of a namespace, by name. */
  @Get("/namespaces/{namespace}/jobs")
  public MarquezView.Jobs jobs(
      @PathVariable String namespace,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      AccessScope scope) {
    return reads.jobs(namespace, limit, offset, scope);
  }

  /** One job, with its inputs, outputs and latest run. */
  @Get("/namespaces/{namespace}/jobs/{job}")
  public MarquezView.Job job(
      @PathVariable String namespace, @PathVariable String job, AccessScope scope) {
    return reads.job(namespace, job, scope);
  }

  /** The runs of a job, latest start first. */
  @Get("/namespaces/{namespace}/jobs/{job}/runs")
  public MarquezView.Runs runs(
      @PathVariable String namespace,
      @PathVariable String job,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      AccessScope scope) {
    return reads.runs(namespace, job, limit, offset, scope);
  }

  /** The datasets of a namespace, by name. */
  @Get("/namespaces/{namespace}/datasets")
  public MarquezView.Datasets datasets(
      @PathVariable String namespace,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      AccessScope scope) {
    return reads.datasets(namespace, limit, offset, scope);
  }

  /** One dataset, with its current columns. */
  @Get("/namespaces/{namespace}/datasets/{dataset}")
  public MarquezView.Dataset dataset(
      @PathVariable String namespace, @PathVariable String dataset, AccessScope scope) {
    return reads.dataset(namespace, dataset, scope);
  }

  /** A run by its id (Marquez's path). */
  @Get("/jobs/runs/{id}")
  public MarquezView.Run run(@PathVariable String id, AccessScope scope) {
    return reads.run(id, scope);
  }
}
