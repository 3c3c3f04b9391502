package io.tessera.lineage;

import io.tessera.ontology.DCAT3;
import io.tessera.ontology.DPROD;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The observed schemas of a dataset, kept in its lineage graph as numbered versions ({@code
 * tess:Schema}, {@code dcat:version}); the current one is the dataset's {@code dct:conformsTo}. A
 * schema facet that differs from the current version adds a version and records each difference as
 * a {@code tess:SchemaChange} with the run that caused it and the jobs and products that read the
 * dataset at that moment (impact).
 */
final class SchemaHistory {
  private final IriMinter iris;

  SchemaHistory(IriMinter iris) {
    this.iris = iris;
  }

  /**
   * Records an observed schema.
   *
   * @param run the run that observed it, or null for static metadata
   * @return the changes against the previous version (empty for the first one or an unchanged one)
   */
  List<SchemaDiff.Change> observe(
      ProjectionBatch batch,
      Resource dataset,
      List<SchemaDiff.Column> columns,
      String run,
      OffsetDateTime at) {
    Model m = dataset.getModel();
    Resource current = dataset.getPropertyResourceValue(DCTerms.conformsTo);
    List<SchemaDiff.Column> previous = current == null ? null : read(current);
    if (previous != null && SchemaDiff.same(previous, columns)) {
      return List.of();
    }
    int version =
        current == null ? 1 : Integer.parseInt(current.getProperty(DCAT3.version).getString()) + 1;
    Resource schema = m.createResource(iris.schemaVersion(dataset.getURI(), version));
    schema
        .addProperty(RDF.type, TESS.Schema)
        .addProperty(DCAT3.version, Integer.toString(version))
        .addLiteral(PROV.generatedAtTime, RdfTerms.time(m, at));
    if (run != null) {
      schema.addProperty(PROV.wasGeneratedBy, m.createResource(run));
    }
    if (current != null) {
      schema.addProperty(PROV.wasRevisionOf, current);
    }
    for (SchemaDiff.Column column : columns) {
      Resource field =
          m.createResource(iris.field(schema.getURI(), column.name()))
              .addProperty(RDF.type, TESS.Field)
              .addProperty(RDFS.label, column.name())
              .addLiteral(
                  TESS.ordinal, m.createTypedLiteral(column.ordinal(), XSDDatatype.XSDinteger));
      if (column.type() != null) {
        field.addProperty(TESS.dataType, column.type());
      }
      if (column.description() != null) {
        field.addProperty(DCTerms.description, column.description());
      }
      if (column.nullable() != null) {
        field.addLiteral(TESS.required, !column.nullable());
      }
      schema.addProperty(TESS.field, field);
    }
    RdfTerms.set(dataset, DCTerms.conformsTo, schema);
    if (previous == null) {
      return List.of();
    }
    List<SchemaDiff.Change> changes = SchemaDiff.diff(previous, columns);
    List<Node> impacted = readers(batch, dataset);
    for (int i = 0; i < changes.size(); i++) {
      SchemaDiff.Change change = changes.get(i);
      Resource node =
          m.createResource(schema.getURI() + "/change/" + i)
              .addProperty(RDF.type, TESS.SchemaChange)
              .addProperty(TESS.changeKind, change.kind())
              .addLiteral(TESS.breaking, change.breaking())
              .addProperty(TESS.fieldName, change.field())
              .addLiteral(PROV.generatedAtTime, RdfTerms.time(m, at));
      if (change.before() != null) {
        node.addProperty(TESS.before, change.before());
      }
      if (change.after() != null) {
        node.addProperty(TESS.after, change.after());
      }
      if (run != null) {
        node.addProperty(PROV.wasGeneratedBy, m.createResource(run));
      }
      impacted.forEach(reader -> node.addProperty(TESS.impacts, m.createResource(reader.getURI())));
      dataset.addProperty(TESS.schemaChange, node);
    }
    return changes;
  }

  /**
   * Jobs seen reading the dataset (so far, in journal order) and products declaring it as input.
   */
  private static List<Node> readers(ProjectionBatch batch, Resource dataset) {
    List<Node> readers = new ArrayList<>();
    Node ds = dataset.asNode();
    readers.addAll(batch.subjects(TESS.reads.asNode(), ds));
    readers.addAll(batch.subjects(DPROD.inputDataset.asNode(), ds));
    return readers.stream().distinct().sorted(Comparator.comparing(Node::getURI)).toList();
  }

  private static List<SchemaDiff.Column> read(Resource schema) {
    List<Resource> fields =
        new ArrayList<>(schema.listProperties(TESS.field).mapWith(Statement::getResource).toList());
    fields.sort(Comparator.comparingInt(f -> f.getProperty(TESS.ordinal).getInt()));
    return fields.stream()
        .map(
            f ->
                new SchemaDiff.Column(
                    f.getProperty(RDFS.label).getString(),
                    f.hasProperty(TESS.dataType) ? f.getProperty(TESS.dataType).getString() : null,
                    f.hasProperty(TESS.required)
                        ? !f.getProperty(TESS.required).getBoolean()
                        : null,
                    f.hasProperty(DCTerms.description)
                        ? f.getProperty(DCTerms.description).getString()
                        : null,
                    f.getProperty(TESS.ordinal).getInt()))
        .toList();
  }
}
