package io.tessera.catalogserver.api;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Reading domains through a caller's scope, for {@code GET /api/v1/domains} and the MCP tools: a
 * domain the caller may not discover answers like a missing one ({@code no domain named 'x'}).
 */
@Singleton
public class DomainReads {
  private final DomainRepository domains;
  private final IriMinter iris;

  public DomainReads(DomainRepository domains, IriMinter iris) {
    this.domains = domains;
    this.iris = iris;
  }

  /** Every domain the caller may discover, by name. */
  public List<Domain> list(AccessScope scope) {
    return domains.list().stream()
        .filter(d -> scope.mayDiscover(iris.domainGraph(d.name())))
        .toList();
  }

  /** One domain. */
  public Domain find(String name, AccessScope scope) {
    checkVisible(name, scope);
    return domains.find(name).orElseThrow(() -> notFound(name));
  }

  /** Fails like a missing domain unless the caller may discover it. */
  public void checkVisible(String name, AccessScope scope) {
    if (!IriMinter.isSlug(name) || !scope.mayDiscover(iris.domainGraph(name))) {
      throw notFound(name);
    }
  }

  /** The answer for a domain that does not exist, or that the caller may not discover. */
  public static ProblemException notFound(String name) {
    return new ProblemException(ProblemType.NOT_FOUND, "no domain named '" + name + "'");
  }
}
