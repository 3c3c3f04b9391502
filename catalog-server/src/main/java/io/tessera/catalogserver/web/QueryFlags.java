package io.tessera.catalogserver.web;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;

/**
 * Boolean query parameters read strictly: {@code true} or {@code false} (any case), or absent. A
 * flag such as {@code dryRun=1} or {@code dryRun=maybe} is refused naming the parameter rather than
 * read as false — a dry run taken for a real write would change the catalog.
 */
public final class QueryFlags {
  private QueryFlags() {}

  /**
   * @param name the parameter's name, for the error
   * @param value its value, or null when it is absent
   * @param absent what an absent parameter means
   */
  public static boolean bool(String name, String value, boolean absent) {
    if (value == null) {
      return absent;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST,
        "the query parameter " + name + " must be true or false, not '" + abbreviate(value) + "'");
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
