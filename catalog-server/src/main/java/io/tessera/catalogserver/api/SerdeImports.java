package io.tessera.catalogserver.api;

import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.FieldDef;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.ObservationReport;

/** Library records the API serialises as they are. */
@SerdeImport(FieldDef.class)
@SerdeImport(DatasetRef.class)
@SerdeImport(LineageGraph.class)
@SerdeImport(LineageGraph.Node.class)
@SerdeImport(LineageGraph.Edge.class)
@SerdeImport(LineageGraph.Data.class)
@SerdeImport(LineageGraph.Key.class)
@SerdeImport(LineageGraph.Column.class)
@SerdeImport(ColumnLineage.class)
@SerdeImport(ColumnLineage.Field.class)
@SerdeImport(ColumnLineage.Edge.class)
@SerdeImport(ObservationReport.class)
@SerdeImport(ObservationReport.PortStatus.class)
@SerdeImport(Domain.class)
final class SerdeImports {
  private SerdeImports() {}
}
