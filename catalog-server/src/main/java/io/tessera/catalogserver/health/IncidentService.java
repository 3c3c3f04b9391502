package io.tessera.catalogserver.health;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.ProductVisibility;
import io.tessera.catalogserver.usage.ConsumerService;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Product;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Health, schema changes and incidents as callers see them: everything about a product the caller
 * may not discover answers like a missing product, incidents of hidden products are never listed,
 * and only the product's domain owners and admins open, acknowledge, resolve and assign incidents.
 */
@Singleton
public class IncidentService {
  private static final int MAX = 500;

  private final IncidentRepository incidents;
  private final IncidentWrites writes;
  private final HealthRepository health;
  private final CatalogEventLog events;
  private final HealthMonitor monitor;
  private final GraphStore store;
  private final ConsumerService consumers;
  private final AuditLog audit;
  private final IriMinter iris;
  private final ProductVisibility visibility;

  IncidentService(
      IncidentRepository incidents,
      IncidentWrites writes,
      HealthRepository health,
      CatalogEventLog events,
      HealthMonitor monitor,
      GraphStore store,
      ConsumerService consumers,
      AuditLog audit,
      IriMinter iris,
      ProductVisibility visibility) {
    this.visibility = visibility;
    this.incidents = incidents;
    this.writes = writes;
    this.health = health;
    this.events = events;
    this.monitor = monitor;
    this.store = store;
    this.consumers = consumers;
    this.audit = audit;
    this.iris = iris;
  }

  /** A product's health: overall, per port, with reasons and history. */
  @Serdeable
  public record HealthView(
      String product,
      String status,
      java.time.Instant since,
      List<Reason> reasons,
      List<HealthRepository.Stored> ports,
      List<HealthRepository.Change> history) {}

  /** The product's health; 404 when the caller may not discover it. */
  public HealthView health(String domain, String name, AccessScope scope) {
    Product p = visible(domain, name, scope);
    Map<String, HealthRepository.Stored> current = health.current(domain, name);
    HealthRepository.Stored overall = current.get("");
    List<HealthRepository.Stored> ports = new ArrayList<>();
    for (var port : p.outputPorts()) {
      HealthRepository.Stored s = current.get(port.name());
      if (s != null) {
        ports.add(s);
      }
    }
    return new HealthView(
        domain + "/" + name,
        overall == null ? (p.health() == null ? "unknown" : p.health()) : overall.status(),
        overall == null ? null : overall.since(),
        overall == null ? List.of() : overall.reasons(),
        ports,
        health.history(domain, name, 100));
  }

  /** Every output port's schema versions and changes, with who is affected. */
  public List<SchemaChangeView> schemaChanges(String domain, String name, AccessScope scope) {
    Product p = visible(domain, name, scope);
    if (!scope.mayRead(iris.productGraph(domain, name))) {
      throw new io.tessera.governance.AccessDeniedException("read " + domain + "/" + name);
    }
    LineageSignals signals = new LineageSignals(iris);
    var affected = consumers.consumers(domain, name, scope);
    return store.read(
        r -> {
          List<SchemaChangeView> out = new ArrayList<>();
          for (var port : p.outputPorts()) {
            var ref = port.binding() != null ? port.binding().dataset() : port.dataset();
            if (ref == null) {
              continue;
            }
            String ds = iris.dataset(ref.namespace(), ref.name());
            out.add(
                new SchemaChangeView(
                    port.name(),
                    ds,
                    signals.schemaVersions(r, ds),
                    affected == null ? List.of() : affected));
          }
          return out;
        });
  }

  /** Incidents by product, domain and state, newest first, of products the caller may discover. */
  public List<Incident> list(String product, String domain, String state, AccessScope scope) {
    if (state != null && IncidentState.of(state) == null) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "state must be open, acknowledged or resolved");
    }
    if (product != null) {
      String[] parts = product.split("/", 2);
      if (parts.length != 2) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "product is domain/name");
      }
      visible(parts[0], parts[1], scope);
      return incidents.ofProduct(parts[0], parts[1], state, MAX);
    }
    if (domain != null && !IriMinter.isSlug(domain)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "domain is not a domain name");
    }
    return incidents.list(domain, state, 10 * MAX).stream()
        .filter(i -> scope.mayDiscover(iris.productGraph(i.domain(), i.name())))
        .limit(MAX)
        .toList();
  }

  /** One incident with its activity; 404 when missing or of a product the caller cannot see. */
  public Incident get(String id, AccessScope scope) {
    Incident i = incidents.find(id).orElseThrow(() -> missing(id));
    if (!scope.mayDiscover(iris.productGraph(i.domain(), i.name()))) {
      throw missing(id);
    }
    return i;
  }

  /** Opens a manual incident on a product the caller owns. */
  public Incident open(
      Principal who,
      AccessScope scope,
      String product,
      String port,
      String title,
      String detail,
      String severity) {
    if (product == null || product.split("/", 2).length != 2) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "product (domain/name) is required");
    }
    String[] parts = product.split("/", 2);
    Product p = visible(parts[0], parts[1], scope);
    owner(who, parts[0]);
    if (title == null || title.isBlank() || title.length() > 500) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "title is required (at most 500 characters)");
    }
    if (port != null && p.outputPorts().stream().noneMatch(x -> x.name().equals(port))) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "no output port " + port);
    }
    HealthStatus level = severity == null ? HealthStatus.DEGRADED : HealthStatus.of(severity);
    if (level == null || level == HealthStatus.HEALTHY) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "severity is degraded or failing");
    }
    long[] position = {0};
    Incident opened;
    try (Connection c = incidents.begin()) {
      opened =
          writes.open(
              c,
              product,
              port,
              "manual",
              null,
              level,
              title.strip(),
              detail,
              who.subject(),
              position);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not open the incident", e);
    }
    events.committed(position[0]);
    audit.record(who.subject(), "incident", opened.id(), "opened", product);
    monitor.request(product);
    return incidents.find(opened.id()).orElseThrow();
  }

  /** Acknowledges or resolves an incident by hand. */
  public Incident transition(
      Principal who, AccessScope scope, String id, IncidentState to, String note) {
    Incident i = get(id, scope);
    owner(who, i.domain());
    if (!i.stateValue().mayBecome(to)) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "incident " + id + " is " + i.state() + "; it cannot become " + to.slug());
    }
    long[] position = {0};
    try (Connection c = incidents.begin()) {
      if (!writes.transition(c, i, to, who.subject(), note, position)) {
        c.rollback();
        throw new ProblemException(ProblemType.CONFLICT, "incident " + id + " changed meanwhile");
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not change the incident", e);
    }
    events.committed(position[0]);
    audit.record(who.subject(), "incident", id, to.slug(), i.product());
    monitor.request(i.product());
    return incidents.find(id).orElseThrow();
  }

  /** Comments on an incident (anyone signed in who may see it). */
  public Incident comment(Principal who, AccessScope scope, String id, String body) {
    Incident i = get(id, scope);
    if (who.isAnonymous()) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "sign in to comment");
    }
    if (body == null || body.isBlank() || body.length() > 10_000) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "body is required (at most 10000 characters)");
    }
    long[] position = {0};
    try (Connection c = incidents.begin()) {
      writes.comment(c, i, who.subject(), body.strip(), position);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not comment", e);
    }
    events.committed(position[0]);
    audit.record(who.subject(), "incident", id, "commented", i.product());
    return incidents.find(id).orElseThrow();
  }

  /** Assigns an incident to someone (owners and admins). */
  public Incident assign(Principal who, AccessScope scope, String id, String assignee) {
    Incident i = get(id, scope);
    owner(who, i.domain());
    if (assignee == null || assignee.isBlank() || assignee.length() > 320) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "assignee is required");
    }
    long[] position = {0};
    try (Connection c = incidents.begin()) {
      writes.assign(c, i, who.subject(), assignee.strip(), position);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not assign", e);
    }
    audit.record(who.subject(), "incident", id, "assigned", i.product());
    return incidents.find(id).orElseThrow();
  }

  private Product visible(String domain, String name, AccessScope scope) {
    return visibility.find(domain, name, scope);
  }

  private static void owner(Principal who, String domain) {
    if (!who.ownsDomain(domain)) {
      throw new ProblemException(
          who.isAnonymous() ? ProblemType.UNAUTHORIZED : ProblemType.FORBIDDEN,
          "only the owners of domain " + domain + " and admins manage its incidents");
    }
  }

  private static ProblemException notFound(String domain, String name) {
    return ProductVisibility.notFound(domain, name);
  }

  private static ProblemException missing(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "no incident " + id);
  }
}
