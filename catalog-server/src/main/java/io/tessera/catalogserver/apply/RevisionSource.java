package io.tessera.catalogserver.apply;

import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a write comes from, recorded in each revision it makes: the channel ({@code api} for REST,
 * GraphQL, MCP, the UI and the CLI; {@code git} for the Git sync) and, when known, the Git commit
 * its documents were read from.
 *
 * @param channel {@link #API} or {@link #GIT}
 * @param commit a commit id of 7 to 40 lower-case hex digits, or null
 */
public record RevisionSource(String channel, String commit) {
  /** REST, GraphQL, MCP, the UI and the CLI. */
  public static final String API = "api";

  /** The server's Git sync. */
  public static final String GIT = "git";

  /** The request header in which a client names the commit its documents come from. */
  public static final String COMMIT_HEADER = "Tessera-Commit";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

  public RevisionSource {
    if (!API.equals(channel) && !GIT.equals(channel)) {
      throw new IllegalArgumentException("unknown channel " + channel);
    }
    if (commit != null && !COMMIT.matcher(commit).matches()) {
      throw new IllegalArgumentException("not a commit id: " + commit);
    }
  }

  /** A write through the API that names no commit. */
  public static RevisionSource api() {
    return new RevisionSource(API, null);
  }

  /**
   * A write through the API naming the commit in a client's {@code Tessera-Commit} header (absent
   * or blank: none).
   *
   * @throws ProblemException {@code invalid-request} when the header is not 7 to 40 hex digits
   */
  public static RevisionSource api(String commitHeader) {
    if (commitHeader == null || commitHeader.isBlank()) {
      return api();
    }
    String commit = commitHeader.strip().toLowerCase(Locale.ROOT);
    if (!COMMIT.matcher(commit).matches()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          COMMIT_HEADER + " must be a Git commit id of 7 to 40 hex digits; nothing was written",
          List.of(new Problem.FieldError(COMMIT_HEADER, "7 to 40 hex digits")));
    }
    return new RevisionSource(API, commit);
  }

  /** A write of the Git sync, applying the documents of one commit (40 hex digits). */
  public static RevisionSource git(String commit) {
    return new RevisionSource(GIT, commit);
  }

  /** Whether the Git sync writes. */
  public boolean fromGit() {
    return GIT.equals(channel);
  }
}
