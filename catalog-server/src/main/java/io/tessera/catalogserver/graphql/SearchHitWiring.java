package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/** {@code SearchHit}: the catalog entity a hit is about. */
@Singleton
final class SearchHitWiring implements TypeWiring {
  private final Visibility visibility;
  private final IriMinter iris;

  SearchHitWiring(Visibility visibility, IriMinter iris) {
    this.visibility = visibility;
    this.iris = iris;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("SearchHit")
        .dataFetcher("entity", new SearchHitEntityDataFetcher(visibility, iris))
        .build();
  }
}
