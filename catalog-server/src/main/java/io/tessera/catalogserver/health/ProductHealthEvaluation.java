package io.tessera.catalogserver.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.events.CatalogEvent;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.tessera.catalogserver.journal.JournaledWrites;
import io.tessera.catalogserver.persistence.CatalogJournal;
import io.tessera.catalogserver.usage.Consumer;
import io.tessera.catalogserver.usage.ConsumerService;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one product: reads its ports' lineage, evaluates their SLOs, opens and resolves the
 * incidents whose conditions appeared or cleared, records the health of each port and of the
 * product with the events ({@code health.changed}, {@code slo.breached}, {@code slo.met}, {@code
 * schema.changed}, {@code incident.*}) in one database transaction, and then writes the product's
 * health into its observed graph for search and SPARQL.
 */
@Singleton
public class ProductHealthEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Principal SYSTEM =
      new Principal(IncidentWrites.SYSTEM, Set.of(Role.ADMIN), Set.of(), Map.of());
  private static final String SCHEMA_SEEN = "schema-version";

  private final GraphStore store;
  private final JournaledWrites journaled;
  private final ProductRepository products;
  private final LineageSignals signals;
  private final HealthRepository health;
  private final IncidentRepository incidents;
  private final IncidentWrites writes;
  private final CatalogEventLog events;
  private final ConsumerService consumers;
  private final IriMinter iris;

  ProductHealthEvaluation(
      GraphStore store,
      ProductRepository products,
      HealthRepository health,
      IncidentRepository incidents,
      IncidentWrites writes,
      CatalogEventLog events,
      ConsumerService consumers,
      IriMinter iris,
      JournaledWrites journaled) {
    this.store = store;
    this.journaled = journaled;
    this.products = products;
    this.signals = new LineageSignals(iris);
    this.health = health;
    this.incidents = incidents;
    this.writes = writes;
    this.events = events;
    this.consumers = consumers;
    this.iris = iris;
  }

  /** What the graph holds about one port, read in one transaction. */
  private record Observed(
      Port port,
      String datasetIri,
      List<PortSignals.Run> runs,
      List<PortSignals.Assertion> assertions,
      List<SchemaChangeView.Version> versions) {}

  /** Evaluates a product now; does nothing when it does not exist. */
  public synchronized void evaluate(String domain, String name) throws SQLException {
    Product product = products.find(domain, name).orElse(null);
    if (product == null) {
      return;
    }
    String key = domain + "/" + name;
    List<Observed> observed = store.read(r -> read(r, product));
    long[] position = {0};
    HealthStatus productStatus = HealthStatus.HEALTHY;
    boolean anyIncident;
    try (Connection c = incidents.begin()) {
      Instant now = writes.now();
      Map<String, HealthRepository.Objective> objectives = health.objectives(c, domain, name);
      Map<String, HealthRepository.Stored> stored = health.current(c, domain, name);
      List<Reason> productReasons = new ArrayList<>();
      List<String> ports = new ArrayList<>();
      List<Consumer> affected = null;
      for (Observed o : observed) {
        String port = o.port().name();
        ports.add(port);
        // schema versions not announced yet: schema.changed, and an incident per breaking one
        HealthRepository.Objective seen = objectives.get(port + "/" + SCHEMA_SEEN);
        int seenVersion = seen == null ? 0 : Integer.parseInt(seen.detail());
        int newest = o.versions().isEmpty() ? 0 : o.versions().getFirst().version();
        for (SchemaChangeView.Version v : o.versions().reversed()) {
          if (v.version() <= seenVersion || v.changes().isEmpty()) {
            continue;
          }
          if (affected == null) {
            affected = consumers.consumers(domain, name, AccessScope.unrestricted(SYSTEM));
          }
          position[0] = Math.max(position[0], schemaChanged(c, key, port, v, affected));
          String condition = "breaking-change:" + port + ":" + v.iri();
          if (v.breaking() && !incidents.exists(c, domain, name, condition)) {
            writes.open(
                c,
                key,
                port,
                "breaking-change",
                condition,
                o.port().slo() != null && o.port().slo().schemaStability()
                    ? HealthStatus.FAILING
                    : HealthStatus.DEGRADED,
                "Breaking schema change on " + port + " (version " + v.version() + ")",
                describe(v.changes()),
                IncidentWrites.SYSTEM,
                position);
          }
        }
        if (newest > seenVersion) {
          health.putObjective(
              c,
              domain,
              name,
              port,
              SCHEMA_SEEN,
              new HealthRepository.Objective(false, Integer.toString(newest)),
              now);
        }
        List<Incident> unresolved = incidents.unresolved(c, domain, name);
        List<String> breaking =
            unresolved.stream()
                .filter(i -> "breaking-change".equals(i.kind()) && port.equals(i.port()))
                .map(Incident::title)
                .toList();
        PortSignals s =
            new PortSignals(
                o.port().binding() == null ? null : o.port().binding().boundAt(),
                o.runs(),
                o.assertions(),
                breaking);
        SloEvaluator.PortEvaluation e = SloEvaluator.evaluate(port, o.port().slo(), s, now);
        failedRuns(c, key, port, e, unresolved, position);
        objectives(c, key, port, e, objectives, unresolved, position, now);
        HealthRepository.Stored before = stored.get(port);
        record(c, key, port, e.status(), e.reasons(), before, now, position);
        productReasons.addAll(e.reasons());
        productStatus = productStatus.worse(e.status());
      }
      health.removePorts(c, domain, name, ports);
      for (Incident i : incidents.unresolved(c, domain, name)) {
        if ("manual".equals(i.kind()) || "toxic-combination".equals(i.kind())) {
          HealthStatus severity = HealthStatus.of(i.severity());
          productReasons.add(
              Reason.of(
                  i.port(),
                  "manual".equals(i.kind()) ? "incident" : "toxic-combination",
                  severity == null ? HealthStatus.DEGRADED : severity,
                  i.title()));
          productStatus = productStatus.worse(severity);
        }
      }
      record(c, key, "", productStatus, productReasons, stored.get(""), now, position);
      anyIncident = !incidents.unresolved(c, domain, name).isEmpty();
      c.commit();
    }
    if (position[0] > 0) {
      events.committed(position[0]);
    }
    String status = productStatus.slug();
    if (graphNeedsHealth(
        product,
        status,
        !anyIncident && product.outputPorts().stream().allMatch(p -> p.slo() == null))) {
      journaled.write(
          new CatalogJournal.Write("health", domain + "/" + name, null),
          w -> products.setHealth(w, domain, name, status));
    }
  }

  /**
   * Whether the product's observed graph must be told its status (for the search facet). Health is
   * recorded in the relational tables; the graph holds a status only once a product has been
   * something other than healthy, so a product without SLOs, incidents or findings (and any product
   * while nothing is wrong with it) causes no background graph write at all.
   */
  static boolean graphNeedsHealth(Product product, String status, boolean nothingObserved) {
    String inGraph = product.health();
    if (inGraph == null) {
      return !HealthStatus.HEALTHY.slug().equals(status) && !nothingObserved;
    }
    return !inGraph.equals(status);
  }

  private List<Observed> read(io.tessera.graphstore.GraphReader r, Product product) {
    List<Observed> out = new ArrayList<>();
    for (Port port : product.outputPorts()) {
      DatasetRef ref = port.binding() != null ? port.binding().dataset() : port.dataset();
      if (ref == null) {
        continue;
      }
      String ds = iris.dataset(ref.namespace(), ref.name());
      out.add(
          new Observed(
              port,
              ds,
              signals.runs(r, ds),
              signals.assertions(r, ds, port.schema().stream().map(FieldDef::name).toList()),
              signals.schemaVersions(r, ds)));
    }
    return out;
  }

  private void failedRuns(
      Connection c,
      String key,
      String port,
      SloEvaluator.PortEvaluation e,
      List<Incident> unresolved,
      long[] position)
      throws SQLException {
    for (var failed : e.failedJobs().entrySet()) {
      String condition = "failed-run:" + port + ":" + failed.getKey();
      if (unresolved.stream().noneMatch(i -> condition.equals(i.condition()))) {
        PortSignals.Run run = failed.getValue();
        writes.open(
            c,
            key,
            port,
            "failed-run",
            condition,
            HealthStatus.FAILING,
            "Run of " + failed.getKey().substring(failed.getKey().lastIndexOf('/') + 1) + " failed",
            (run.errorMessage() == null ? "" : run.errorMessage() + " ") + "(" + run.iri() + ")",
            IncidentWrites.SYSTEM,
            position);
      }
    }
    for (Incident i : unresolved) {
      if ("failed-run".equals(i.kind())
          && port.equals(i.port())
          && e.failedJobs().keySet().stream()
              .noneMatch(job -> i.condition().equals("failed-run:" + port + ":" + job))) {
        writes.transition(
            c,
            i,
            IncidentState.RESOLVED,
            IncidentWrites.SYSTEM,
            "the next run completed",
            position);
      }
    }
  }

  private void objectives(
      Connection c,
      String key,
      String port,
      SloEvaluator.PortEvaluation e,
      Map<String, HealthRepository.Objective> last,
      List<Incident> unresolved,
      long[] position,
      Instant now)
      throws SQLException {
    String[] parts = key.split("/", 2);
    for (ObjectiveResult o : e.objectives()) {
      if ("schemaStability".equals(o.objective())) {
        continue; // breaking changes have incidents of their own
      }
      HealthRepository.Objective before = last.get(port + "/" + o.objective());
      boolean breached = !o.met();
      String condition = "slo:" + port + ":" + o.objective();
      if (before == null || before.breached() != breached) {
        if (breached || before != null) {
          ObjectNode data = JSON.createObjectNode();
          data.put("port", port);
          data.put("objective", o.objective());
          data.put("target", o.target());
          data.put("actual", o.actual());
          position[0] =
              Math.max(
                  position[0],
                  events.append(
                      c,
                      CatalogEvent.of(
                          breached ? "slo.breached" : "slo.met", key, key, data.toString())));
        }
        health.putObjective(
            c,
            parts[0],
            parts[1],
            port,
            o.objective(),
            new HealthRepository.Objective(breached, o.actual()),
            now);
      }
      Incident open =
          unresolved.stream().filter(i -> condition.equals(i.condition())).findFirst().orElse(null);
      if (breached && open == null) {
        writes.open(
            c,
            key,
            port,
            "slo-breach",
            condition,
            "freshness".equals(o.objective()) ? HealthStatus.FAILING : HealthStatus.DEGRADED,
            "SLO breached on " + port + ": " + o.objective() + " (" + o.target() + ")",
            o.actual(),
            IncidentWrites.SYSTEM,
            position);
      } else if (!breached && open != null) {
        writes.transition(
            c,
            open,
            IncidentState.RESOLVED,
            IncidentWrites.SYSTEM,
            "the SLO is met again",
            position);
      }
    }
  }

  private void record(
      Connection c,
      String key,
      String port,
      HealthStatus status,
      List<Reason> reasons,
      HealthRepository.Stored before,
      Instant now,
      long[] position)
      throws SQLException {
    String[] parts = key.split("/", 2);
    boolean changed = before == null || !before.status().equals(status.slug());
    boolean reasonsChanged = changed || !before.reasons().equals(reasons);
    if (!reasonsChanged) {
      return;
    }
    Instant since = changed ? now : before.since();
    health.put(
        c,
        parts[0],
        parts[1],
        new HealthRepository.Stored(port, status.slug(), reasons, since),
        now);
    if (!changed) {
      return;
    }
    String previous = before == null ? null : before.status();
    health.changed(
        c,
        parts[0],
        parts[1],
        new HealthRepository.Change(
            port.isEmpty() ? null : port, previous, status.slug(), reasons, now));
    ObjectNode data = JSON.createObjectNode();
    if (!port.isEmpty()) {
      data.put("port", port);
    }
    data.put("status", status.slug());
    if (previous != null) {
      data.put("previous", previous);
    }
    ArrayNode why = data.putArray("reasons");
    reasons.forEach(
        r ->
            why.addObject()
                .put("port", r.port())
                .put("code", r.code())
                .put("message", r.message()));
    position[0] =
        Math.max(
            position[0],
            events.append(c, CatalogEvent.of("health.changed", key, key, data.toString())));
  }

  private long schemaChanged(
      Connection c, String key, String port, SchemaChangeView.Version v, List<Consumer> affected)
      throws SQLException {
    ObjectNode data = JSON.createObjectNode();
    data.put("port", port);
    data.put("version", v.version());
    data.put("breaking", v.breaking());
    ArrayNode changes = data.putArray("changes");
    for (SchemaChangeView.Change ch : v.changes()) {
      ObjectNode n = changes.addObject();
      n.put("kind", ch.kind()).put("field", ch.field()).put("breaking", ch.breaking());
      if (ch.before() != null) {
        n.put("before", ch.before());
      }
      if (ch.after() != null) {
        n.put("after", ch.after());
      }
    }
    ArrayNode who = data.putArray("affected");
    for (Consumer consumer : affected) {
      ObjectNode n = who.addObject().put("kind", consumer.kind()).put("name", consumer.name());
      if (consumer.domain() != null) {
        n.put("domain", consumer.domain());
      }
    }
    return events.append(c, CatalogEvent.of("schema.changed", key, key, data.toString()));
  }

  static String describe(List<SchemaChangeView.Change> changes) {
    List<String> parts = new ArrayList<>();
    for (SchemaChangeView.Change ch : changes) {
      parts.add(
          ch.kind()
              + " "
              + ch.field()
              + (ch.before() != null || ch.after() != null
                  ? " (" + ch.before() + " -> " + ch.after() + ")"
                  : "")
              + (ch.breaking() ? ", breaking" : ""));
    }
    return String.join("; ", parts);
  }
}
