package io.tessera.catalogserver.gitsync;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.apply.RevisionSource;
import io.tessera.catalogserver.gitsync.GitSyncState.Failure;
import io.tessera.catalogserver.gitsync.GitSyncState.FileError;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.ShapeViolationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the configured Git branch: fetches it, reads every descriptor file under the path and
 * applies all documents of the commit in one {@link ApplyService} call, as a principal that writes
 * the managed domains only, recording the commit in every revision. A commit whose documents are
 * invalid is not applied: the failure names the commit, the files and fields, and the last good
 * commit stays. A commit already applied is not applied again unless forced. Then, with {@code
 * prune}, products of the managed domains that the commit no longer declares are deleted. Syncs run
 * one at a time.
 */
@Singleton
public class GitSyncService {
  private static final Logger LOG = LoggerFactory.getLogger(GitSyncService.class);

  private final GitSyncConfig config;
  private final GitSyncState state;
  private final ApplyService apply;
  private final DescriptorParser parser;
  private final RevisionRepository revisions;
  private final JGitCheckout checkout;
  private final Clock clock = Clock.systemUTC();

  GitSyncService(
      GitSyncConfig config,
      TesseraConfig tessera,
      GitSyncState state,
      ApplyService apply,
      DescriptorParser parser,
      RevisionRepository revisions) {
    this.config = config;
    this.state = state;
    this.apply = apply;
    this.parser = parser;
    this.revisions = revisions;
    this.checkout = new JGitCheckout(config, tessera.dataDir().resolve("git"));
  }

  /**
   * What one sync did.
   *
   * @param outcome {@code applied}; {@code up-to-date} (the head was applied before); {@code
   *     failed}; {@code skipped} (the head is the commit that failed last time)
   * @param commit the branch head fetched (null when the fetch failed)
   * @param results per document, as the apply reported it (empty unless applied)
   * @param pruned the IRIs of the products deleted because the commit no longer declares them
   * @param error why it failed
   */
  @Serdeable
  public record SyncResult(
      String outcome,
      String commit,
      List<ApplyReport.Result> results,
      List<String> pruned,
      Failure error) {}

  /** Whether a repository is configured. */
  public boolean enabled() {
    return config.enabled();
  }

  /**
   * Fetches the branch and applies its head if it was not applied yet (or {@code force}).
   *
   * @throws ProblemException {@code not-found} when no repository is configured
   */
  public synchronized SyncResult sync(boolean force) {
    requireEnabled();
    String head;
    try {
      head = checkout.fetch();
    } catch (Exception e) {
      String message = "cannot fetch " + config.describe() + ": " + config.redact(e.getMessage());
      LOG.warn("Git sync: {}", message);
      Failure failure = new Failure(null, clock.instant(), message, List.of());
      state.failed(failure);
      return new SyncResult("failed", null, List.of(), List.of(), failure);
    }
    state.fetched(head, clock.instant());
    if (!force && head.equals(state.appliedCommit())) {
      state.fetchRecovered();
      return new SyncResult("up-to-date", head, List.of(), List.of(), null);
    }
    Failure last = state.failure();
    if (!force && last != null && head.equals(last.commit())) {
      return new SyncResult("skipped", head, List.of(), List.of(), last);
    }
    return apply(head);
  }

  private SyncResult apply(String head) {
    GitDocuments docs;
    try {
      docs = GitDocuments.read(checkout.files(head), parser);
    } catch (Exception e) {
      return fail(
          head, "cannot read commit " + head + ": " + config.redact(e.getMessage()), List.of());
    }
    if (!docs.errors().isEmpty()) {
      return fail(head, "files of commit " + head + " cannot be read", docs.errors());
    }
    Set<String> managed = managedBy(docs);
    List<FileError> outside = docs.outside(managed);
    if (!outside.isEmpty()) {
      return fail(
          head, "commit " + head + " declares documents outside the managed domains", outside);
    }
    Principal principal = principal(managed);
    RevisionSource source = RevisionSource.git(head);
    List<ApplyReport.Result> results = List.of();
    try {
      if (!docs.documents().isEmpty()) {
        results = apply.apply(docs.documents(), false, principal, source).results();
      }
    } catch (InvalidDescriptorException e) {
      return fail(
          head, "the documents of commit " + head + " are invalid", docs.locate(e.errors()));
    } catch (ShapeViolationException e) {
      List<FileError> errors =
          e.violations().stream()
              .map(
                  v ->
                      new FileError(null, null, null, v.path(), v.focusNode() + ": " + v.message()))
              .toList();
      return fail(head, "commit " + head + " does not conform to the catalog shapes", errors);
    } catch (ProblemException | AccessDeniedException e) {
      return fail(head, "commit " + head + " was not applied: " + e.getMessage(), List.of());
    } catch (RuntimeException e) {
      LOG.error("Git sync: applying {} failed", head, e);
      return fail(head, "commit " + head + " was not applied: " + e.getMessage(), List.of());
    }
    Set<String> declared =
        results.stream().map(ApplyReport.Result::iri).collect(Collectors.toSet());
    List<String> pruned;
    try {
      pruned = config.prune() ? prune(managed, declared, principal, source) : List.of();
    } catch (RuntimeException e) {
      return fail(
          head,
          "commit "
              + head
              + " was applied, but deleting the products it no longer declares failed: "
              + e.getMessage(),
          List.of());
    }
    state.applied(head, clock.instant(), managed, declared);
    LOG.info("Git sync applied {} ({} documents, {} pruned)", head, results.size(), pruned.size());
    return new SyncResult("applied", head, results, pruned, null);
  }

  /**
   * The status: commits, last error and drift, as far as the caller may see it.
   *
   * @throws AccessDeniedException unless the caller is an admin or owns a managed domain
   * @throws ProblemException {@code not-found} (for admins) when no repository is configured
   */
  public GitSyncStatus status(Principal caller) {
    Set<String> managed = config.enabled() ? managed() : Set.of();
    if (!caller.isAdmin()
        && !(caller.roles().contains(Role.DOMAIN_OWNER)
            && managed.stream().anyMatch(caller.domains()::contains))) {
      throw new AccessDeniedException("admin or domain-owner of a domain managed in Git");
    }
    requireEnabled();
    return GitSyncStatus.of(config, state, managed, caller, revisions, checkout);
  }

  /** The domains the repository manages now. */
  Set<String> managed() {
    return config.domains().isEmpty() ? state.managed() : Set.copyOf(config.domains());
  }

  private Set<String> managedBy(GitDocuments docs) {
    if (!config.domains().isEmpty()) {
      return new LinkedHashSet<>(config.domains());
    }
    Set<String> declared = new LinkedHashSet<>(docs.declaredDomains());
    declared.remove(null);
    return declared;
  }

  private List<String> prune(
      Set<String> managed, Set<String> declared, Principal principal, RevisionSource source) {
    List<String> pruned = new ArrayList<>();
    for (Revision r : revisions.latestInDomains(managed)) {
      if ("DataProduct".equals(r.kind())
          && !"deleted".equals(r.action())
          && !declared.contains(r.entityIri())) {
        apply.deleteProduct(r.domain(), r.name(), principal, source);
        pruned.add(r.entityIri());
      }
    }
    return pruned;
  }

  private SyncResult fail(String commit, String message, List<FileError> errors) {
    Failure failure = new Failure(commit, clock.instant(), message, errors);
    state.failed(failure);
    LOG.warn(
        "Git sync: {} ({} errors); the last good commit stays {}",
        message,
        errors.size(),
        Objects.requireNonNullElse(state.appliedCommit(), "none"));
    return new SyncResult("failed", commit, List.of(), List.of(), failure);
  }

  /**
   * The sync's principal: an admin, so that it may create the managed domains, whose documents were
   * checked to belong to them before; its subject, the audit actor, names the repository.
   */
  private Principal principal(Set<String> managed) {
    String subject = "git:" + config.safeUrl();
    if (subject.length() > 255) {
      subject = subject.substring(0, 255);
    }
    return new Principal(subject, Set.of(Role.ADMIN), managed, Map.of());
  }

  private void requireEnabled() {
    if (!config.enabled()) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "Git sync is not configured (tessera.git.url)");
    }
  }
}
