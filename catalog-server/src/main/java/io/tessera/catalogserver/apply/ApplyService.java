package io.tessera.catalogserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.DocumentAuthorization;
import io.tessera.descriptors.DocumentWrites;
import io.tessera.descriptors.ReferenceCheck;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.governance.Principal;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Applies descriptor requests: parse, translate published standards, validate every document, check
 * references across documents and the catalog and the caller's permission in one graph read
 * transaction, then write all graphs in one transaction and record one revision per changed
 * document. A document whose content hash equals the latest revision's is {@code unchanged} and not
 * written again. Either every document is applied or none. Also retires and deletes entities.
 */
@Singleton
public class ApplyService {
  private final DescriptorParser parser;
  private final RequestValidation validation;
  private final GraphStore store;
  private final ReferenceCheck references;
  private final DocumentAuthorization authorization;
  private final ApplyPlanner planner;
  private final DocumentWrites writes;
  private final RevisionedWrites revisionedWrites;
  private final AuditLog audit;
  private final Decommissioning decommissioning;
  private final ChannelGuard channels;

  ApplyService(
      DescriptorParser parser,
      RequestValidation validation,
      GraphStore store,
      ReferenceCheck references,
      DocumentAuthorization authorization,
      ApplyPlanner planner,
      DocumentWrites writes,
      RevisionedWrites revisionedWrites,
      AuditLog audit,
      Decommissioning decommissioning,
      ChannelGuard channels) {
    this.parser = parser;
    this.validation = validation;
    this.store = store;
    this.references = references;
    this.authorization = authorization;
    this.planner = planner;
    this.writes = writes;
    this.revisionedWrites = revisionedWrites;
    this.audit = audit;
    this.decommissioning = decommissioning;
    this.channels = channels;
  }

  /**
   * A request to apply: the raw body, how to read it, who asks, and where it comes from (recorded
   * in each revision).
   */
  public record Request(
      byte[] body,
      boolean json,
      boolean dryRun,
      String fallbackDomain,
      Principal principal,
      RevisionSource source) {

    /** A request through the API that names no commit. */
    public Request(
        byte[] body, boolean json, boolean dryRun, String fallbackDomain, Principal principal) {
      this(body, json, dryRun, fallbackDomain, principal, RevisionSource.api());
    }
  }

  /**
   * Parses and applies a request body. Reading, validating and planning it must end within the
   * parser's timeout ({@code tessera.limits.descriptors-timeout}); a request that runs past it is
   * refused before anything is written.
   */
  public ApplyReport apply(Request request) {
    long deadline = System.nanoTime() + parser.limits().timeout().toNanos();
    List<JsonNode> documents = parser.parse(request.body(), request.json(), deadline);
    return apply(
        documents,
        request.dryRun(),
        request.fallbackDomain(),
        request.principal(),
        request.source(),
        deadline);
  }

  /**
   * Applies already parsed documents, if the principal may write every one of them.
   *
   * @throws io.tessera.descriptors.InvalidDescriptorException for invalid documents or broken
   *     references; nothing is written
   * @throws io.tessera.governance.AccessDeniedException naming the first missing permission;
   *     nothing is written
   */
  public ApplyReport apply(
      List<JsonNode> documents, boolean dryRun, String fallbackDomain, Principal principal) {
    return apply(
        documents, dryRun, fallbackDomain, principal, RevisionSource.api(), Long.MAX_VALUE);
  }

  /**
   * Applies already parsed documents from a given source (the Git sync's documents of one commit),
   * if the principal may write every one of them; exceptions as {@link #apply(List, boolean,
   * String, Principal)}.
   */
  public ApplyReport apply(
      List<JsonNode> documents, boolean dryRun, Principal principal, RevisionSource source) {
    return apply(documents, dryRun, null, principal, source, Long.MAX_VALUE);
  }

  private ApplyReport apply(
      List<JsonNode> documents,
      boolean dryRun,
      String fallbackDomain,
      Principal principal,
      RevisionSource source,
      long deadlineNanos) {
    String actor = principal.subject();
    List<ValidatedDocument> valid = validation.validate(documents, fallbackDomain);
    store.read(reader -> check(reader, valid, principal));
    if (!dryRun) {
      channels.check(valid.stream().map(ValidatedDocument::domainName).toList(), source);
    }
    List<Planned> plan = planner.plan(valid, actor, source);
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw new ProblemException(
          ProblemType.UNAVAILABLE,
          "the request took longer than "
              + parser.limits().timeout().toMillis()
              + " ms to check; nothing was written; send fewer documents at a time");
    }
    write(plan, dryRun);
    if (!dryRun) {
      for (Planned p : plan) {
        if (p.changed()) {
          ApplyReport.Result r = p.result();
          audit.record(
              actor,
              "apply",
              r.iri(),
              r.status(),
              r.revision() > 1 ? r.revision() - 1 : null,
              r.revision(),
              r.kind());
        }
      }
    }
    return new ApplyReport(dryRun, plan.stream().map(Planned::result).toList());
  }

  /**
   * The checks that read the catalog, in one transaction so they see the same state: references
   * first (a request naming a missing domain is invalid whoever sends it), then permissions.
   */
  private Void check(GraphReader reader, List<ValidatedDocument> valid, Principal principal) {
    references.check(reader, valid);
    authorization.authorize(reader, valid, principal);
    return null;
  }

  /**
   * Writes the plan's changed documents into their graphs in one transaction together with their
   * revisions, or dry-runs them recording nothing; a plan with none writes nothing.
   *
   * @throws io.tessera.graphstore.ShapeViolationException when a written graph does not conform
   */
  private void write(List<Planned> plan, boolean dryRun) {
    List<Planned> changed = plan.stream().filter(Planned::changed).toList();
    List<DocumentWrites.Revised> revised =
        changed.stream()
            .map(p -> new DocumentWrites.Revised(p.doc(), p.result().revision()))
            .toList();
    if (dryRun) {
      writes.dryRun(revised);
    } else if (!changed.isEmpty()) {
      revisionedWrites.write(
          "apply", changed.stream().map(Planned::record).toList(), writes.writes(revised));
    }
  }

  /** Retires a product: a new revision of its latest descriptor with lifecycle retired. */
  public ApplyReport retire(String domain, String name, Principal principal) {
    return apply(
        List.of(decommissioning.retirement(domain, name, principal)), false, null, principal);
  }

  /** Deletes a product's graphs and records a {@code deleted} revision. */
  public ApplyReport deleteProduct(String domain, String name, Principal principal) {
    return decommissioning.deleteProduct(domain, name, principal, RevisionSource.api());
  }

  /** Deletes a product for a given source (the Git sync's prune), recording it in the revision. */
  public ApplyReport deleteProduct(
      String domain, String name, Principal principal, RevisionSource source) {
    return decommissioning.deleteProduct(domain, name, principal, source);
  }

  /**
   * Deletes a policy ({@code domain} null for a global one) and records a {@code deleted} revision.
   */
  public ApplyReport deletePolicy(String domain, String name, Principal principal) {
    return decommissioning.deletePolicy(domain, name, principal);
  }

  /** Deletes a domain that has no products left, recording a {@code deleted} revision. */
  public ApplyReport deleteDomain(String name, Principal principal) {
    return decommissioning.deleteDomain(name, principal);
  }

  /**
   * A dry run of a request (the same checks, errors and permissions as {@code dryRun=true}, nothing
   * written) that also answers the validated documents, in request order, for analyses of what
   * applying the request would change.
   */
  public DryRun dryRunDocuments(Request request) {
    long deadline = System.nanoTime() + parser.limits().timeout().toNanos();
    List<JsonNode> documents = parser.parse(request.body(), request.json(), deadline);
    ApplyReport report =
        apply(
            documents,
            true,
            request.fallbackDomain(),
            request.principal(),
            request.source(),
            deadline);
    return new DryRun(report, validation.validate(documents, request.fallbackDomain()));
  }

  /** A dry run's report and the documents it checked. */
  public record DryRun(ApplyReport report, List<ValidatedDocument> documents) {}
}
