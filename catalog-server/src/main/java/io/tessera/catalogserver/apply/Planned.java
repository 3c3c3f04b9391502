package io.tessera.catalogserver.apply;

import io.tessera.catalogserver.persistence.Revision;
import io.tessera.descriptors.ValidatedDocument;

/**
 * One document's planned effect.
 *
 * @param doc the document
 * @param record the revision to record, or null when the document is unchanged
 * @param result what the report says about the document
 */
record Planned(ValidatedDocument doc, Revision record, ApplyReport.Result result) {

  /** Whether the document changes the catalog, and so is written and recorded. */
  boolean changed() {
    return record != null;
  }
}
