package io.tessera.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes the OpenLineage stream of a mesh: per job one run, a START and a COMPLETE event (spec
 * 2-0-2) in job order, so producers come before consumers as under a scheduler. Every event carries
 * schema facets on inputs and outputs; about 40% of COMPLETE events also carry column lineage.
 */
final class EventWriter {
  static final String PRODUCER =
      "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0";
  private static final String RUN_SCHEMA =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final String FACETS = "https://openlineage.io/spec/facets/";
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** Events written, and how many of them carry a column-lineage facet. */
  record Counts(long events, long withColumnLineage) {}

  private final Topology topology;
  private final JsonFactory json = new JsonFactory();

  EventWriter(Topology topology) {
    this.topology = topology;
  }

  Counts write(Writer out) throws IOException {
    long events = 0;
    long columnLineage = 0;
    StringWriter line = new StringWriter(8192);
    for (int j = 0; j < topology.jobs(); j++) {
      Topology.Job job = topology.job(j);
      SplittableRandom r = topology.random(4, j);
      UUID runId =
          new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & ~(3L << 62)) | (1L << 63));
      Instant start = EPOCH.plusSeconds(60L * j + r.nextInt(60));
      Instant end = start.plusSeconds(5 + r.nextInt(900));
      boolean withColumns = r.nextDouble() < 0.4;
      for (String kind : List.of("START", "COMPLETE")) {
        line.getBuffer().setLength(0);
        boolean complete = kind.equals("COMPLETE");
        try (JsonGenerator g = json.createGenerator(line)) {
          writeEvent(g, job, runId, kind, complete ? end : start, complete && withColumns);
        }
        out.write(line.toString());
        out.write('\n');
        events++;
        if (complete && withColumns) {
          columnLineage++;
        }
      }
    }
    return new Counts(events, columnLineage);
  }

  private void writeEvent(
      JsonGenerator g, Topology.Job job, UUID runId, String kind, Instant at, boolean columns)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("eventType", kind);
    g.writeStringField("eventTime", at.toString());
    g.writeStringField("producer", PRODUCER);
    g.writeStringField("schemaURL", RUN_SCHEMA);
    g.writeObjectFieldStart("run");
    g.writeStringField("runId", runId.toString());
    g.writeEndObject();
    g.writeObjectFieldStart("job");
    g.writeStringField("namespace", job.namespace());
    g.writeStringField("name", job.name());
    g.writeObjectFieldStart("facets");
    facetStart(g, "jobType", "JobTypeJobFacet", "2-0-3");
    g.writeStringField("processingType", "BATCH");
    g.writeStringField("integration", "AIRFLOW");
    g.writeStringField("jobType", "TASK");
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("inputs");
    for (int input : job.inputs()) {
      Topology.Dataset ds = topology.dataset(input);
      g.writeStartObject();
      g.writeStringField("namespace", ds.namespace());
      g.writeStringField("name", ds.name());
      g.writeObjectFieldStart("facets");
      schema(g, ds);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("outputs");
    Topology.Dataset out = topology.dataset(job.output());
    g.writeStartObject();
    g.writeStringField("namespace", out.namespace());
    g.writeStringField("name", out.name());
    g.writeObjectFieldStart("facets");
    schema(g, out);
    if (columns) {
      columnLineage(g, job, out);
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void facetStart(JsonGenerator g, String field, String facet, String version)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("_producer", PRODUCER);
    g.writeStringField("_schemaURL", FACETS + version + "/" + facet + ".json#/$defs/" + facet);
  }

  private static void schema(JsonGenerator g, Topology.Dataset ds) throws IOException {
    facetStart(g, "schema", "SchemaDatasetFacet", "1-1-1");
    g.writeArrayFieldStart("fields");
    for (Topology.Column c : ds.columns()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.type());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The first few output columns, each derived from a column of one of the inputs. */
  private void columnLineage(JsonGenerator g, Topology.Job job, Topology.Dataset out)
      throws IOException {
    facetStart(g, "columnLineage", "ColumnLineageDatasetFacet", "1-2-0");
    g.writeObjectFieldStart("fields");
    int n = Math.min(5, out.columns().size());
    for (int c = 0; c < n; c++) {
      Topology.Dataset in = topology.dataset(job.inputs().get(c % job.inputs().size()));
      g.writeObjectFieldStart(out.columns().get(c).name());
      g.writeArrayFieldStart("inputFields");
      g.writeStartObject();
      g.writeStringField("namespace", in.namespace());
      g.writeStringField("name", in.name());
      g.writeStringField("field", in.columns().get(c % in.columns().size()).name());
      g.writeArrayFieldStart("transformations");
      g.writeStartObject();
      g.writeStringField("type", "DIRECT");
      g.writeStringField("subtype", c == 0 ? "IDENTITY" : "TRANSFORMATION");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
