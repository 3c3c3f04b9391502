package io.tessera.catalogserver.api;

import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.FieldDef;

/** Library records the API serialises as they are. */
@SerdeImport(FieldDef.class)
@SerdeImport(Domain.class)
final class SerdeImports {
  private SerdeImports() {}
}
