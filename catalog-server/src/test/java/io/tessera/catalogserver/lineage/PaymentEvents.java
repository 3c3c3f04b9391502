package io.tessera.catalogserver.lineage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Hand-built COMPLETE run events of a small payments pipeline in {@code postgres://db:5432}: a job
 * writing {@code finance.public.payments} with a given schema, and jobs reading it.
 */
final class PaymentEvents {
  static final String PG = "postgres://db:5432";
  static final String PAYMENTS = "finance.public.payments";
  static final String JOB_NAMESPACE = "finance-etl";

  private PaymentEvents() {}

  /** {@code load_payments} completing a write of the payments table with these columns. */
  static ObjectNode writePayments(String runId, String time, ObjectNode... schema) {
    ObjectNode event = event(runId, time, "load_payments", List.of(), List.of(PAYMENTS));
    ObjectNode facet =
        ((ObjectNode) event.get("outputs").get(0))
            .putObject("facets")
            .putObject("schema")
            .put("_producer", "https://example.com/tessera-tests")
            .put(
                "_schemaURL",
                "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
    ArrayNode fields = facet.putArray("fields");
    for (ObjectNode field : schema) {
      fields.add(field);
    }
    return event;
  }

  /** A column of a schema facet. */
  static ObjectNode field(String name, String type) {
    return LineageHttp.JSON.createObjectNode().put("name", name).put("type", type);
  }

  /**
   * A COMPLETE event of a job in {@link #JOB_NAMESPACE} reading and writing tables in {@link #PG}.
   */
  static ObjectNode event(
      String runId, String time, String job, List<String> inputs, List<String> outputs) {
    ObjectNode event = LineageHttp.JSON.createObjectNode();
    event
        .put("eventType", "COMPLETE")
        .put("eventTime", time)
        .put("producer", "https://example.com/tessera-tests")
        .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    event.putObject("run").put("runId", runId);
    event.putObject("job").put("namespace", JOB_NAMESPACE).put("name", job);
    ArrayNode in = event.putArray("inputs");
    inputs.forEach(name -> in.addObject().put("namespace", PG).put("name", name));
    ArrayNode out = event.putArray("outputs");
    outputs.forEach(name -> out.addObject().put("namespace", PG).put("name", name));
    return event;
  }
}
