package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.governance.LineageRedaction;
import io.tessera.lineage.LineageQueries;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/** {@code Dataset}: its product, details, fields, versions, jobs, quality and lineage. */
@Singleton
final class DatasetWiring implements TypeWiring {
  private final Visibility visibility;
  private final GraphQLConfig config;
  private final LineageQueries lineage;
  private final LineageRedaction redaction;
  private final IriMinter iris;

  DatasetWiring(
      Visibility visibility,
      GraphQLConfig config,
      LineageQueries lineage,
      LineageRedaction redaction,
      IriMinter iris) {
    this.visibility = visibility;
    this.config = config;
    this.lineage = lineage;
    this.redaction = redaction;
    this.iris = iris;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Dataset")
        .dataFetcher("product", new DatasetProductDataFetcher(visibility))
        .dataFetcher("description", new DatasetDetailsDataFetcher(false))
        .dataFetcher("physical", new DatasetDetailsDataFetcher(true))
        .dataFetcher("fields", new DatasetFieldsDataFetcher(config))
        .dataFetcher("versions", link(DatasetLinksDataFetcher.Link.VERSIONS))
        .dataFetcher("producedBy", link(DatasetLinksDataFetcher.Link.PRODUCED_BY))
        .dataFetcher("consumedBy", link(DatasetLinksDataFetcher.Link.CONSUMED_BY))
        .dataFetcher("quality", link(DatasetLinksDataFetcher.Link.QUALITY))
        .dataFetcher("lineage", new LineageDataFetcher(lineage, redaction, iris))
        .build();
  }

  private DatasetLinksDataFetcher link(DatasetLinksDataFetcher.Link link) {
    return new DatasetLinksDataFetcher(link, visibility, config);
  }
}
