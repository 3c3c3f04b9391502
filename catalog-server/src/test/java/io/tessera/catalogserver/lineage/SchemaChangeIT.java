package io.tessera.catalogserver.lineage;

import static io.tessera.catalogserver.lineage.PaymentEvents.PAYMENTS;
import static io.tessera.catalogserver.lineage.PaymentEvents.PG;
import static io.tessera.catalogserver.lineage.PaymentEvents.event;
import static io.tessera.catalogserver.lineage.PaymentEvents.field;
import static io.tessera.catalogserver.lineage.PaymentEvents.writePayments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.JournalEntry;
import io.tessera.lineage.LineageProjection;
import io.tessera.lineage.LineageProjector;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Successive {@code schema} facets of a dataset are compared: breaking changes (type changed,
 * column removed) and additive ones (column added) are recorded as {@code tess:SchemaChange} in the
 * dataset's lineage graph, with the run that caused them and the jobs and products that read the
 * dataset.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaChangeIT implements TestPropertyProvider {
  private static final String NODE = "dataset:" + PG + ":" + PAYMENTS;
  private static final String RUN_1 = "0196a000-0000-7000-8000-000000000001";
  private static final String RUN_2 = "0196a000-0000-7000-8000-000000000002";
  private static final String READER_RUN = "0196a000-0000-7000-8000-000000000003";
  private static final String RUN_4 = "0196a000-0000-7000-8000-000000000004";
  private static final String PREFIXES =
      """
      PREFIX tess: <https://w3id.org/tessera/ns#>
      PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      """;

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject GraphStore store;
  @Inject IriMinter iris;

  private LineageHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-schema-change-it");
  }

  @BeforeAll
  void declareAProductReadingTheDataset() {
    http = new LineageHttp(server.getURI(), projection);
    http.applyDescriptors(
        """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: finance}
        spec: {title: Finance, owner: "mailto:finance@example.com"}
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: finance, name: revenue-report}
        spec:
          owner: mailto:finance@example.com
          outputPorts:
            - name: revenue
              dataset: {namespace: "postgres://db:5432", name: finance.public.revenue}
          inputPorts:
            - dataset: {namespace: "postgres://db:5432", name: finance.public.payments}
        """);
  }

  /**
   * Lets the projection finish before the server stops: stopping interrupts the projection thread,
   * and an interrupt in the middle of a TDB2 commit closes the store's file channels
   * (ClosedByInterruptException), after which shutdown hangs for 10 s.
   */
  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  @Test
  @Order(1)
  void shouldRecordBreakingTypeChangeAndRemovalWithTheRunAndTheImpactedReaders() {
    http.awaitProjected(
        http.accept(
                writePayments(
                    RUN_1,
                    "2026-05-01T10:00:00Z",
                    field("id", "string"),
                    field("amount", "decimal"),
                    field("note", "string")))
            .path("id")
            .asLong());
    assertThat(changes()).isEmpty();
    // a third job reads the dataset before the second schema arrives
    http.awaitProjected(
        http.accept(
                event(
                    READER_RUN,
                    "2026-05-01T12:00:00Z",
                    "revenue_rollup",
                    List.of(PAYMENTS),
                    List.of("finance.public.revenue")))
            .path("id")
            .asLong());

    http.awaitProjected(
        http.accept(
                writePayments(
                    RUN_2,
                    "2026-05-02T10:00:00Z",
                    field("id", "string"),
                    field("amount", "string")))
            .path("id")
            .asLong());

    assertThat(changes())
        .containsExactlyInAnyOrder(
            "TYPE_CHANGED amount breaking=true decimal->string",
            "COLUMN_REMOVED note breaking=true string->");
    for (String kind : List.of("TYPE_CHANGED", "COLUMN_REMOVED")) {
      String change =
          "?c a tess:SchemaChange ; tess:changeKind \"%s\" ; tess:breaking true ; ".formatted(kind)
              + "prov:wasGeneratedBy <"
              + iris.run(RUN_2)
              + "> ; tess:impacts <"
              + iris.job("finance-etl", "revenue_rollup")
              + "> , <"
              + iris.product("finance", "revenue-report")
              + "> .";
      assertThat(ask("ASK { GRAPH <" + iris.datasetGraph(PG, PAYMENTS) + "> { " + change + " } }"))
          .as(kind)
          .isTrue();
    }
    assertThat(fields()).containsExactly("id:string", "amount:string");
  }

  @Test
  @Order(2)
  void shouldRecordAnAddedNullableColumnAsANonBreakingChange() {
    ObjectNode currency = field("currency", "string").put("nullable", true);
    http.awaitProjected(
        http.accept(
                writePayments(
                    RUN_4,
                    "2026-05-03T10:00:00Z",
                    field("id", "string"),
                    field("amount", "string"),
                    currency))
            .path("id")
            .asLong());

    assertThat(changes()).contains("COLUMN_ADDED currency breaking=false ->string").hasSize(3);
    assertThat(
            ask(
                "ASK { ?c tess:changeKind \"COLUMN_ADDED\" ; tess:fieldName \"currency\" ;"
                    + " tess:breaking false ; prov:wasGeneratedBy <"
                    + iris.run(RUN_4)
                    + "> }"))
        .isTrue();
    assertThat(fields()).containsExactly("id:string", "amount:string", "currency:string");
    assertThat(
            store
                .select(
                    QueryFactory.create(
                        PREFIXES
                            + "SELECT ?v WHERE { ?s a tess:Schema ; dcat:version ?v ;"
                            + " prov:wasGeneratedBy ?run }"),
                    Map.of())
                .size())
        .isEqualTo(3);
  }

  /**
   * Projection reads the readers of a dataset (for {@code tess:impacts}) from the committed store,
   * so a job whose read of the dataset is projected in the same batch as the schema change is not
   * seen. Batches are an optimisation (and a rebuild replays the whole journal in batches of 500),
   * so the recorded impact should not depend on them. Shown here on the library directly, on a
   * private in-memory store, with the same events as above: once one by one, once in one batch.
   */
  @Test
  @Order(3)
  void shouldRecordTheSameImpactWhetherTheReaderIsProjectedInTheSameBatchOrAnEarlierOne() {
    List<String> events =
        List.of(
            writePayments(
                    RUN_1, "2026-05-01T10:00:00Z", field("id", "string"), field("note", "string"))
                .toString(),
            event(
                    READER_RUN,
                    "2026-05-01T12:00:00Z",
                    "revenue_rollup",
                    List.of(PAYMENTS),
                    List.of("finance.public.revenue"))
                .toString(),
            writePayments(RUN_2, "2026-05-02T10:00:00Z", field("id", "string")).toString());

    List<String> oneByOne = impactsOfTheRemoval(events, false);
    List<String> oneBatch = impactsOfTheRemoval(events, true);

    assertThat(oneByOne).containsExactly(iris.job("finance-etl", "revenue_rollup"));
    assertThat(oneBatch).as("impacts when projected in one batch").isEqualTo(oneByOne);
  }

  private List<String> impactsOfTheRemoval(List<String> events, boolean oneBatch) {
    EventParser parser = new EventParser();
    List<JournalEntry> entries = new ArrayList<>();
    for (String json : events) {
      entries.add(
          new JournalEntry(
              entries.size() + 1, parser.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
    try (GraphStore memory =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(iris.vocabularyGraph()), new TesseraOntology())) {
      LineageProjector projector =
          new LineageProjector(memory, new ProductRepository(memory, iris), iris);
      if (oneBatch) {
        projector.project(entries);
      } else {
        entries.forEach(entry -> projector.project(List.of(entry)));
      }
      return memory
          .select(
              QueryFactory.create(
                  PREFIXES
                      + "SELECT ?reader WHERE { ?c tess:changeKind \"COLUMN_REMOVED\" ;"
                      + " tess:impacts ?reader } ORDER BY ?reader"),
              Map.of())
          .stream()
          .map(row -> row.text("reader"))
          .toList();
    }
  }

  private List<String> changes() {
    List<String> changes = new ArrayList<>();
    for (Row row :
        store.select(
            QueryFactory.create(
                PREFIXES
                    + "SELECT ?kind ?field ?breaking ?before ?after WHERE { GRAPH <"
                    + iris.datasetGraph(PG, PAYMENTS)
                    + "> { ?c a tess:SchemaChange ; tess:changeKind ?kind ; tess:fieldName ?field ;"
                    + " tess:breaking ?breaking . OPTIONAL { ?c tess:before ?before }"
                    + " OPTIONAL { ?c tess:after ?after } } }"),
            Map.of())) {
      changes.add(
          row.text("kind")
              + " "
              + row.text("field")
              + " breaking="
              + row.text("breaking")
              + " "
              + (row.text("before") == null ? "" : row.text("before"))
              + "->"
              + (row.text("after") == null ? "" : row.text("after")));
    }
    return changes;
  }

  private List<String> fields() {
    JsonNode node = LineageHttp.nodesById(http.lineage(NODE, 0, "both")).get(NODE);
    List<String> fields = new ArrayList<>();
    node.path("data")
        .path("fields")
        .forEach(f -> fields.add(f.path("name").asText() + ":" + f.path("type").asText()));
    return fields;
  }

  private boolean ask(String query) {
    return store.ask(QueryFactory.create(PREFIXES + query), Map.of());
  }
}
