package io.tessera.catalogserver.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.graphstore.Domain;
import io.tessera.ontology.IriMinter;
import java.util.List;

/** {@code /api/v1/domains}: the mesh's domains. */
@Tag(name = "Domains", description = "The mesh's domains")
@Controller("/api/v1/domains")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DomainController {
  private final DomainReads domains;
  private final ApplyService apply;
  private final RevisionRepository revisions;
  private final IriMinter iris;

  public DomainController(
      DomainReads domains, ApplyService apply, RevisionRepository revisions, IriMinter iris) {
    this.domains = domains;
    this.apply = apply;
    this.revisions = revisions;
    this.iris = iris;
  }

  /** Every domain, by name. */
  @Get
  public List<Domain> list(AccessScope scope) {
    return domains.list(scope);
  }

  /** One domain. */
  @Get("/{name}")
  public Domain get(@PathVariable String name, AccessScope scope) {
    return domains.find(name, scope);
  }

  /** Every revision of a domain's descriptor, oldest first. */
  @Get("/{name}/revisions")
  public List<RevisionView> revisions(@PathVariable String name, AccessScope scope) {
    domains.checkVisible(name, scope);
    List<RevisionView> history =
        revisions.history(iris.domain(name)).stream().map(RevisionView::of).toList();
    if (history.isEmpty()) {
      throw DomainReads.notFound(name);
    }
    return history;
  }

  /** Deletes a domain that has no data products. */
  @Delete("/{name}")
  public ApplyReport delete(Principal principal, @PathVariable String name) {
    return apply.deleteDomain(name, principal);
  }
}
