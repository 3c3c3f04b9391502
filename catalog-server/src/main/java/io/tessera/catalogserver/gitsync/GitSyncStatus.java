package io.tessera.catalogserver.gitsync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.gitsync.GitSyncState.Failure;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.governance.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/admin/git}: where the repository is (no credentials), the last fetched and
 * applied commits, the last error and the drift between the repository and the catalog. An admin
 * sees everything; an owner of a managed domain sees the drift and errors of its own domains.
 *
 * @param repository the URL without user name or password
 * @param interval how often the branch is fetched, ISO-8601 ({@code PT1M})
 * @param managedDomains the domains the repository manages
 * @param lastError the last sync's failure, until a commit is applied
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GitSyncStatus(
    String repository,
    String branch,
    String path,
    String interval,
    boolean exclusive,
    boolean prune,
    String lastFetchedCommit,
    Instant lastFetchedAt,
    String lastAppliedCommit,
    Instant lastAppliedAt,
    Failure lastError,
    Set<String> managedDomains,
    Drift drift) {
  private static final Logger LOG = LoggerFactory.getLogger(GitSyncStatus.class);

  /**
   * Where the catalog and the repository differ.
   *
   * @param editedElsewhere entities of managed domains whose latest revision was not written by the
   *     sync (applied, retired or deleted through another channel)
   * @param notInCatalog descriptor files changed between the last applied commit and the fetched
   *     head (a head not applied yet, or that failed), with {@code add}, {@code modify} or {@code
   *     delete}; for admins
   * @param notInRepository entities the sync wrote that the applied commit no longer declares (left
   *     when {@code prune} is off)
   */
  @Serdeable
  public record Drift(
      List<Entity> editedElsewhere, List<FileChange> notInCatalog, List<Entity> notInRepository) {}

  /**
   * A descriptor file under the path that differs between two commits.
   *
   * @param change {@code add}, {@code modify} or {@code delete}
   */
  @Serdeable
  public record FileChange(String path, String change) {}

  /** An entity and its latest revision. */
  @Serdeable
  public record Entity(
      String iri,
      String kind,
      String domain,
      String name,
      int revision,
      String action,
      String actor,
      String channel,
      String commit,
      Instant appliedAt) {
    static Entity of(Revision r) {
      return new Entity(
          r.entityIri(),
          r.kind(),
          r.domain(),
          r.name(),
          r.revision(),
          r.action(),
          r.actor(),
          r.channel(),
          r.commit(),
          r.appliedAt());
    }
  }

  static GitSyncStatus of(
      GitSyncConfig config,
      GitSyncState state,
      Set<String> managed,
      Principal caller,
      RevisionRepository revisions,
      JGitCheckout checkout) {
    Set<String> visible = new TreeSet<>();
    for (String domain : managed) {
      if (caller.isAdmin() || caller.domains().contains(domain)) {
        visible.add(domain);
      }
    }
    List<Revision> latest = revisions.latestInDomains(visible);
    List<Entity> editedElsewhere =
        latest.stream().filter(r -> !"git".equals(r.channel())).map(Entity::of).toList();
    String applied = state.appliedCommit();
    Set<String> declared = state.declared();
    List<Entity> notInRepository =
        applied == null
            ? List.of()
            : latest.stream()
                .filter(r -> "git".equals(r.channel()))
                .filter(r -> !"deleted".equals(r.action()))
                .filter(r -> !declared.contains(r.entityIri()))
                .map(Entity::of)
                .toList();
    List<FileChange> notInCatalog =
        caller.isAdmin() ? pending(checkout, applied, state.fetchedCommit()) : List.of();
    Failure failure = state.failure();
    if (failure != null && !caller.isAdmin()) {
      failure =
          new Failure(
              failure.commit(),
              failure.at(),
              failure.message(),
              failure.errors().stream()
                  .filter(e -> e.domain() != null && visible.contains(e.domain()))
                  .toList());
    }
    return new GitSyncStatus(
        config.safeUrl(),
        config.branch(),
        config.path(),
        config.interval().toString(),
        config.exclusive(),
        config.prune(),
        state.fetchedCommit(),
        state.fetchedAt(),
        applied,
        state.appliedAt(),
        failure,
        new TreeSet<>(managed),
        new Drift(editedElsewhere, notInCatalog, notInRepository));
  }

  private static List<FileChange> pending(JGitCheckout checkout, String applied, String fetched) {
    if (fetched == null || fetched.equals(applied)) {
      return List.of();
    }
    try {
      if (applied == null || !checkout.has(applied)) {
        return checkout.files(fetched).stream().map(f -> new FileChange(f.path(), "add")).toList();
      }
      return checkout.changes(applied, fetched);
    } catch (Exception e) {
      LOG.warn("Git sync: cannot compare {} with {}", applied, fetched, e);
      return List.of();
    }
  }
}
