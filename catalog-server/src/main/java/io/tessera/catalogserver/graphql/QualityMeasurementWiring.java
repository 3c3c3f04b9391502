package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.graphstore.QualityMeasurement;
import jakarta.inject.Singleton;

/** {@code QualityMeasurement}: the run that measured it. */
@Singleton
final class QualityMeasurementWiring implements TypeWiring {
  private final Visibility visibility;

  QualityMeasurementWiring(Visibility visibility) {
    this.visibility = visibility;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("QualityMeasurement")
        .dataFetcher(
            "run",
            new RunDataFetcher(visibility, env -> env.<QualityMeasurement>getSource().runIri()))
        .build();
  }
}
