package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.Domain;

/** A {@code Domain} as GraphQL shows it. */
record DomainNode(Domain domain, String iri) {
  public String id() {
    return GlobalId.of("Domain", domain.name());
  }

  public String name() {
    return domain.name();
  }

  public String title() {
    return domain.title();
  }

  public String description() {
    return domain.description();
  }

  public String owner() {
    return domain.owner();
  }

  public long revision() {
    return domain.revision();
  }
}
