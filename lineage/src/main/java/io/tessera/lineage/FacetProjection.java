package io.tessera.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.PortBinding;
import io.tessera.lineage.LineageEvent.Dataset;
import io.tessera.ontology.DQV;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Maps OpenLineage facets onto PROV, DCAT and DQV terms where a standard term fits, and keeps every
 * facet (known, custom or unknown) as received, so nothing a producer sent is lost.
 */
final class FacetProjection {
  private final IriMinter iris;

  FacetProjection(IriMinter iris) {
    this.iris = iris;
  }

  void runFacets(Resource run, ObjectNode facets) {
    Model m = run.getModel();
    JsonNode error = facets.path("errorMessage").path("message");
    if (error.isTextual()) {
      RdfTerms.set(run, TESS.errorMessage, m.createLiteral(error.asText()));
    }
    JsonNode nominal = facets.path("nominalTime").path("nominalStartTime");
    if (nominal.isTextual()) {
      try {
        RdfTerms.set(
            run, TESS.nominalStartTime, RdfTerms.time(m, OffsetDateTime.parse(nominal.asText())));
      } catch (DateTimeParseException e) {
        // kept only as the raw facet below
      }
    }
    JsonNode parent = facets.path("parent").path("run").path("runId");
    if (parent.isTextual()) {
      RdfTerms.set(run, DCTerms.isPartOf, m.createResource(iris.run(parent.asText())));
    }
    keepAll(run, facets);
  }

  /**
   * The identifiers of a dataset's {@code symlinks} facet (SymlinksDatasetFacet: {@code
   * identifiers[{namespace, name, type}]}) with a non-blank namespace and name, in the order the
   * producer gave them; none when the facet is absent or deleted.
   */
  static List<PortBinding.Symlink> symlinks(JsonNode datasetFacets) {
    return symlinkIdentifiers(datasetFacets.path("symlinks"));
  }

  /** The identifiers of one {@code symlinks} facet, as {@link #symlinks} reads them. */
  static List<PortBinding.Symlink> symlinkIdentifiers(JsonNode facet) {
    if (facet.path("_deleted").asBoolean(false)) {
      return List.of();
    }
    List<PortBinding.Symlink> links = new ArrayList<>();
    for (JsonNode link : facet.path("identifiers")) {
      String namespace = link.path("namespace").asText("");
      String name = link.path("name").asText("");
      if (link.path("namespace").isTextual()
          && link.path("name").isTextual()
          && !namespace.isBlank()
          && !name.isBlank()) {
        String type = link.path("type").isTextual() ? link.get("type").asText() : null;
        PortBinding.Symlink symlink =
            new PortBinding.Symlink(new DatasetRef(namespace, name), type);
        if (!links.contains(symlink)) {
          links.add(symlink);
        }
      }
    }
    return links;
  }

  void jobFacets(Resource job, ObjectNode facets) {
    JsonNode description = facets.path("documentation").path("description");
    if (description.isTextual()) {
      RdfTerms.set(job, DCTerms.description, job.getModel().createLiteral(description.asText()));
    }
    owners(job, facets.path("ownership"));
    keepAll(job, facets);
  }

  void datasetFacets(Resource ds, ObjectNode facets, String runIri) {
    Model m = ds.getModel();
    JsonNode description = facets.path("documentation").path("description");
    if (description.isTextual()) {
      RdfTerms.set(ds, DCTerms.description, m.createLiteral(description.asText()));
    }
    JsonNode type = facets.path("datasetType").path("datasetType");
    if (type.isTextual()) {
      RdfTerms.set(ds, DCTerms.type, m.createLiteral(type.asText()));
    }
    owners(ds, facets.path("ownership"));
    for (PortBinding.Symlink link : symlinks(facets)) {
      ds.addProperty(
          PROV.alternateOf,
          RdfTerms.dataset(m, iris, link.identifier().namespace(), link.identifier().name()));
    }
    JsonNode lifecycle = facets.path("lifecycleStateChange");
    String change = lifecycle.path("lifecycleStateChange").asText("");
    if (change.equals("DROP") && runIri != null) {
      ds.addProperty(PROV.wasInvalidatedBy, m.createResource(runIri));
    }
    JsonNode previous = lifecycle.path("previousIdentifier");
    if (change.equals("RENAME")
        && previous.path("namespace").isTextual()
        && previous.path("name").isTextual()) {
      ds.addProperty(
          PROV.wasRevisionOf,
          RdfTerms.dataset(
              m, iris, previous.get("namespace").asText(), previous.get("name").asText()));
    }
    keepAll(ds, facets);
  }

  /** Column lineage: a derivation per input field, with transformation type and subtype. */
  void columnLineage(Model m, Resource outDataset, JsonNode facet) {
    JsonNode fields = facet.path("fields");
    if (!fields.isObject()) {
      return;
    }
    fields
        .properties()
        .forEach(
            entry -> {
              Resource out = field(m, outDataset.getURI(), entry.getKey());
              for (JsonNode input : entry.getValue().path("inputFields")) {
                if (!input.path("namespace").isTextual()
                    || !input.path("name").isTextual()
                    || !input.path("field").isTextual()) {
                  continue;
                }
                Resource inDataset =
                    RdfTerms.dataset(
                        m, iris, input.get("namespace").asText(), input.get("name").asText());
                Resource in = field(m, inDataset.getURI(), input.get("field").asText());
                out.addProperty(PROV.wasDerivedFrom, in);
                JsonNode transformations = input.path("transformations");
                if (transformations.isArray() && !transformations.isEmpty()) {
                  for (JsonNode t : transformations) {
                    derivation(
                        out,
                        in,
                        t.path("type").asText(null),
                        t.path("subtype").asText(null),
                        t.path("masking"));
                  }
                } else {
                  // spec 1-0-x: one free-text transformationType per output field (e.g. IDENTITY),
                  // which the current facet expresses as a DIRECT transformation of that subtype
                  JsonNode legacy = entry.getValue().path("transformationType");
                  String subtype =
                      legacy.isTextual() && !legacy.asText().isBlank() ? legacy.asText() : null;
                  derivation(
                      out, in, subtype == null ? null : "DIRECT", subtype, input.path("masking"));
                }
              }
            });
  }

  private Resource field(Model m, String datasetIri, String name) {
    return m.createResource(iris.datasetField(datasetIri, name))
        .addProperty(RDF.type, TESS.Field)
        .addProperty(RDFS.label, name);
  }

  private static void derivation(
      Resource out, Resource in, String type, String subtype, JsonNode masking) {
    Model m = out.getModel();
    String key = in.getURI() + "|" + type + "|" + subtype;
    Resource d = m.createResource(out.getURI() + "/derivation/" + RdfTerms.hash(key));
    d.removeProperties();
    d.addProperty(RDF.type, PROV.Derivation).addProperty(PROV.entity, in);
    if (type != null && !type.isBlank()) {
      d.addProperty(TESS.transformationType, type);
    }
    if (subtype != null && !subtype.isBlank()) {
      d.addProperty(TESS.transformationSubtype, subtype);
    }
    if (masking.isBoolean()) {
      d.addLiteral(TESS.masking, masking.asBoolean());
    }
    out.addProperty(PROV.qualifiedDerivation, d);
  }

  /** Quality measurements (DQV) from metrics, assertions and input/output statistics. */
  void quality(Resource run, List<Dataset> inputs, List<Dataset> outputs, OffsetDateTime at) {
    for (Dataset dataset : inputs) {
      measure(run, dataset, dataset.facets().path("dataQualityMetrics"), at);
      measure(run, dataset, dataset.ioFacets().path("dataQualityMetrics"), at);
      statistics(run, dataset, dataset.ioFacets().path("inputStatistics"), at);
      assertions(run, dataset, dataset.facets().path("dataQualityAssertions"), at);
      assertions(run, dataset, dataset.ioFacets().path("dataQualityAssertions"), at);
    }
    for (Dataset dataset : outputs) {
      measure(run, dataset, dataset.facets().path("dataQualityMetrics"), at);
      statistics(run, dataset, dataset.ioFacets().path("outputStatistics"), at);
      assertions(run, dataset, dataset.facets().path("dataQualityAssertions"), at);
    }
    for (Dataset dataset : concat(inputs, outputs)) {
      String base =
          run.getURI() + "/io/" + RdfTerms.hash(dataset.namespace() + "/" + dataset.name());
      dataset
          .ioFacets()
          .properties()
          .forEach(e -> RdfTerms.keepFacet(run, base, e.getKey(), e.getValue()));
    }
  }

  private void measure(Resource run, Dataset dataset, JsonNode metrics, OffsetDateTime at) {
    if (!metrics.isObject()) {
      return;
    }
    String ds = iris.dataset(dataset.namespace(), dataset.name());
    for (String metric : List.of("rowCount", "bytes", "fileCount")) {
      if (metrics.path(metric).isNumber()) {
        measurement(run, ds, null, metric, metrics.get(metric), at);
      }
    }
    metrics
        .path("columnMetrics")
        .properties()
        .forEach(
            column ->
                column
                    .getValue()
                    .properties()
                    .forEach(
                        value -> {
                          if (value.getValue().isNumber()) {
                            measurement(
                                run, ds, column.getKey(), value.getKey(), value.getValue(), at);
                          }
                        }));
  }

  private void statistics(Resource run, Dataset dataset, JsonNode stats, OffsetDateTime at) {
    String ds = iris.dataset(dataset.namespace(), dataset.name());
    for (String metric : List.of("rowCount", "size", "fileCount")) {
      if (stats.path(metric).isNumber()) {
        measurement(run, ds, null, metric, stats.get(metric), at);
      }
    }
  }

  private void assertions(Resource run, Dataset dataset, JsonNode facet, OffsetDateTime at) {
    String ds = iris.dataset(dataset.namespace(), dataset.name());
    for (JsonNode assertion : facet.path("assertions")) {
      if (assertion.path("assertion").isTextual() && assertion.path("success").isBoolean()) {
        String column =
            assertion.path("column").isTextual() ? assertion.get("column").asText() : null;
        measurement(
            run, ds, column, assertion.get("assertion").asText(), assertion.get("success"), at);
      }
    }
  }

  private void measurement(
      Resource run,
      String datasetIri,
      String column,
      String metric,
      JsonNode value,
      OffsetDateTime at) {
    Model m = run.getModel();
    String target = column == null ? datasetIri : iris.datasetField(datasetIri, column);
    Resource measurement =
        m.createResource(run.getURI() + "/quality/" + RdfTerms.hash(target + "|" + metric));
    measurement.removeProperties();
    measurement
        .addProperty(RDF.type, DQV.QualityMeasurement)
        .addProperty(DQV.computedOn, m.createResource(target))
        .addProperty(DQV.isMeasurementOf, m.createResource(iris.metric(metric)))
        .addProperty(PROV.wasGeneratedBy, run)
        .addLiteral(PROV.generatedAtTime, RdfTerms.time(m, at));
    if (value.isBoolean()) {
      measurement.addLiteral(DQV.value, value.asBoolean());
    } else if (value.isIntegralNumber()) {
      measurement.addLiteral(DQV.value, m.createTypedLiteral(value.bigIntegerValue()));
    } else {
      measurement.addLiteral(DQV.value, value.asDouble());
    }
    // the metric is named by its IRI (its last segment): declaring it (a dqv:Metric with a label)
    // in every run graph wrote two quads per metric per run that nothing reads
  }

  private void owners(Resource owned, JsonNode ownership) {
    for (JsonNode owner : ownership.path("owners")) {
      if (owner.path("name").isTextual()) {
        owned.addProperty(
            PROV.wasAttributedTo,
            owned
                .getModel()
                .createResource(iris.agent(owner.get("name").asText()))
                .addProperty(RDF.type, PROV.Agent)
                .addProperty(RDFS.label, owner.get("name").asText()));
      }
    }
  }

  private static void keepAll(Resource owner, ObjectNode facets) {
    for (Map.Entry<String, JsonNode> facet : facets.properties()) {
      RdfTerms.keepFacet(owner, owner.getURI(), facet.getKey(), facet.getValue());
    }
  }

  private static List<Dataset> concat(List<Dataset> a, List<Dataset> b) {
    List<Dataset> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
