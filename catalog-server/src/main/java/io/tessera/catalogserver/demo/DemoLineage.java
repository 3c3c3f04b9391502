package io.tessera.catalogserver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes the OpenLineage events of the demo mesh: for every observed port a START and a COMPLETE
 * run of the job that builds the product (reading its input ports, writing the port with its schema
 * and column lineage), one failed run, and a breaking schema change a day later.
 */
final class DemoLineage {
  static final String PRODUCER = "https://tessera.local/demo";
  static final String JOB_NAMESPACE = "acme-airflow";

  private final ObjectMapper json = new ObjectMapper();

  /**
   * One observed port: the run that proved it and when.
   *
   * @param derived column lineage beyond same-named columns
   */
  record Observation(
      Product product, Port port, Instant at, String runId, List<Derivation> derived) {}

  /** An output column computed from columns of another dataset. */
  record Derivation(String column, DatasetRef from, List<String> fields) {}

  List<String> events(List<Observation> observations, Map<DatasetRef, List<FieldDef>> schemas) {
    List<String> events = new ArrayList<>();
    for (Observation o : observations) {
      ObjectNode start = run("START", o, o.at().minusSeconds(300), schemas);
      ObjectNode complete = run("COMPLETE", o, o.at(), schemas);
      events.add(start.toString());
      events.add(complete.toString());
    }
    if (!observations.isEmpty()) {
      Observation first = observations.getFirst();
      Observation failed =
          new Observation(
              first.product(),
              first.port(),
              first.at().plusSeconds(86_400),
              uuid(first.runId(), "failed"),
              first.derived());
      ObjectNode fail = run("FAIL", failed, failed.at(), schemas);
      ((ObjectNode) fail.path("run").path("facets"))
          .set(
              "errorMessage",
              facet()
                  .put("message", "Connection reset while writing batch 17 of 40")
                  .put("programmingLanguage", "python"));
      events.add(run("START", failed, failed.at().minusSeconds(120), schemas).toString());
      events.add(fail.toString());
      Observation changed =
          new Observation(
              first.product(),
              first.port(),
              first.at().plusSeconds(2 * 86_400),
              uuid(first.runId(), "changed"),
              first.derived());
      ObjectNode breaking = run("COMPLETE", changed, changed.at(), schemas);
      JsonNode fields =
          breaking.path("outputs").get(0).path("facets").path("schema").path("fields");
      if (fields.size() > 1) {
        ((ArrayNode) fields).remove(fields.size() - 1);
        ((ObjectNode) fields.get(0)).put("type", "bigint");
      }
      events.add(run("START", changed, changed.at().minusSeconds(300), schemas).toString());
      events.add(breaking.toString());
    }
    return events;
  }

  private ObjectNode run(
      String type, Observation o, Instant at, Map<DatasetRef, List<FieldDef>> schemas) {
    ObjectNode event = json.createObjectNode();
    event.put("eventType", type).put("eventTime", at.toString()).put("producer", PRODUCER);
    event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    ObjectNode run = event.putObject("run").put("runId", o.runId());
    run.putObject("facets")
        .set("nominalTime", facet().put("nominalStartTime", at.minusSeconds(300).toString()));
    ObjectNode job =
        event
            .putObject("job")
            .put("namespace", JOB_NAMESPACE)
            .put("name", o.product().domain() + "." + o.product().name() + "." + o.port().name());
    job.putObject("facets")
        .set(
            "documentation",
            facet()
                .put(
                    "description", "Builds " + o.product().title() + " (" + o.port().name() + ")"));
    ArrayNode inputs = event.putArray("inputs");
    List<DatasetRef> inputRefs = new ArrayList<>();
    o.product().inputPorts().stream()
        .map(Port::dataset)
        .filter(d -> d != null)
        .forEach(inputRefs::add);
    o.derived().stream()
        .map(Derivation::from)
        .filter(d -> !inputRefs.contains(d))
        .distinct()
        .forEach(inputRefs::add);
    for (DatasetRef in : inputRefs) {
      ObjectNode node = inputs.addObject().put("namespace", in.namespace()).put("name", in.name());
      List<FieldDef> fields = schemas.getOrDefault(in, List.of());
      if (!fields.isEmpty()) {
        node.putObject("facets").set("schema", schema(fields));
      }
    }
    ObjectNode out =
        event
            .putArray("outputs")
            .addObject()
            .put("namespace", o.port().dataset().namespace())
            .put("name", o.port().dataset().name());
    ObjectNode facets = out.putObject("facets");
    if (!o.port().schema().isEmpty()) {
      facets.set("schema", schema(o.port().schema()));
      ObjectNode lineage = columnLineage(o.port().schema(), inputRefs, schemas, o.derived());
      if (lineage != null) {
        facets.set("columnLineage", lineage);
      }
    }
    if (type.equals("COMPLETE")) {
      out.putObject("outputFacets")
          .set(
              "outputStatistics",
              facet().put("rowCount", 1000 + Math.abs(o.runId().hashCode() % 90_000)));
    }
    return event;
  }

  private ObjectNode schema(List<FieldDef> fields) {
    ObjectNode schema = facet();
    ArrayNode list = schema.putArray("fields");
    for (FieldDef f : fields) {
      ObjectNode field =
          list.addObject()
              .put("name", f.name())
              .put("type", f.type() == null ? "string" : f.type());
      if (f.description() != null) {
        field.put("description", f.description());
      }
    }
    return schema;
  }

  /**
   * A column derives from the same-named column of an input (identity), when one exists, and from
   * the columns its derivations name (a transformation).
   */
  private ObjectNode columnLineage(
      List<FieldDef> outFields,
      List<DatasetRef> inputs,
      Map<DatasetRef, List<FieldDef>> schemas,
      List<Derivation> derived) {
    ObjectNode facet = facet();
    ObjectNode fields = facet.putObject("fields");
    for (FieldDef out : outFields) {
      ArrayNode inputFields = json.createArrayNode();
      for (DatasetRef in : inputs) {
        Set<String> names =
            schemas.getOrDefault(in, List.of()).stream()
                .map(FieldDef::name)
                .collect(Collectors.toSet());
        if (names.contains(out.name())) {
          ObjectNode input =
              inputFields
                  .addObject()
                  .put("namespace", in.namespace())
                  .put("name", in.name())
                  .put("field", out.name());
          input
              .putArray("transformations")
              .addObject()
              .put("type", "DIRECT")
              .put("subtype", "IDENTITY")
              .put("masking", false);
        }
      }
      for (Derivation d : derived) {
        if (d.column().equals(out.name())) {
          for (String field : d.fields()) {
            inputFields
                .addObject()
                .put("namespace", d.from().namespace())
                .put("name", d.from().name())
                .put("field", field)
                .putArray("transformations")
                .addObject()
                .put("type", "DIRECT")
                .put("subtype", "TRANSFORMATION")
                .put("masking", false);
          }
        }
      }
      if (!inputFields.isEmpty()) {
        fields.putObject(out.name()).set("inputFields", inputFields);
      }
    }
    return fields.isEmpty() ? null : facet;
  }

  private ObjectNode facet() {
    return json.createObjectNode()
        .put("_producer", PRODUCER)
        .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-0/BaseFacet.json");
  }

  private static String uuid(String base, String salt) {
    return UUID.nameUUIDFromBytes((base + salt).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
