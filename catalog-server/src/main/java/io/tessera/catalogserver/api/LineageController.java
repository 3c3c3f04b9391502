package io.tessera.catalogserver.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.ingest.KafkaIntake;
import io.tessera.catalogserver.ingest.KafkaIntakeStatus;
import io.tessera.catalogserver.ingest.LineageIngestService;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.AuthenticationException;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.catalogserver.web.RequestLimitsFilter;
import io.tessera.governance.AccessScope;
import io.tessera.governance.LineageRedaction;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import io.tessera.graphstore.DatasetRef;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.LineageProjection;
import io.tessera.lineage.ObservationReport;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * OpenLineage in and out: {@code POST /api/v1/lineage} for pipelines (the path the OpenLineage
 * clients' HTTP transport posts to), Marquez-compatible lineage and raw events out, column lineage,
 * unowned datasets, the namespaces lineage has observed, declared-versus-observed reports, and the
 * journal rebuild.
 */
@Tag(
    name = "Lineage",
    description =
        "OpenLineage ingestion (POST /api/v1/lineage) and Marquez-shaped lineage, column lineage, raw events and observation reports")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LineageController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_NAMESPACES = 200;

  private final LineageIngestService ingest;
  private final LineageJournal journal;
  private final LineageProjection projection;
  private final ObservationReports reports;
  private final LineageRedaction redaction;
  private final LineageReads lineageReads;
  private final WriteAuthorization authorization;
  private final IriMinter iris;
  private final LimitsConfig limits;
  private final Optional<KafkaIntake> kafka;

  public LineageController(
      LineageIngestService ingest,
      LineageJournal journal,
      LineageProjection projection,
      ObservationReports reports,
      LineageRedaction redaction,
      WriteAuthorization authorization,
      IriMinter iris,
      LimitsConfig limits,
      LineageReads lineageReads,
      Optional<KafkaIntake> kafka) {
    this.lineageReads = lineageReads;
    this.kafka = kafka;
    this.iris = iris;
    this.limits = limits;
    this.authorization = authorization;
    this.ingest = ingest;
    this.journal = journal;
    this.projection = projection;
    this.reports = reports;
    this.redaction = redaction;
  }

  /**
   * Accepts one OpenLineage run, dataset or job event; 201 once it is committed to the journal. The
   * request thread validates the event and hands it to the journal's writer; the answer is sent
   * when the commit group holding it is committed, without a thread waiting for it meanwhile.
   */
  @Post("/lineage")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public CompletableFuture<HttpResponse<LineageJournal.Appended>> accept(
      @Nullable @Body byte[] body, Principal principal) {
    authorization.requireProducer(principal);
    RequestLimitsFilter.checkBody(body, limits.lineageMaxBody());
    CompletableFuture<HttpResponse<LineageJournal.Appended>> response = new CompletableFuture<>();
    ingest
        .acceptAsync(body, principal)
        .whenComplete(
            (appended, failure) -> {
              if (failure != null) {
                response.completeExceptionally(failure); // a ProblemException, as thrown
              } else {
                response.complete(HttpResponse.status(HttpStatus.CREATED).body(appended));
              }
            });
    return response;
  }

  /**
   * The lineage graph around a node, in Marquez's shape, plus {@code truncated} when the node limit
   * cut the walk short. By default Marquez's walk and depth (job-to-job hops, both ways, the same
   * nodes and edges as Marquez); {@code traversal=directed} (or a direction other than both) is
   * Tessera's directed walk, where every dataset-job hop counts.
   *
   * @param nodeId {@code dataset:{namespace}:{name}} or {@code job:{namespace}:{name}}
   * @param direction upstream, downstream or both (the directed walk only)
   * @param maxNodes the most nodes to return (nearest first)
   * @param traversal marquez (the default) or directed
   * @param asOf lineage as the journal had received it by this instant ({@code
   *     2026-03-01T12:00:00Z}) or by the end of this date in UTC ({@code 2026-03-01}): only the
   *     edges the runs received by then show (their received time counts, not their event time);
   *     see {@link LineageAsOf}
   */
  @Get("/lineage")
  public LineageView lineage(
      @Nullable @QueryValue String nodeId,
      @QueryValue(defaultValue = "20") int depth,
      @Nullable @QueryValue String direction,
      @Nullable @QueryValue Integer maxNodes,
      @Nullable @QueryValue String traversal,
      @Nullable @QueryValue String asOf,
      AccessScope scope) {
    AsOf at = AsOf.parse(asOf);
    return lineageReads.owned(
        nodeId,
        depth,
        direction,
        maxNodes,
        LineageReads.traversal(traversal, direction),
        at,
        scope);
  }

  /** Column-level lineage around one field of a dataset. */
  @Get("/column-lineage")
  public ColumnLineage columnLineage(
      @Nullable @QueryValue String nodeId,
      @Nullable @QueryValue String field,
      @QueryValue(defaultValue = "20") int depth,
      @QueryValue(defaultValue = "both") String direction,
      AccessScope scope) {
    return lineageReads.columnLineage(nodeId, field, depth, direction, scope);
  }

  /**
   * The raw events of the journal, by event time, as Marquez lists them: all of them for an admin,
   * those it posted for a producer. Raw events carry every name, facet and column, whatever the
   * policies say of the products they touch.
   */
  @Get(value = "/events/lineage", produces = MediaType.APPLICATION_JSON)
  public String events(
      @Nullable @QueryValue String after,
      @Nullable @QueryValue String before,
      @QueryValue(defaultValue = "desc") String sortDirection,
      @QueryValue(defaultValue = "100") int limit,
      @QueryValue(defaultValue = "0") int offset,
      Principal principal)
      throws IOException {
    if (principal.isAnonymous()) {
      throw new AuthenticationException(
          "the raw journal needs you to sign in, or an API token sent as 'Authorization: Bearer <token>'");
    }
    authorization.requireProducer(principal);
    String postedBy = principal.isAdmin() ? null : principal.subject();
    if (limit < 1 || limit > 1000 || offset < 0) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "limit must be 1..1000 and offset >= 0");
    }
    LineageJournal.Page page =
        journal.page(
            instant(after, Instant.EPOCH, "after"),
            instant(before, Instant.parse("9999-12-31T23:59:59Z"), "before"),
            !"asc".equalsIgnoreCase(sortDirection),
            limit,
            offset,
            postedBy);
    ObjectNode body = JSON.createObjectNode();
    ArrayNode events = body.putArray("events");
    for (String payload : page.payloads()) {
      events.add(JSON.readTree(payload));
    }
    body.put("totalCount", page.totalCount());
    return JSON.writeValueAsString(body);
  }

  /** Datasets lineage has observed that no product claims. */
  @Get("/lineage/unowned-datasets")
  public List<DatasetRef> unowned(AccessScope scope) {
    return reports.unownedDatasets().stream().filter(d -> redaction.visible(d, scope)).toList();
  }

  /**
   * The OpenLineage namespaces of the datasets lineage has observed, each with how many datasets it
   * holds, the most first, then by name; only datasets the caller may discover count, so a
   * namespace seen only on hidden datasets is not listed.
   *
   * @param prefix only namespaces that start with it
   */
  @Get("/lineage/namespaces")
  public List<NamespaceCount> namespaces(@Nullable @QueryValue String prefix, AccessScope scope) {
    return lineageReads.namespaces(prefix, MAX_NAMESPACES, scope);
  }

  /** Declared versus observed for one product. */
  @Get("/products/{domain}/{name}/observation")
  public ObservationReport productObservation(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    if (!IriMinter.isSlug(domain)
        || !IriMinter.isSlug(name)
        || !scope.mayDiscover(iris.productGraph(domain, name))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no data product " + domain + "/" + name);
    }
    return redaction.apply(reports.product(domain, name), scope);
  }

  /** Declared versus observed for a domain. */
  @Get("/domains/{domain}/observation")
  public ObservationReport domainObservation(@PathVariable String domain, AccessScope scope) {
    if (!IriMinter.isSlug(domain) || !scope.mayDiscover(iris.domainGraph(domain))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no domain named '" + domain + "'");
    }
    return redaction.apply(reports.domain(domain), scope);
  }

  /** Progress of the projection of the journal into the lineage graphs. */
  @Get("/admin/lineage/status")
  public LineageProjection.Status status() {
    return projection.status();
  }

  /**
   * The OpenLineage intake from Kafka on this node: its state, assigned partitions and lag, what it
   * journaled, deduplicated and rejected (the latest rejected records by topic, partition and
   * offset, never their contents), the last error; {@code enabled: false} when it is off. Secrets
   * are never shown: pass-through Kafka settings by name only.
   */
  @Get("/admin/lineage/kafka")
  public KafkaIntakeStatus kafka() {
    return kafka.map(KafkaIntake::status).orElseGet(KafkaIntakeStatus::disabled);
  }

  /** Events that could not be projected (they stay in the journal). */
  @Get("/admin/lineage/failures")
  public List<LineageJournal.Failure> failures() {
    return journal.failures();
  }

  /** Rebuilds the lineage graphs from the journal; follow progress on the status endpoint. */
  @Post("/admin/lineage/rebuild")
  public HttpResponse<Map<String, Object>> rebuild() {
    if (!projection.rebuild()) {
      throw new ProblemException(ProblemType.CONFLICT, "a rebuild is already running");
    }
    return HttpResponse.accepted().body(Map.of("status", "/api/v1/admin/lineage/status"));
  }

  private static Instant instant(String value, Instant fallback, String name) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }
}
