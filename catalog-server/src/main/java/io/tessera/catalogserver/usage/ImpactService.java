package io.tessera.catalogserver.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.exchange.ExchangeRepository;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.ProductVisibility;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.governance.AccessScope;
import io.tessera.governance.WriteAuthorization;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a descriptor request would break. The request is checked exactly as a dry run checks it
 * (nothing is written); then each product document whose product exists is compared with its latest
 * revision ({@link BreakingChanges}), and each product named for deletion is checked like a
 * deletion. For every breaking change it lists the jobs that read the port's dataset (narrowed to
 * the changed column by column lineage where the graph has it), the products that declare the
 * dataset or the port's contract as input, and, for the product's domain owners and admins, the
 * active agreements and the interest in a planned product. Consumers the caller may not discover
 * are left out, as {@link ConsumerService} leaves them out.
 */
@Singleton
public class ImpactService {
  private static final String PRODUCT_KIND = "DataProduct";

  private final ApplyService apply;
  private final ConsumerService consumers;
  private final UsageGraph graph;
  private final UsageRecords records;
  private final ExchangeRepository exchange;
  private final RevisionRepository revisions;
  private final ProductVisibility visibility;
  private final WriteAuthorization authorization;
  private final IriMinter iris;
  private final CanonicalJson canonical = new CanonicalJson();
  private final Clock clock = Clock.systemUTC();

  ImpactService(
      ApplyService apply,
      ConsumerService consumers,
      UsageGraph graph,
      UsageRecords records,
      ExchangeRepository exchange,
      RevisionRepository revisions,
      ProductVisibility visibility,
      WriteAuthorization authorization,
      IriMinter iris) {
    this.apply = apply;
    this.consumers = consumers;
    this.graph = graph;
    this.records = records;
    this.exchange = exchange;
    this.revisions = revisions;
    this.visibility = visibility;
    this.authorization = authorization;
    this.iris = iris;
  }

  /** A product named for deletion ({@code domain/name}). */
  public record Deleted(String domain, String name) {

    /** Parses {@code domain/name}; anything else is an invalid request. */
    public static Deleted parse(String value) {
      String[] parts = value == null ? new String[0] : value.split("/", -1);
      if (parts.length != 2 || !IriMinter.isSlug(parts[0]) || !IriMinter.isSlug(parts[1])) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST, "deleted must be domain/name, got: " + value);
      }
      return new Deleted(parts[0], parts[1]);
    }

    String key() {
      return domain + "/" + name;
    }
  }

  /**
   * Who applying the request (and deleting {@code deleted}) would break.
   *
   * @param request the request as {@code POST /api/v1/descriptors} takes it; its body may be empty
   *     when products are only deleted
   * @throws io.tessera.descriptors.InvalidDescriptorException as the dry run throws it
   * @throws io.tessera.governance.AccessDeniedException when the caller may not apply a document or
   *     delete a product
   * @throws ProblemException {@code not-found} for a product to delete that does not exist or that
   *     the caller may not discover
   */
  public Impact impact(ApplyService.Request request, List<Deleted> deleted, AccessScope scope) {
    boolean onlyDeletions =
        !deleted.isEmpty()
            && (request.body() == null
                || new String(request.body(), StandardCharsets.UTF_8).isBlank());
    ApplyService.DryRun dryRun = onlyDeletions ? null : apply.dryRunDocuments(request);
    Set<String> applied = new HashSet<>();
    List<Impact.Document> documents = new ArrayList<>();
    if (dryRun != null) {
      List<ApplyReport.Result> results = dryRun.report().results();
      for (int i = 0; i < results.size(); i++) {
        ApplyReport.Result result = results.get(i);
        applied.add(result.domain() + "/" + result.name());
        documents.add(document(result, dryRun.documents().get(i), scope));
      }
    }
    Set<String> seen = new HashSet<>();
    for (Deleted d : deleted) {
      if (applied.contains(d.key())) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST,
            d.key() + " is both in the documents and in deleted; name it once");
      }
      if (seen.add(d.key())) {
        documents.add(deletion(d, scope));
      }
    }
    boolean breaking = documents.stream().anyMatch(d -> !d.breakingChanges().isEmpty());
    Set<String> distinct = new HashSet<>();
    for (Impact.Document d : documents) {
      for (Impact.BreakingChange c : d.breakingChanges()) {
        c.consumers().forEach(a -> distinct.add(a.kind() + " " + a.name()));
      }
    }
    return new Impact(breaking, distinct.size(), documents);
  }

  private Impact.Document document(
      ApplyReport.Result result, ValidatedDocument doc, AccessScope scope) {
    List<Impact.BreakingChange> changes = List.of();
    if (doc instanceof ValidatedDocument.ProductDocument
        && !"created".equals(result.status())
        && !"unchanged".equals(result.status())) {
      Optional<Revision> latest = live(result.domain(), result.name());
      if (latest.isPresent()) {
        JsonNode before = canonical.read(latest.get().descriptor());
        changes =
            consumersOf(
                result.domain(),
                result.name(),
                before,
                BreakingChanges.between(before, doc.source()),
                scope);
      }
    }
    return new Impact.Document(
        result.index(), result.kind(), result.domain(), result.name(), result.status(), changes);
  }

  private Impact.Document deletion(Deleted d, AccessScope scope) {
    visibility.require(d.domain(), d.name(), scope);
    Revision latest =
        live(d.domain(), d.name())
            .orElseThrow(() -> ProductVisibility.notFound(d.domain(), d.name()));
    authorization.requireDomainOwner(scope.principal(), d.domain());
    JsonNode before = canonical.read(latest.descriptor());
    List<Impact.BreakingChange> changes =
        consumersOf(
            d.domain(),
            d.name(),
            before,
            List.of(BreakingChanges.deleted(d.domain(), d.name())),
            scope);
    return new Impact.Document(null, PRODUCT_KIND, d.domain(), d.name(), "deleted", changes);
  }

  private Optional<Revision> live(String domain, String name) {
    return revisions
        .latest(iris.product(domain, name))
        .filter(r -> r.descriptor() != null && !"deleted".equals(r.action()));
  }

  /** The consumers of each change, read once per port and once for the whole product. */
  private List<Impact.BreakingChange> consumersOf(
      String domain,
      String name,
      JsonNode before,
      List<BreakingChanges.Change> changes,
      AccessScope scope) {
    if (changes.isEmpty()) {
      return List.of();
    }
    String key = domain + "/" + name;
    ProductOutline outline = graph.outlines(iris.product(domain, name)).get(key);
    boolean owner = ConsumerService.seesAgreements(scope.principal(), domain);
    List<UsageRecords.Agreement> agreements =
        owner ? records.activeAgreements(domain, name, Instant.now(clock)) : List.of();
    List<Impact.Affected> interest = new ArrayList<>();
    if (owner && (outline == null || outline.physicalAt() == null)) {
      exchange.interest(domain, name).forEach(i -> interest.add(new Impact.Interest(i.subject())));
    }
    List<Impact.BreakingChange> found = new ArrayList<>();
    for (BreakingChanges.Change change : changes) {
      Reads reads = reads(domain, name, before, outline, change.port());
      List<Impact.Affected> affected = new ArrayList<>();
      affected.addAll(jobs(reads, domain, change, scope));
      for (String product :
          consumers.readingProducts(reads.datasets(), reads.contracts(), key, scope)) {
        affected.add(new Impact.Product(product, product.substring(0, product.indexOf('/'))));
      }
      for (UsageRecords.Agreement a : agreements) {
        if (a.port() == null || change.port() == null || a.port().equals(change.port())) {
          affected.add(new Impact.Agreement(a.requester(), a.purposeText()));
        }
      }
      affected.addAll(interest);
      found.add(
          new Impact.BreakingChange(
              change.type(),
              change.port(),
              change.column(),
              change.before(),
              change.after(),
              change.message(),
              affected));
    }
    return found;
  }

  /** The datasets and contracts a change is about: one port's, or all of the product's. */
  private record Reads(Set<String> datasets, Set<String> contracts) {}

  private Reads reads(
      String domain, String name, JsonNode before, ProductOutline outline, String port) {
    Set<String> datasets = new TreeSet<>();
    Set<String> contracts = new TreeSet<>();
    for (JsonNode p : before.path("spec").path("outputPorts")) {
      String portName = p.path("name").asText();
      if (port != null && !port.equals(portName)) {
        continue;
      }
      JsonNode dataset = p.path("dataset");
      if (dataset.path("namespace").isTextual() && dataset.path("name").isTextual()) {
        datasets.add(iris.dataset(dataset.get("namespace").asText(), dataset.get("name").asText()));
      }
      if (p.path("contract").isTextual()) {
        contracts.add(p.get("contract").asText());
      }
      if (port != null) {
        datasets.addAll(graph.portDatasets(iris.port(domain, name, portName)));
      }
    }
    if (port == null && outline != null) {
      datasets.addAll(outline.datasets());
      contracts.addAll(outline.contracts());
    }
    return new Reads(datasets, contracts);
  }

  private List<Impact.Job> jobs(
      Reads reads, String domain, BreakingChanges.Change change, AccessScope scope) {
    List<ConsumerService.ReadingJob> readers = consumers.readingJobs(reads.datasets(), scope);
    if (readers.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> columns = graph.columnsRead(reads.datasets());
    List<Impact.Job> jobs = new ArrayList<>();
    for (ConsumerService.ReadingJob job : readers) {
      Set<String> read = columns.get(job.jobIri());
      List<String> shown;
      if (read == null) {
        shown = null;
      } else if (!change.aboutColumn()) {
        shown = List.copyOf(read);
      } else if (read.contains(change.column())) {
        shown = List.of(change.column());
      } else {
        continue;
      }
      boolean same = job.domains().contains(domain);
      String jobDomain =
          same ? domain : job.domains().isEmpty() ? null : job.domains().iterator().next();
      jobs.add(new Impact.Job(job.name(), jobDomain, shown, same));
    }
    jobs.sort(Comparator.comparing(Impact.Job::name));
    return jobs;
  }
}
