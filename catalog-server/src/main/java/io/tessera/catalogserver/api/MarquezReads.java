package io.tessera.catalogserver.api;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.LineageAssembler;
import io.tessera.graphstore.ObservedJob;
import io.tessera.graphstore.ObservedRun;
import io.tessera.graphstore.SchemaVersion;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.vocabulary.DCTerms;

/**
 * Marquez's read API over what lineage observed, through the caller's scope: a job or dataset the
 * caller may not discover is absent from every list and count and answers {@code 404} exactly like
 * one that does not exist; a namespace holding only such entities does not exist for the caller; a
 * dataset it may discover but not read is listed without its columns. Times come from the runs
 * (first start, last event) and, for datasets, their schema versions; an entity lineage saw without
 * either (a job known from a job event only) has the epoch.
 */
@Singleton
public class MarquezReads {
  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  private static final Query ENTITIES =
      SparqlQueries.load(MarquezReads.class, "marquez-entities.rq");
  private static final String OWNER = "anonymous";

  private final GraphStore store;
  private final IriMinter iris;
  private final LineageAssembler assembler;

  public MarquezReads(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
    this.assembler = new LineageAssembler(iris);
  }

  /** A job or dataset as the listing query finds it. */
  private record Entity(
      boolean job,
      String iri,
      String namespace,
      String name,
      String description,
      Instant created,
      Instant updated) {}

  /** Every namespace with a job or dataset the caller may discover, by name. */
  public MarquezView.Namespaces namespaces(int limit, int offset, AccessScope scope) {
    checkPage(limit, offset);
    List<MarquezView.Namespace> all = new ArrayList<>(byNamespace(visible(null, scope)).values());
    return new MarquezView.Namespaces(page(all, limit, offset), all.size());
  }

  /** One namespace, or 404. */
  public MarquezView.Namespace namespace(String namespace, AccessScope scope) {
    MarquezView.Namespace found = byNamespace(visible(namespace, scope)).get(namespace);
    if (found == null) {
      throw notFound("no namespace " + namespace);
    }
    return found;
  }

  /** The jobs of a namespace the caller may discover, by name. */
  public MarquezView.Jobs jobs(String namespace, int limit, int offset, AccessScope scope) {
    checkPage(limit, offset);
    List<Entity> jobs = visible(namespace, scope).stream().filter(Entity::job).toList();
    List<Entity> page = page(jobs, limit, offset);
    return new MarquezView.Jobs(
        store.read(r -> page.stream().map(e -> job(r, e, scope)).toList()), jobs.size());
  }

  /** One job, or 404. */
  public MarquezView.Job job(String namespace, String name, AccessScope scope) {
    Entity e = entity(namespace, name, true, scope);
    return store.read(r -> job(r, e, scope));
  }

  /** The datasets of a namespace the caller may discover, by name. */
  public MarquezView.Datasets datasets(String namespace, int limit, int offset, AccessScope scope) {
    checkPage(limit, offset);
    List<Entity> datasets = visible(namespace, scope).stream().filter(e -> !e.job()).toList();
    List<Entity> page = page(datasets, limit, offset);
    return new MarquezView.Datasets(
        store.read(r -> page.stream().map(e -> dataset(r, e, scope)).toList()), datasets.size());
  }

  /** One dataset, or 404. */
  public MarquezView.Dataset dataset(String namespace, String name, AccessScope scope) {
    Entity e = entity(namespace, name, false, scope);
    return store.read(r -> dataset(r, e, scope));
  }

  /** The runs of a job, latest start first; 404 when the job is not found. */
  public MarquezView.Runs runs(
      String namespace, String name, int limit, int offset, AccessScope scope) {
    checkPage(limit, offset);
    Entity e = entity(namespace, name, true, scope);
    return store.read(
        r -> {
          ObservedJob job = assembler.job(r, e.iri());
          List<String> runs = job == null ? List.of() : job.runs();
          List<MarquezView.Run> page =
              page(runs, limit, offset).stream().map(iri -> run(r, iri)).toList();
          return new MarquezView.Runs(page, runs.size());
        });
  }

  /** A run by its OpenLineage run id, or 404 (also when its job is hidden from the caller). */
  public MarquezView.Run run(String runId, AccessScope scope) {
    try {
      UUID.fromString(runId);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "a run id is a UUID");
    }
    String iri = iris.run(runId);
    return store.read(
        r -> {
          ObservedRun run = assembler.run(r, iri);
          if (run == null || !scope.mayDiscover(iris.jobGraphOf(run.jobIri()))) {
            throw notFound("no run " + runId);
          }
          return run(r, iri);
        });
  }

  private Entity entity(String namespace, String name, boolean job, AccessScope scope) {
    return visible(namespace, scope).stream()
        .filter(e -> e.job() == job && e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> notFound("no " + (job ? "job " : "dataset ") + namespace + ":" + name));
  }

  private List<Entity> visible(String namespace, AccessScope scope) {
    Map<String, Node> bindings =
        Map.of(
            "lineage", NodeFactory.createLiteralString(iris.lineageGraphPrefix()),
            "only", NodeFactory.createLiteralString(namespace == null ? "" : namespace));
    List<Entity> all =
        store.read(
            r ->
                r.select(ENTITIES, bindings).stream()
                    .map(
                        row ->
                            new Entity(
                                "job".equals(row.text("kind")),
                                row.text("entity"),
                                row.text("namespace"),
                                row.text("name"),
                                row.text("description"),
                                orEpoch(instant(row.text("created"))),
                                orEpoch(instant(row.text("updated")))))
                    .toList());
    return all.stream().filter(e -> scope.mayDiscover(graph(e))).toList();
  }

  private String graph(Entity e) {
    return e.job()
        ? iris.jobGraph(e.namespace(), e.name())
        : iris.datasetGraph(e.namespace(), e.name());
  }

  private static Map<String, MarquezView.Namespace> byNamespace(List<Entity> entities) {
    Map<String, MarquezView.Namespace> namespaces = new TreeMap<>();
    for (Entity e : entities) {
      namespaces.merge(
          e.namespace(),
          new MarquezView.Namespace(e.namespace(), e.created(), e.updated(), OWNER, null, false),
          (a, b) ->
              new MarquezView.Namespace(
                  a.name(),
                  a.createdAt().isBefore(b.createdAt()) ? a.createdAt() : b.createdAt(),
                  a.updatedAt().isAfter(b.updatedAt()) ? a.updatedAt() : b.updatedAt(),
                  OWNER,
                  null,
                  false));
    }
    return namespaces;
  }

  private MarquezView.Job job(GraphReader r, Entity e, AccessScope scope) {
    ObservedJob job = assembler.job(r, e.iri());
    List<MarquezView.Id> inputs = List.of();
    List<MarquezView.Id> outputs = List.of();
    MarquezView.Run latest = null;
    if (job != null) {
      inputs = ids(r, job.inputs(), scope);
      outputs = ids(r, job.outputs(), scope);
      latest = job.runs().isEmpty() ? null : run(r, job.runs().getFirst());
    }
    return new MarquezView.Job(
        new MarquezView.Id(e.namespace(), e.name()),
        "BATCH",
        e.name(),
        e.name(),
        null,
        e.created(),
        e.updated(),
        e.namespace(),
        inputs,
        outputs,
        null,
        e.description(),
        latest,
        Map.of());
  }

  /** The datasets the caller may discover, as ids. */
  private List<MarquezView.Id> ids(GraphReader r, List<String> datasets, AccessScope scope) {
    List<MarquezView.Id> ids = new ArrayList<>();
    for (String iri : datasets) {
      if (!scope.mayDiscover(iris.datasetGraphOf(iri))) {
        continue;
      }
      Node node = NodeFactory.createURI(iri);
      String ns = literal(r, node, TESS.olNamespace.asNode());
      String name = literal(r, node, TESS.olName.asNode());
      if (ns != null && name != null) {
        ids.add(new MarquezView.Id(ns, name));
      }
    }
    return ids;
  }

  private MarquezView.Dataset dataset(GraphReader r, Entity e, AccessScope scope) {
    List<MarquezView.Field> fields = List.of();
    if (scope.mayRead(graph(e))) {
      List<SchemaVersion> versions = assembler.datasetLinks(r, e.iri()).versions();
      if (!versions.isEmpty()) {
        fields =
            versions.getFirst().columns().stream()
                .map(
                    (FieldDef f) ->
                        new MarquezView.Field(f.name(), f.type(), List.of(), f.description()))
                .toList();
      }
    }
    Node dataset = NodeFactory.createURI(e.iri());
    Instant lastModified = null;
    for (Triple t : r.find(null, PROV.generated.asNode(), dataset)) {
      Node run = t.getSubject();
      if ("COMPLETE".equals(literal(r, run, TESS.runState.asNode()))) {
        Instant ended = instant(literal(r, run, PROV.endedAtTime.asNode()));
        if (ended != null && (lastModified == null || ended.isAfter(lastModified))) {
          lastModified = ended;
        }
      }
    }
    return new MarquezView.Dataset(
        new MarquezView.Id(e.namespace(), e.name()),
        "DB_TABLE",
        e.name(),
        e.name(),
        e.created(),
        e.updated(),
        e.namespace(),
        e.namespace(),
        fields,
        List.of(),
        lastModified,
        null,
        e.description(),
        Map.of(),
        false);
  }

  private MarquezView.Run run(GraphReader r, String runIri) {
    ObservedRun run = assembler.run(r, runIri);
    Node node = NodeFactory.createURI(runIri);
    Instant modified = instant(literal(r, node, DCTerms.modified.asNode()));
    Instant started = run.startedAt();
    Instant ended = run.endedAt();
    Instant created = started != null ? started : modified;
    if (created == null) {
      created = Instant.EPOCH;
    }
    return new MarquezView.Run(
        run.runId(),
        created,
        modified == null ? created : modified,
        instant(literal(r, node, TESS.nominalStartTime.asNode())),
        null,
        state(run.state()),
        started,
        ended,
        started != null && ended != null ? ended.toEpochMilli() - started.toEpochMilli() : null,
        Map.of(),
        Map.of());
  }

  /** Marquez's run state for the OpenLineage event type of the run's latest event. */
  static String state(String eventType) {
    if (eventType == null) {
      return "NEW";
    }
    return switch (eventType) {
      case "COMPLETE" -> "COMPLETED";
      case "FAIL" -> "FAILED";
      case "ABORT" -> "ABORTED";
      default -> "RUNNING";
    };
  }

  private static String literal(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isLiteral)
        .map(Node::getLiteralLexicalForm)
        .findFirst()
        .orElse(null);
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant orEpoch(Instant time) {
    return time == null ? Instant.EPOCH : time;
  }

  private static void checkPage(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "limit must be 1.." + MAX_LIMIT + " and offset >= 0");
    }
  }

  private static <T> List<T> page(List<T> all, int limit, int offset) {
    if (offset >= all.size()) {
      return List.of();
    }
    return List.copyOf(all.subList(offset, Math.min(all.size(), offset + limit)));
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }
}
