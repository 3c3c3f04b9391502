package io.tessera.catalogserver.gitsync;

import io.tessera.catalogserver.apply.ManagedDomains;
import io.tessera.catalogserver.apply.RevisionSource;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import jakarta.inject.Singleton;

/**
 * In exclusive mode ({@code tessera.git.exclusive}, the default), the domains the Git repository
 * manages are written by the Git sync only: applies, retirements and deletions from any other
 * channel are refused with {@code 409 managed-in-git}.
 */
@Singleton
final class GitManagedDomains implements ManagedDomains {
  private final GitSyncConfig config;
  private final GitSyncState state;

  GitManagedDomains(GitSyncConfig config, GitSyncState state) {
    this.config = config;
    this.state = state;
  }

  @Override
  public void requireWritable(String domain, RevisionSource source) {
    if (!config.enabled() || !config.exclusive() || source.fromGit()) {
      return;
    }
    if (managed(domain)) {
      throw new ProblemException(
          ProblemType.MANAGED_IN_GIT,
          "domain " + domain + " is managed in Git (" + config.describe() + "); change it there");
    }
  }

  /** Whether the repository manages the domain: configured, or declared by its applied commit. */
  boolean managed(String domain) {
    return config.domains().isEmpty()
        ? state.managed().contains(domain)
        : config.domains().contains(domain);
  }
}
