package io.tessera.catalogserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.JsonDiff;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.descriptors.ValidatedDocument.ProductDocument;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans revisions against the latest recorded ones: a document's canonical JSON is hashed
 * (SHA-256); the same hash as a live latest revision means {@code unchanged}, otherwise the next
 * revision is planned with the diff from the latest descriptor ({@code created}, {@code updated} or
 * {@code retired}). Deletions are planned the same way, as a {@code deleted} revision with no
 * descriptor.
 */
@Singleton
final class ApplyPlanner {
  private final RevisionRepository revisions;
  private final IriMinter iris;
  private final CanonicalJson canonical = new CanonicalJson();
  private final Clock clock = Clock.systemUTC();

  ApplyPlanner(RevisionRepository revisions, IriMinter iris) {
    this.revisions = revisions;
    this.iris = iris;
  }

  /** A planned deletion: the revision to record and what the report says. */
  record Deletion(Revision record, ApplyReport.Result result) {}

  /** Plans every document, in request order, against its entity's latest revision. */
  List<Planned> plan(List<ValidatedDocument> docs, String actor, RevisionSource source) {
    Map<String, Revision> latest = revisions.latest(docs.stream().map(this::iri).toList());
    return docs.stream()
        .map(d -> plan(d, Optional.ofNullable(latest.get(iri(d))), actor, source))
        .toList();
  }

  /** Plans the deletion of an entity whose live revision is {@code latest}. */
  Deletion deletion(
      String iri,
      String kind,
      String domain,
      String name,
      Revision latest,
      String actor,
      RevisionSource source) {
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
            Instant.now(clock),
            source.channel(),
            source.commit());
    return new Deletion(
        record, new ApplyReport.Result(0, kind, domain, name, iri, "deleted", revision, changes));
  }

  /**
   * The entity's latest revision, unless it was deleted.
   *
   * @throws ProblemException {@code not-found} when there is none
   */
  Revision live(String iri) {
    return revisions
        .latest(iri)
        .filter(r -> !"deleted".equals(r.action()))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "not found: " + iri));
  }

  /** A revision's descriptor, as a document that can be changed and applied again. */
  ObjectNode descriptor(Revision revision) {
    return (ObjectNode) canonical.read(revision.descriptor());
  }

  private Planned plan(
      ValidatedDocument doc, Optional<Revision> latest, String actor, RevisionSource source) {
    String iri = iri(doc);
    String json = canonical.write(doc.source());
    String hash = CanonicalJson.sha256(json);
    boolean live = latest.isPresent() && !"deleted".equals(latest.get().action());
    if (live && hash.equals(latest.get().contentHash())) {
      return new Planned(
          doc, null, result(doc, iri, "unchanged", latest.get().revision(), List.of()));
    }
    int revision = latest.map(r -> r.revision() + 1).orElse(1);
    JsonNode before = live ? canonical.read(latest.get().descriptor()) : null;
    List<JsonDiff.Change> changes = JsonDiff.diff(before, doc.source());
    String status = !live ? "created" : retiring(doc, before) ? "retired" : "updated";
    Revision record =
        new Revision(
            iri,
            doc.kind(),
            doc.domainName(),
            doc.name(),
            revision,
            status,
            hash,
            json,
            canonical.write(changes),
            actor,
            Instant.now(clock),
            source.channel(),
            source.commit());
    return new Planned(doc, record, result(doc, iri, status, revision, changes));
  }

  private static ApplyReport.Result result(
      ValidatedDocument doc,
      String iri,
      String status,
      int revision,
      List<JsonDiff.Change> changes) {
    return new ApplyReport.Result(
        doc.index(), doc.kind(), doc.domainName(), doc.name(), iri, status, revision, changes);
  }

  private static boolean retiring(ValidatedDocument doc, JsonNode before) {
    return doc instanceof ProductDocument p
        && p.product().lifecycle() == Lifecycle.RETIRED
        && !"retired".equalsIgnoreCase(before.path("spec").path("lifecycle").asText());
  }

  private String iri(ValidatedDocument doc) {
    return doc.iri(iris);
  }
}
