package io.tessera.catalogserver.gitsync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the Git sync knows in this process: the last fetched and applied commits, the last error,
 * the domains the repository manages and the entities its applied commit declares. Shared by the
 * sync, which writes it, and by {@link GitManagedDomains} and the status, which read it. Kept in
 * memory: after a restart the first sync applies the branch head again (every document unchanged).
 */
@Singleton
public final class GitSyncState {

  /** The last sync that failed: the commit, when, why, and the errors per file and field. */
  @Serdeable
  public record Failure(String commit, Instant at, String message, List<FileError> errors) {}

  /**
   * One error of a commit's documents.
   *
   * @param file the file in the repository (null when the error is not one file's)
   * @param document the document's position within the file, from 0 (null when not one document's)
   * @param domain the domain the document belongs to, when known
   * @param field the field within the document, e.g. {@code spec.outputPorts[0].dataset.name}
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileError(
      String file, Integer document, String domain, String field, String message) {}

  private String fetchedCommit;
  private Instant fetchedAt;
  private String appliedCommit;
  private Instant appliedAt;
  private Failure failure;
  private Set<String> managed = Set.of();
  private Set<String> declared = Set.of();

  synchronized void fetched(String commit, Instant at) {
    fetchedCommit = commit;
    fetchedAt = at;
  }

  synchronized void applied(String commit, Instant at, Set<String> domains, Set<String> iris) {
    appliedCommit = commit;
    appliedAt = at;
    managed = Set.copyOf(domains);
    declared = Set.copyOf(iris);
    failure = null;
  }

  /** Forgets a failed fetch once a fetch succeeded again (a failed commit stays until replaced). */
  synchronized void fetchRecovered() {
    if (failure != null && failure.commit() == null) {
      failure = null;
    }
  }

  synchronized void failed(Failure failure) {
    this.failure = failure;
  }

  public synchronized String fetchedCommit() {
    return fetchedCommit;
  }

  public synchronized Instant fetchedAt() {
    return fetchedAt;
  }

  public synchronized String appliedCommit() {
    return appliedCommit;
  }

  public synchronized Instant appliedAt() {
    return appliedAt;
  }

  public synchronized Failure failure() {
    return failure;
  }

  /** The domains of the last applied commit (or those configured). */
  public synchronized Set<String> managed() {
    return managed;
  }

  /** The IRIs of the entities the last applied commit declares. */
  public synchronized Set<String> declared() {
    return declared;
  }
}
