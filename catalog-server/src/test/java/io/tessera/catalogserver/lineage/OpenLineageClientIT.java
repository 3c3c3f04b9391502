package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.HttpTransportResponseException;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real OpenLineage Java client (openlineage-java, HTTP transport, unmodified) posting to the
 * running server, with an API key and with and without gzip compression.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenLineageClientIT implements TestPropertyProvider {
  private static final String NAMESPACE = "client-it";
  private static final String PG = "postgres://db:5432";
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private LineageHttp http;
  private OpenLineageClient plain;
  private OpenLineageClient gzip;
  private final OpenLineage ol = new OpenLineage(URI.create("https://example.org/test-producer"));

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-lineage-client-it");
  }

  @BeforeAll
  void connect() {
    http = new LineageHttp(server.getURI(), projection);
    plain = client(null);
    gzip = client(HttpConfig.Compression.GZIP);
  }

  @AfterAll
  void disconnect() throws Exception {
    // stopping the server interrupts the projection thread; let it finish first
    http.awaitAllProjected();
    plain.close();
    gzip.close();
  }

  private OpenLineageClient client(HttpConfig.Compression compression) {
    HttpConfig config = new HttpConfig();
    config.setUrl(server.getURI());
    ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
    auth.setApiKey(TestCredentials.ADMIN_TOKEN);
    config.setAuth(auth);
    config.setCompression(compression);
    return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
  }

  @Test
  void shouldAcceptRunDatasetAndJobEventsFromTheClientPlainAndGzipped() {
    UUID runId = UUID.fromString("0195f2a0-1b2c-7d3e-8f40-5a6b7c8d9e01");
    long before = projection.status().journal();

    plain.emit(runEvent(OpenLineage.RunEvent.EventType.START, runId, T0));
    gzip.emit(runEvent(OpenLineage.RunEvent.EventType.COMPLETE, runId, T0.plusMinutes(3)));
    gzip.emit(
        ol.newDatasetEventBuilder()
            .eventTime(T0.plusMinutes(5))
            .dataset(
                ol.newStaticDatasetBuilder()
                    .namespace(PG)
                    .name("shop.public.customers")
                    .facets(
                        ol.newDatasetFacetsBuilder()
                            .schema(schema("customer_id:string", "country:string"))
                            .build())
                    .build())
            .build());
    plain.emit(
        ol.newJobEventBuilder()
            .eventTime(T0.plusMinutes(6))
            .job(ol.newJobBuilder().namespace(NAMESPACE).name("export_customers").build())
            .inputs(
                List.of(
                    ol.newInputDatasetBuilder()
                        .namespace(PG)
                        .name("shop.public.customers")
                        .build()))
            .outputs(
                List.of(
                    ol.newOutputDatasetBuilder()
                        .namespace("s3://exports")
                        .name("customers.parquet")
                        .build()))
            .build());

    assertThat(projection.status().journal()).isEqualTo(before + 4);
    JsonNode events = http.get("/api/v1/events/lineage?limit=1000&sortDirection=asc");
    List<String> schemaUrls = new ArrayList<>();
    for (JsonNode event : events.path("events")) {
      if (event.path("eventTime").asText().startsWith("2026-04-01")) {
        schemaUrls.add(event.path("schemaURL").asText());
      }
    }
    assertThat(schemaUrls)
        .containsExactly(
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent",
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent");

    http.awaitAllProjected();
    String job = "job:" + NAMESPACE + ":load_orders";
    JsonNode node = LineageHttp.nodesById(http.lineage(job, 1, "both")).get(job);
    assertThat(node.path("inEdges").findValuesAsText("origin"))
        .containsExactly("dataset:kafka://broker:9092:checkout.events");
    assertThat(node.path("outEdges").findValuesAsText("destination"))
        .containsExactly("dataset:" + PG + ":shop.public.orders");
    assertThat(node.path("data").path("latestRunState").asText()).isEqualTo("COMPLETE");
    JsonNode orders =
        LineageHttp.nodesById(http.lineage("dataset:" + PG + ":shop.public.orders", 0, "both"))
            .get("dataset:" + PG + ":shop.public.orders");
    assertThat(orders.path("data").path("fields").findValuesAsText("name"))
        .containsExactly("order_id", "total");
    JsonNode columns =
        http.columnLineage("dataset:" + PG + ":shop.public.orders", "total", 1, "upstream");
    assertThat(columns.path("edges")).hasSize(1);
    assertThat(columns.path("edges").get(0).path("from").path("field").asText())
        .isEqualTo("amount");
    assertThat(columns.path("edges").get(0).path("transformationType").asText())
        .isEqualTo("DIRECT");
    assertThat(columns.path("edges").get(0).path("transformationSubtype").asText())
        .isEqualTo("AGGREGATION");
    JsonNode customers =
        LineageHttp.nodesById(
                http.lineage("dataset:" + PG + ":shop.public.customers", 1, "downstream"))
            .get("dataset:" + PG + ":shop.public.customers");
    assertThat(customers.path("data").path("fields").findValuesAsText("name"))
        .containsExactly("customer_id", "country");
    assertThat(customers.path("outEdges").findValuesAsText("destination"))
        .containsExactly("job:" + NAMESPACE + ":export_customers");
  }

  @Test
  void shouldThrowHttpTransportResponseExceptionWhenTheServerRejectsAnEvent() {
    // the client cannot build a non-UUID run id or a zone-less time; a run without a runId it can
    long before = projection.status().journal();
    OpenLineage.RunEvent noRunId =
        ol.newRunEventBuilder()
            .eventType(OpenLineage.RunEvent.EventType.START)
            .eventTime(T0)
            .run(ol.newRunBuilder().build())
            .job(ol.newJobBuilder().namespace(NAMESPACE).name("broken").build())
            .inputs(List.of())
            .outputs(List.of())
            .build();
    OpenLineage.JobEvent noNamespace =
        ol.newJobEventBuilder()
            .eventTime(T0)
            .job(ol.newJobBuilder().name("nameless").build())
            .build();

    assertThatThrownBy(() -> gzip.emit(noRunId))
        .isInstanceOfSatisfying(
            HttpTransportResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getBody()).contains(LineageHttp.INVALID_EVENT).contains("run.runId");
            });
    assertThatThrownBy(() -> plain.emit(noNamespace))
        .isInstanceOfSatisfying(
            HttpTransportResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getBody()).contains("job.namespace");
            });
    assertThat(projection.status().journal()).isEqualTo(before);
  }

  private OpenLineage.RunEvent runEvent(
      OpenLineage.RunEvent.EventType type, UUID runId, ZonedDateTime at) {
    OpenLineage.ColumnLineageDatasetFacet columnLineage =
        ol.newColumnLineageDatasetFacetBuilder()
            .fields(
                ol.newColumnLineageDatasetFacetFieldsBuilder()
                    .put(
                        "total",
                        ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                            .inputFields(
                                List.of(
                                    ol.newInputFieldBuilder()
                                        .namespace("kafka://broker:9092")
                                        .name("checkout.events")
                                        .field("amount")
                                        .transformations(
                                            List.of(
                                                ol.newInputFieldTransformationsBuilder()
                                                    .type("DIRECT")
                                                    .subtype("AGGREGATION")
                                                    .masking(false)
                                                    .build()))
                                        .build()))
                            .build())
                    .build())
            .build();
    return ol.newRunEventBuilder()
        .eventType(type)
        .eventTime(at)
        .run(ol.newRunBuilder().runId(runId).build())
        .job(ol.newJobBuilder().namespace(NAMESPACE).name("load_orders").build())
        .inputs(
            List.of(
                ol.newInputDatasetBuilder()
                    .namespace("kafka://broker:9092")
                    .name("checkout.events")
                    .build()))
        .outputs(
            List.of(
                ol.newOutputDatasetBuilder()
                    .namespace(PG)
                    .name("shop.public.orders")
                    .facets(
                        ol.newDatasetFacetsBuilder()
                            .schema(schema("order_id:string", "total:decimal"))
                            .columnLineage(columnLineage)
                            .build())
                    .build()))
        .build();
  }

  private OpenLineage.SchemaDatasetFacet schema(String... columns) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    for (String column : columns) {
      String[] parts = column.split(":");
      fields.add(ol.newSchemaDatasetFacetFieldsBuilder().name(parts[0]).type(parts[1]).build());
    }
    return ol.newSchemaDatasetFacetBuilder().fields(fields).build();
  }
}
