package io.tessera.searchindex;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of catalog entity the index holds; the slug is what the API and the index use. */
public enum EntityType {
  DOMAIN("domain", 2f),
  DATA_PRODUCT("product", 3f),
  PORT("port", 1f),
  DATASET("dataset", 2f),
  COLUMN("column", 0.5f),
  JOB("job", 1f),
  TERM("term", 1f);

  private final String slug;
  private final float prior;

  EntityType(String slug, float prior) {
    this.slug = slug;
    this.prior = prior;
  }

  /** The lowercase name used in requests, responses and the index, e.g. {@code product}. */
  public String slug() {
    return slug;
  }

  /**
   * A small score added to every match of this type, so that among otherwise similar matches a
   * product comes before a dataset, and a dataset before one of its columns.
   */
  public float prior() {
    return prior;
  }

  /** Looks a type up by its slug. */
  public static Optional<EntityType> fromSlug(String slug) {
    return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
  }
}
