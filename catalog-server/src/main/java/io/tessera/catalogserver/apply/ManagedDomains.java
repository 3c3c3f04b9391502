package io.tessera.catalogserver.apply;

/**
 * Domains whose descriptors one channel manages (the Git sync's repository), which other channels
 * may then not write. Every bean of this type is asked before an apply, retirement or deletion is
 * written; with none, every channel writes every domain its principal may.
 */
public interface ManagedDomains {

  /**
   * Checks that a write from {@code source} may change an entity of {@code domain}.
   *
   * @throws io.tessera.catalogserver.problem.ProblemException {@code managed-in-git} (409) naming
   *     where the domain is managed
   */
  void requireWritable(String domain, RevisionSource source);
}
