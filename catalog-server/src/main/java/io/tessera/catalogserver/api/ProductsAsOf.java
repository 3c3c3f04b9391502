package io.tessera.catalogserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.governance.AccessScope;
import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.Policy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.ProductFacts;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.Product;
import io.tessera.lineage.LateBinding;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's data products as they were at a past instant, read from what is recorded rather
 * than from a copy of the store: the descriptor revision in force then ({@code
 * descriptor_revision}), the port bindings the lineage journal had proved by then (a run counts
 * once the journal had received its {@code COMPLETE} event, whatever event time the producer
 * claims), and the policy revisions in force then.
 *
 * <p>Who may see what is decided by today's policies: a product the caller may not discover now
 * (live scope), or that today's policies would hide as it was then (its classifications then), is
 * not found, exactly like one that did not exist at that instant or had been deleted by then.
 */
@Singleton
public class ProductsAsOf {
  private static final String KIND = "DataProduct";

  private final RevisionRepository revisions;
  private final LineageJournal journal;
  private final LateBinding binding;
  private final PolicyEvaluator policies;
  private final DescriptorValidator validator;
  private final IriMinter iris;
  private final CanonicalJson canonical = new CanonicalJson();

  public ProductsAsOf(
      RevisionRepository revisions,
      LineageJournal journal,
      LateBinding binding,
      PolicyEvaluator policies,
      DescriptorValidator validator,
      IriMinter iris) {
    this.revisions = revisions;
    this.journal = journal;
    this.binding = binding;
    this.policies = policies;
    this.validator = validator;
    this.iris = iris;
  }

  /**
   * A product as it was: the revision in force, the product it declared with the bindings observed
   * by then, and whether the caller may read its details.
   *
   * @param appliedAt when the revision in force was applied
   * @param action what that revision did: created, updated or retired
   */
  public record Past(
      Revision revision,
      Product product,
      ObjectNode descriptor,
      Instant appliedAt,
      String action,
      ProductFacts facts,
      boolean readable) {}

  /** The product as it was at {@code asOf}, or not found (see the class comment). */
  public Past product(String domain, String name, AsOf asOf, AccessScope scope) {
    ProductReads.checkNames(domain, name);
    if (!scope.mayDiscover(iris.productGraph(domain, name))) {
      throw ProductReads.notFound(domain, name);
    }
    return revisions
        .inForce(iris.product(domain, name), asOf.at())
        .flatMap(this::declared)
        .flatMap(p -> visible(List.of(p), scope).stream().findFirst())
        .map(p -> observed(p, asOf))
        .orElseThrow(() -> ProductReads.notFound(domain, name));
  }

  /**
   * The products that existed at {@code asOf} (applied, not deleted by then; retired ones with
   * their retired lifecycle, as the live listing shows them) that the caller may discover, in
   * {@code domain/name} order; every domain's when {@code domain} is null. As declared then,
   * without their bindings: {@link #observed} adds them, for the ones a page shows.
   */
  public List<Past> products(String domain, AsOf asOf, AccessScope scope) {
    List<Past> declared = new ArrayList<>();
    for (Revision r :
        revisions.inForce(KIND, domain == null ? List.of() : List.of(domain), asOf.at())) {
      if (IriMinter.isSlug(r.domain())
          && IriMinter.isSlug(r.name())
          && scope.mayDiscover(iris.productGraph(r.domain(), r.name()))) {
        declared(r).ifPresent(declared::add);
      }
    }
    List<Past> found = new ArrayList<>(visible(declared, scope));
    found.sort(
        java.util.Comparator.comparing((Past p) -> p.product().domain())
            .thenComparing(p -> p.product().name()));
    return found;
  }

  /**
   * The product with the bindings its output ports had at {@code asOf}: the earliest run the
   * journal had received complete by then that proves each, and physical since the earliest.
   */
  public Past observed(Past declared, AsOf asOf) {
    List<Port> ports = new ArrayList<>();
    Instant since = null;
    for (Port port : declared.product().outputPorts()) {
      PortBinding bound =
          port.dataset() == null
              ? null
              : binding.observed(port.dataset(), runs -> completedBy(runs, asOf)).orElse(null);
      ports.add(port.withBinding(bound));
      if (bound != null && (since == null || bound.boundAt().isBefore(since))) {
        since = bound.boundAt();
      }
    }
    return new Past(
        declared.revision(),
        declared.product().withObservations(ports, since),
        declared.descriptor(),
        declared.appliedAt(),
        declared.action(),
        declared.facts(),
        declared.readable());
  }

  /**
   * The policies in force at {@code asOf} that applied to the product then, as {@link
   * PolicyEvaluator#applying(List, ProductFacts)} matches them (the classifications it declared
   * then; not those inherited through lineage).
   */
  public List<AppliedPolicy> policies(Past past, AsOf asOf) {
    List<Policy> inForce = new ArrayList<>();
    for (Revision r :
        revisions.inForce("Policy", List.of(past.product().domain(), "global"), asOf.at())) {
      document(r)
          .filter(ValidatedDocument.PolicyDocument.class::isInstance)
          .map(d -> ((ValidatedDocument.PolicyDocument) d).policy())
          .ifPresent(inForce::add);
    }
    return policies.applying(inForce, past.facts());
  }

  /** The product a revision declared, or none for a deletion. */
  private Optional<Past> declared(Revision revision) {
    if ("deleted".equals(revision.action()) || revision.descriptor() == null) {
      return Optional.empty();
    }
    Optional<ValidatedDocument> doc = document(revision);
    if (doc.isEmpty() || !(doc.get() instanceof ValidatedDocument.ProductDocument declared)) {
      return Optional.empty();
    }
    Product product = declared.product().withRevision(revision.revision());
    return Optional.of(
        new Past(
            revision,
            product,
            (ObjectNode) declared.source(),
            revision.appliedAt(),
            revision.action(),
            facts(product),
            true));
  }

  /**
   * Those of the products the caller may discover by today's policies, judged as they were then,
   * each marked with whether it may read them (its live scope too).
   */
  private List<Past> visible(List<Past> declared, AccessScope scope) {
    List<ProductFacts> facts = declared.stream().map(Past::facts).toList();
    Set<String> hidden = policies.hidden(scope.principal(), facts, Policy.Action.DISCOVER);
    Set<String> unreadable = policies.hidden(scope.principal(), facts, Policy.Action.READ);
    List<Past> visible = new ArrayList<>();
    for (Past p : declared) {
      if (hidden.contains(p.facts().key())) {
        continue;
      }
      boolean readable =
          scope.mayRead(iris.productGraph(p.product().domain(), p.product().name()))
              && !unreadable.contains(p.facts().key());
      visible.add(
          new Past(
              p.revision(),
              p.product(),
              p.descriptor(),
              p.appliedAt(),
              p.action(),
              p.facts(),
              readable));
    }
    return visible;
  }

  /** Of these run IRIs, those whose COMPLETE event the journal had received by {@code asOf}. */
  private Set<String> completedBy(Set<String> runIris, AsOf asOf) {
    List<String> ids = new ArrayList<>();
    java.util.Map<String, String> iriOf = new java.util.HashMap<>();
    for (String iri : runIris) {
      String id = iris.runId(iri);
      if (id != null) {
        ids.add(id);
        iriOf.put(id, iri);
      }
    }
    Set<String> kept = new HashSet<>();
    for (String id : journal.completedBy(ids, asOf.at())) {
      kept.add(iriOf.get(id));
    }
    return kept;
  }

  private ProductFacts facts(Product product) {
    Set<String> graphs = new HashSet<>();
    graphs.add(iris.productGraph(product.domain(), product.name()));
    for (Port port : product.outputPorts()) {
      if (port.dataset() != null) {
        graphs.add(iris.datasetGraph(port.dataset().namespace(), port.dataset().name()));
      }
    }
    return new ProductFacts(
        product.domain() + "/" + product.name(),
        product.domain(),
        product.name(),
        new HashSet<>(product.classification()),
        new HashSet<>(product.tags()),
        product.lifecycle().slug(),
        graphs);
  }

  /** The descriptor a revision recorded, read back by the descriptors library. */
  private Optional<ValidatedDocument> document(Revision revision) {
    if (revision.descriptor() == null) {
      return Optional.empty();
    }
    JsonNode json = canonical.read(revision.descriptor());
    List<FieldError> errors = new ArrayList<>();
    ValidatedDocument doc = validator.validate(0, json, errors);
    if (doc == null) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "the descriptor of "
              + revision.domain()
              + "/"
              + revision.name()
              + " in force then (revision "
              + revision.revision()
              + ") no longer reads: "
              + errors.stream().map(FieldError::message).limit(3).toList());
    }
    return Optional.of(doc);
  }
}
