package io.tessera.catalogserver.apply;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.descriptors.JsonDiff;
import java.util.List;

/**
 * What applying a descriptor request did (or, for a dry run, would do), document by document.
 *
 * @param dryRun whether nothing was written
 * @param results one per document, in request order
 */
@Serdeable
public record ApplyReport(boolean dryRun, List<Result> results) {

  /**
   * The outcome for one document.
   *
   * @param status created, updated, unchanged, retired or deleted
   * @param revision the revision the entity is at after the request
   */
  @Serdeable
  public record Result(
      int index,
      String kind,
      String domain,
      String name,
      String iri,
      String status,
      int revision,
      List<JsonDiff.Change> changes) {}
}
