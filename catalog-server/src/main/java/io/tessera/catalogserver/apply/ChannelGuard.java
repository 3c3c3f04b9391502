package io.tessera.catalogserver.apply;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Asks every {@link ManagedDomains} whether a write's source may change the domains it touches. */
@Singleton
final class ChannelGuard {
  private final List<ManagedDomains> managed;

  ChannelGuard(List<ManagedDomains> managed) {
    this.managed = List.copyOf(managed);
  }

  /**
   * @throws io.tessera.catalogserver.problem.ProblemException when a domain is managed elsewhere
   */
  void check(Collection<String> domains, RevisionSource source) {
    for (String domain : new LinkedHashSet<>(domains)) {
      for (ManagedDomains m : managed) {
        m.requireWritable(domain, source);
      }
    }
  }
}
