package io.tessera.catalogserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.descriptors.JsonDiff;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.descriptors.ValidatedDocument.DomainDocument;
import io.tessera.descriptors.ValidatedDocument.PolicyDocument;
import io.tessera.descriptors.ValidatedDocument.ProductDocument;
import io.tessera.descriptors.standards.StandardDescriptors;
import io.tessera.descriptors.standards.StandardImportException;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductRepository;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies descriptor requests: parse, translate published standards, validate every document, check
 * references across documents and the catalog, then write all graphs in one transaction and record
 * one revision per changed document. A document whose content hash equals the latest revision's is
 * {@code unchanged} and not written again. Either every document is applied or none.
 */
@Singleton
public class ApplyService {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyService.class);
  private final DescriptorParser parser;
  private final DescriptorValidator validator;
  private final StandardDescriptors standards = new StandardDescriptors();
  private final GraphStore store;
  private final DomainRepository domains;
  private final ProductRepository products;
  private final RevisionRepository revisions;
  private final IriMinter iris;
  private final TesseraConfig config;
  private final Clock clock;
  private final CanonicalJson canonical = new CanonicalJson();
  private final RevisionedWrites revisionedWrites;
  private final WriteAuthorization authorization;
  private final AuditLog audit;
  private final PolicyRepository policies;

  public ApplyService(
      DescriptorParser parser,
      DescriptorValidator validator,
      GraphStore store,
      DomainRepository domains,
      ProductRepository products,
      RevisionRepository revisions,
      IriMinter iris,
      TesseraConfig config,
      WriteAuthorization authorization,
      AuditLog audit,
      PolicyRepository policies) {
    this.policies = policies;
    this.authorization = authorization;
    this.audit = audit;
    this.parser = parser;
    this.validator = validator;
    this.store = store;
    this.domains = domains;
    this.products = products;
    this.revisions = revisions;
    this.revisionedWrites = new RevisionedWrites(revisions, store);
    this.iris = iris;
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  /** A request to apply: the raw body, how to read it, and who asks. */
  public record Request(
      byte[] body, boolean json, boolean dryRun, String fallbackDomain, Principal principal) {}

  /** Parses and applies a request body. */
  public ApplyReport apply(Request request) {
    List<JsonNode> documents = parser.parse(request.body(), request.json());
    return apply(documents, request.dryRun(), request.fallbackDomain(), request.principal());
  }

  /**
   * Applies already parsed documents, if the principal may write every one of them.
   *
   * @throws io.tessera.governance.AccessDeniedException naming the first missing permission;
   *     nothing is written
   */
  public ApplyReport apply(
      List<JsonNode> documents, boolean dryRun, String fallbackDomain, Principal principal) {
    String actor = principal.subject();
    if (documents.size() > config.maxDescriptorDocuments()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "a request may carry at most "
              + config.maxDescriptorDocuments()
              + " documents; split it");
    }
    List<FieldError> errors = new ArrayList<>();
    List<ValidatedDocument> valid = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = translate(i, documents.get(i), fallbackDomain, errors);
      if (document != null) {
        ValidatedDocument result = validator.validate(i, document, errors);
        if (result != null) {
          valid.add(result);
        }
      }
    }
    if (errors.isEmpty()) {
      store.read(r -> checkReferences(r, valid, errors));
    }
    if (!errors.isEmpty()) {
      throw new InvalidDescriptorException(
          errors.size() + " error(s) in the descriptor; nothing was applied", errors);
    }
    store.read(r -> authorize(r, valid, principal));
    Map<String, Revision> latest = revisions.latest(valid.stream().map(this::iri).toList());
    List<Planned> plan =
        valid.stream().map(d -> plan(d, Optional.ofNullable(latest.get(iri(d))), actor)).toList();
    ApplyReport report = execute(plan, dryRun);
    if (!dryRun) {
      for (Planned p : plan) {
        if (p.record() != null) {
          audit.record(
              actor,
              "apply",
              p.iri(),
              p.status(),
              p.revision() > 1 ? p.revision() - 1 : null,
              p.revision(),
              kind(p.doc()));
        }
      }
    }
    return report;
  }

  // A domain's owner writes its products and updates the domain; a new domain needs the owner of
  // its parent, or an admin.
  private Void authorize(GraphReader reader, List<ValidatedDocument> docs, Principal principal) {
    for (ValidatedDocument doc : docs) {
      switch (doc) {
        case DomainDocument d -> {
          String name = d.domain().name();
          if (domains.exists(reader, name)) {
            authorization.requireDomainOwner(principal, name);
          } else if (d.domain().parent() != null) {
            authorization.requireDomainOwner(principal, d.domain().parent());
          } else {
            authorization.requireAdmin(principal);
          }
        }
        case ProductDocument p -> authorization.requireDomainOwner(principal, p.product().domain());
        case PolicyDocument p -> {
          if (p.policy().domain() == null) {
            authorization.requireAdmin(principal);
          } else {
            authorization.requireDomainOwner(principal, p.policy().domain());
          }
        }
      }
    }
    return null;
  }

  private JsonNode translate(
      int index, JsonNode document, String fallbackDomain, List<FieldError> errors) {
    try {
      return standards.translate(document, fallbackDomain).<JsonNode>map(n -> n).orElse(document);
    } catch (StandardImportException e) {
      errors.add(new FieldError("documents[" + index + "]." + e.field(), e.getMessage()));
      return null;
    }
  }

  private Void checkReferences(
      GraphReader reader, List<ValidatedDocument> docs, List<FieldError> errors) {
    Set<String> requestDomains =
        docs.stream()
            .filter(DomainDocument.class::isInstance)
            .map(d -> ((DomainDocument) d).domain().name())
            .collect(Collectors.toSet());
    Map<String, Integer> seen = new HashMap<>();
    for (ValidatedDocument doc : docs) {
      String at = "documents[" + doc.index() + "]";
      String key =
          switch (doc) {
            case DomainDocument d -> "Domain " + d.domain().name();
            case ProductDocument p ->
                "DataProduct " + p.product().domain() + "/" + p.product().name();
            case PolicyDocument p -> "Policy " + p.policy().key();
          };
      Integer first = seen.putIfAbsent(key, doc.index());
      if (first != null) {
        errors.add(
            new FieldError(
                at + ".metadata.name", key + " is already declared by documents[" + first + "]"));
      }
      switch (doc) {
        case DomainDocument d -> {
          String parent = d.domain().parent();
          if (parent != null
              && !requestDomains.contains(parent)
              && !domains.exists(reader, parent)) {
            errors.add(
                new FieldError(at + ".spec.parent", "domain '" + parent + "' does not exist"));
          }
        }
        case ProductDocument p -> {
          String domain = p.product().domain();
          if (!requestDomains.contains(domain) && !domains.exists(reader, domain)) {
            errors.add(
                new FieldError(
                    at + ".metadata.domain",
                    "domain '"
                        + domain
                        + "' does not exist; declare it with kind: Domain first or in the same request"));
          }
        }
        case PolicyDocument p -> {
          String domain = p.policy().domain();
          if (domain != null
              && !requestDomains.contains(domain)
              && !domains.exists(reader, domain)) {
            errors.add(
                new FieldError(at + ".metadata.domain", "domain '" + domain + "' does not exist"));
          }
        }
      }
    }
    return null;
  }

  /** One document's planned effect. */
  private record Planned(
      ValidatedDocument doc,
      String iri,
      String status,
      int revision,
      Revision record,
      List<JsonDiff.Change> changes) {}

  private Planned plan(ValidatedDocument doc, Optional<Revision> latest, String actor) {
    String iri = iri(doc);
    String json = canonical.write(doc.source());
    String hash = CanonicalJson.sha256(json);
    boolean live = latest.isPresent() && !"deleted".equals(latest.get().action());
    if (live && hash.equals(latest.get().contentHash())) {
      return new Planned(doc, iri, "unchanged", latest.get().revision(), null, List.of());
    }
    int revision = latest.map(r -> r.revision() + 1).orElse(1);
    JsonNode before = live ? canonical.read(latest.get().descriptor()) : null;
    List<JsonDiff.Change> changes = JsonDiff.diff(before, doc.source());
    String status = !live ? "created" : retiring(doc, before) ? "retired" : "updated";
    Revision record =
        new Revision(
            iri,
            kind(doc),
            domainOf(doc),
            nameOf(doc),
            revision,
            status,
            hash,
            json,
            canonical.write(changes),
            actor,
            Instant.now(clock));
    return new Planned(doc, iri, status, revision, record, changes);
  }

  private static boolean retiring(ValidatedDocument doc, JsonNode before) {
    return doc instanceof ProductDocument p
        && p.product().lifecycle() == Lifecycle.RETIRED
        && !"retired".equalsIgnoreCase(before.path("spec").path("lifecycle").asText());
  }

  private ApplyReport execute(List<Planned> plan, boolean dryRun) {
    List<Planned> changed = plan.stream().filter(p -> p.record() != null).toList();
    Consumer<GraphWriter> writes =
        w -> {
          changed.stream().filter(p -> p.doc() instanceof DomainDocument).forEach(p -> write(w, p));
          changed.stream()
              .filter(p -> p.doc() instanceof ProductDocument)
              .forEach(p -> write(w, p));
          changed.stream().filter(p -> p.doc() instanceof PolicyDocument).forEach(p -> write(w, p));
        };
    if (dryRun) {
      store.dryRun(writes);
    } else if (!changed.isEmpty()) {
      revisionedWrites.write(changed.stream().map(Planned::record).toList(), writes);
    }
    return new ApplyReport(
        dryRun,
        plan.stream()
            .map(
                p ->
                    new ApplyReport.Result(
                        p.doc().index(),
                        kind(p.doc()),
                        domainOf(p.doc()),
                        nameOf(p.doc()),
                        p.iri(),
                        p.status(),
                        p.revision(),
                        p.changes()))
            .toList());
  }

  private void write(GraphWriter writer, Planned p) {
    switch (p.doc()) {
      case DomainDocument d -> domains.put(writer, d.domain().withRevision(p.revision()));
      case ProductDocument d -> products.put(writer, d.product().withRevision(p.revision()));
      case PolicyDocument d -> policies.put(writer, d.policy());
    }
  }

  /** Retires a product: a new revision of its latest descriptor with lifecycle retired. */
  public ApplyReport retire(String domain, String name, Principal principal) {
    authorization.requireDomainOwner(principal, domain);
    Revision latest = liveRevision(iris.product(domain, name));
    ObjectNode descriptor = (ObjectNode) canonical.read(latest.descriptor());
    ObjectNode spec = (ObjectNode) descriptor.path("spec");
    spec.put("lifecycle", Lifecycle.RETIRED.slug());
    return apply(List.of(descriptor), false, null, principal);
  }

  /** Deletes a product's graphs and records a {@code deleted} revision. */
  public ApplyReport deleteProduct(String domain, String name, Principal principal) {
    authorization.requireDomainOwner(principal, domain);
    String actor = principal.subject();
    String iri = iris.product(domain, name);
    Revision latest = liveRevision(iri);
    return delete(
        iri, "DataProduct", domain, name, latest, actor, w -> products.remove(w, domain, name));
  }

  /**
   * Deletes a policy ({@code domain} null for a global one) and records a {@code deleted} revision.
   */
  public ApplyReport deletePolicy(String domain, String name, Principal principal) {
    if (domain == null) {
      authorization.requireAdmin(principal);
    } else {
      authorization.requireDomainOwner(principal, domain);
    }
    String iri = iris.policy(domain, name);
    Revision latest = liveRevision(iri);
    return delete(
        iri,
        "Policy",
        domain == null ? "global" : domain,
        name,
        latest,
        principal.subject(),
        w -> policies.remove(w, domain, name));
  }

  /** Deletes a domain that has no products left, recording a {@code deleted} revision. */
  public ApplyReport deleteDomain(String name, Principal principal) {
    authorization.requireAdmin(principal);
    String actor = principal.subject();
    String iri = iris.domain(name);
    Revision latest = liveRevision(iri);
    if (!products.list(new ProductFilter(name, null, null, null, 1)).isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "domain '" + name + "' still has data products; delete or move them first");
    }
    return delete(iri, "Domain", name, name, latest, actor, w -> domains.remove(w, name));
  }

  private ApplyReport delete(
      String iri,
      String kind,
      String domain,
      String name,
      Revision latest,
      String actor,
      Consumer<GraphWriter> removal) {
    int revision = latest.revision() + 1;
    List<JsonDiff.Change> changes = JsonDiff.diff(canonical.read(latest.descriptor()), null);
    Revision record =
        new Revision(
            iri,
            kind,
            domain,
            name,
            revision,
            "deleted",
            null,
            null,
            canonical.write(changes),
            actor,
            Instant.now(clock));
    revisionedWrites.write(List.of(record), removal);
    audit.record(actor, "delete", iri, "deleted", latest.revision(), revision, kind);
    return new ApplyReport(
        false,
        List.of(new ApplyReport.Result(0, kind, domain, name, iri, "deleted", revision, changes)));
  }

  private Revision liveRevision(String iri) {
    return revisions
        .latest(iri)
        .filter(r -> !"deleted".equals(r.action()))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "not found: " + iri));
  }

  private String iri(ValidatedDocument doc) {
    return switch (doc) {
      case DomainDocument d -> iris.domain(d.domain().name());
      case ProductDocument p -> iris.product(p.product().domain(), p.product().name());
      case PolicyDocument p -> iris.policy(p.policy().domain(), p.policy().name());
    };
  }

  private static String kind(ValidatedDocument doc) {
    return switch (doc) {
      case DomainDocument d -> "Domain";
      case ProductDocument p -> "DataProduct";
      case PolicyDocument p -> "Policy";
    };
  }

  private static String domainOf(ValidatedDocument doc) {
    return switch (doc) {
      case DomainDocument d -> d.domain().name();
      case ProductDocument p -> p.product().domain();
      case PolicyDocument p -> p.policy().domain() == null ? "global" : p.policy().domain();
    };
  }

  private static String nameOf(ValidatedDocument doc) {
    return switch (doc) {
      case DomainDocument d -> d.domain().name();
      case ProductDocument p -> p.product().name();
      case PolicyDocument p -> p.policy().name();
    };
  }
}
