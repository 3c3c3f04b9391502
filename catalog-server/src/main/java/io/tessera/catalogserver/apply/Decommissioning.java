package io.tessera.catalogserver.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphWriter;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductRepository;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes entities out of service: prepares a product's retirement (its latest descriptor with
 * lifecycle retired, which {@link ApplyService} applies like any other) and deletes products,
 * policies and domains, removing their graphs and recording a {@code deleted} revision. Each checks
 * the caller's write permission first.
 */
@Singleton
final class Decommissioning {
  private final WriteAuthorization authorization;
  private final IriMinter iris;
  private final ApplyPlanner planner;
  private final RevisionedWrites revisionedWrites;
  private final AuditLog audit;
  private final DomainRepository domains;
  private final ProductRepository products;
  private final PolicyRepository policies;
  private final ChannelGuard channels;

  Decommissioning(
      WriteAuthorization authorization,
      IriMinter iris,
      ApplyPlanner planner,
      RevisionedWrites revisionedWrites,
      AuditLog audit,
      DomainRepository domains,
      ProductRepository products,
      PolicyRepository policies,
      ChannelGuard channels) {
    this.authorization = authorization;
    this.iris = iris;
    this.planner = planner;
    this.revisionedWrites = revisionedWrites;
    this.audit = audit;
    this.domains = domains;
    this.products = products;
    this.policies = policies;
    this.channels = channels;
  }

  /** A product's latest descriptor with lifecycle retired, for the domain's owner to apply. */
  ObjectNode retirement(String domain, String name, Principal principal) {
    authorization.requireDomainOwner(principal, domain);
    Revision latest = planner.live(iris.product(domain, name));
    ObjectNode descriptor = planner.descriptor(latest);
    ObjectNode spec = (ObjectNode) descriptor.path("spec");
    spec.put("lifecycle", Lifecycle.RETIRED.slug());
    return descriptor;
  }

  ApplyReport deleteProduct(
      String domain, String name, Principal principal, RevisionSource source) {
    authorization.requireDomainOwner(principal, domain);
    channels.check(List.of(domain), source);
    String actor = principal.subject();
    String iri = iris.product(domain, name);
    Revision latest = planner.live(iri);
    return delete(
        iri,
        "DataProduct",
        domain,
        name,
        latest,
        actor,
        source,
        w -> products.remove(w, domain, name));
  }

  ApplyReport deletePolicy(String domain, String name, Principal principal) {
    if (domain == null) {
      authorization.requireAdmin(principal);
    } else {
      authorization.requireDomainOwner(principal, domain);
    }
    channels.check(List.of(domain == null ? "global" : domain), RevisionSource.api());
    String iri = iris.policy(domain, name);
    Revision latest = planner.live(iri);
    return delete(
        iri,
        "Policy",
        domain == null ? "global" : domain,
        name,
        latest,
        principal.subject(),
        RevisionSource.api(),
        w -> policies.remove(w, domain, name));
  }

  ApplyReport deleteDomain(String name, Principal principal) {
    authorization.requireAdmin(principal);
    channels.check(List.of(name), RevisionSource.api());
    String actor = principal.subject();
    String iri = iris.domain(name);
    Revision latest = planner.live(iri);
    if (!products.list(new ProductFilter(name, null, null, null, 1)).isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "domain '" + name + "' still has data products; delete or move them first");
    }
    return delete(
        iri,
        "Domain",
        name,
        name,
        latest,
        actor,
        RevisionSource.api(),
        w -> domains.remove(w, name));
  }

  private ApplyReport delete(
      String iri,
      String kind,
      String domain,
      String name,
      Revision latest,
      String actor,
      RevisionSource source,
      Consumer<GraphWriter> removal) {
    ApplyPlanner.Deletion deletion =
        planner.deletion(iri, kind, domain, name, latest, actor, source);
    revisionedWrites.write("delete", List.of(deletion.record()), removal);
    audit.record(
        actor, "delete", iri, "deleted", latest.revision(), deletion.record().revision(), kind);
    return new ApplyReport(false, List.of(deletion.result()));
  }
}
