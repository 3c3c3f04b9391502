package io.tessera.searchindex.document;

/**
 * How much of an entity a document shows, which decides which scope of a {@link
 * io.tessera.searchindex.ReadScope} it needs: every document needs {@code discover}; a {@link
 * #DETAIL} document also needs {@code read}; a {@link #REDACTED} document is the stand-in of a
 * detail-bearing product or dataset document, shown exactly when the caller may discover but not
 * read it, so that one of the two (never both) answers for the entity.
 */
public enum Disclosure {
  /** Shows nothing a read permission guards (domains, jobs, terms). */
  OPEN("open"),
  /** Shows details: ports, columns, and products and datasets with their column and port words. */
  DETAIL("detail"),
  /** A product or dataset without its details, for callers who may not read them. */
  REDACTED("redacted");

  private final String slug;

  Disclosure(String slug) {
    this.slug = slug;
  }

  /** The term in {@link IndexFields#DISCLOSURE}. */
  public String slug() {
    return slug;
  }
}
