package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Caller queries over a scoped view of a real (in-memory) TDB2 store: a product graph and its
 * observed graph are hidden; nothing of them may come back through any query form, while the same
 * query over the unrestricted store does return it (so each check can fail).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedQueryTest {
  private static final String G = "https://catalog.example/graph/product/";
  private static final String VISIBLE = G + "sales/orders";
  private static final String HIDDEN = G + "hr/secret-salaries";
  private static final String PREFIX = "PREFIX ex: <https://catalog.example/>\n";
  private static final ReadScope SCOPE =
      new ReadScope(
          VisibilityScope.allGraphsExcept(Set.of(HIDDEN)),
          VisibilityScope.onlyGraphs(Set.of(G + "sales", G + "hr", TdbGraphStoreTest.VOCAB)));

  private GraphStore store;

  @BeforeAll
  void load() {
    store =
        new TdbGraphStore(
            new GraphStoreConfig(null, Duration.ofSeconds(10), TdbGraphStoreTest.VOCAB),
            TdbGraphStoreTest.ONTOLOGY);
    store.write(
        w -> {
          w.replaceGraph(
              VISIBLE,
              TdbGraphStoreTest.turtle(
                  """
                  ex:orders ex:label "Orders" ; ex:next ex:mid ;
                    ex:note [ ex:text "visible note" ] .
                  """));
          w.replaceGraph(VISIBLE + "/observed", TdbGraphStoreTest.turtle("ex:orders ex:state 1 ."));
          w.replaceGraph(
              HIDDEN,
              TdbGraphStoreTest.turtle(
                  """
                  ex:secretSalaries ex:label "Salaries" ; ex:note [ ex:text "secret note" ] .
                  ex:orders ex:label "secret alias" .
                  ex:mid ex:next ex:secretEnd .
                  """));
          w.replaceGraph(
              HIDDEN + "/observed", TdbGraphStoreTest.turtle("ex:secretSalaries ex:state 2 ."));
        });
  }

  @AfterAll
  void close() {
    store.close();
  }

  static Stream<String> queriesThatWouldReachTheHiddenGraphs() {
    return Stream.of(
        "SELECT * { ?s ?p ?o }",
        "SELECT * { GRAPH ?g { ?s ?p ?o } }",
        "SELECT ?g { GRAPH ?g { } }",
        "SELECT * { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } }",
        "SELECT * { GRAPH <" + HIDDEN + "> { ?s ?p ?o } }",
        "SELECT (GROUP_CONCAT(STR(?o)) AS ?all) { ?s ?p ?o }",
        "SELECT * { { SELECT ?o { ?s ex:label ?o } } }",
        "SELECT ?x { ex:orders ex:next+ ?x }",
        "SELECT ?x { ex:orders ex:next/ex:next ?x }",
        "SELECT * { ?s (ex:label|ex:state) ?o }",
        "SELECT * { ?s !ex:nothing ?o }",
        "SELECT * { GRAPH ?g { ?s ex:next* ?o } }",
        "SELECT * { GRAPH <" + HIDDEN + "> { ?s ex:next* ?o } }",
        "SELECT ?l { ?s ex:label ?l FILTER EXISTS { ?s ex:next+ ex:secretEnd } }",
        "SELECT ?l { ?s ex:label ?l FILTER EXISTS { ?s ex:next/ex:next ex:secretEnd } }",
        "SELECT * FROM <" + HIDDEN + "> { ?s ?p ?o }",
        "SELECT * FROM NAMED <" + HIDDEN + "> { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM <urn:x-arq:UnionGraph> { ?s ?p ?o }",
        "SELECT * FROM <" + HIDDEN + "> { ?s ex:next+ ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        "CONSTRUCT { ?s ex:next ?o } WHERE { ?s ex:next+ ?o }",
        "DESCRIBE ex:secretSalaries",
        "DESCRIBE ex:orders",
        "DESCRIBE ?s WHERE { ?s ex:label ?l }",
        "DESCRIBE ?s WHERE { ?s ex:next* ?o }");
  }

  @ParameterizedTest
  @MethodSource("queriesThatWouldReachTheHiddenGraphs")
  void shouldReturnNothingOfHiddenGraphs(String query) {
    assertThat(answer(query, ReadScope.everything())).contains("secret");
    assertThat(answer(query, SCOPE)).doesNotContain("secret");
  }

  @ParameterizedTest
  @MethodSource("asksForHiddenFacts")
  void shouldAnswerNoToAskAboutHiddenFacts(String query) {
    assertThat(answer(query, ReadScope.everything())).isEqualTo("true");
    assertThat(answer(query, SCOPE)).isEqualTo("false");
  }

  static Stream<String> asksForHiddenFacts() {
    return Stream.of(
        "ASK { ?s ex:label \"Salaries\" }",
        "ASK { GRAPH ?g { ex:orders ex:label \"secret alias\" } }",
        "ASK { GRAPH <" + HIDDEN + "> { } }",
        "ASK { ex:orders ex:next/ex:next ex:secretEnd }",
        "ASK { ex:orders ex:next+ ex:secretEnd }",
        "ASK FROM <" + HIDDEN + "> { ?s ?p ?o }",
        "ASK { ex:orders ex:next ?o FILTER EXISTS { ?s ex:label \"secret alias\" } }");
  }

  @Test
  void shouldKeepTheHiddenGraphsOutOfAProtocolDataset() {
    DatasetDescription dataset = DatasetDescription.create(List.of(HIDDEN), List.of(HIDDEN));
    var query =
        QueryFactory.create(PREFIX + "SELECT * { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }");
    assertThat(store.query(query, dataset, ReadScope.everything(), 100_000).toString())
        .contains("secret");
    assertThat(((SparqlResult.Solutions) store.query(query, dataset, SCOPE, 100_000)).rows())
        .isEmpty();
  }

  @Test
  void shouldAnswerFromTheVisibleGraphs() {
    assertThat(answer("SELECT ?l { ex:orders ex:label ?l }", SCOPE))
        .contains("orders")
        .doesNotContain("alias");
    assertThat(answer("SELECT ?g { GRAPH ?g { } } ORDER BY ?g", SCOPE))
        .contains(VISIBLE, VISIBLE + "/observed")
        .doesNotContain("secret");
    assertThat(answer("SELECT ?x { ex:orders ex:next+ ?x }", SCOPE)).contains("mid");
    assertThat(answer("DESCRIBE ex:orders", SCOPE)).contains("visible note", "orders");
    assertThat(answer("SELECT * FROM NAMED <" + VISIBLE + "> { GRAPH ?g { ?s ?p ?o } }", SCOPE))
        .contains("orders");
    assertThat(answer("ASK { ex:orders ex:state 1 }", SCOPE)).isEqualTo("true");
  }

  @Test
  void shouldHonourTheDatasetOfAnUnrestrictedQuery() {
    ReadScope all = ReadScope.everything();
    assertThat(answer("SELECT * FROM <" + VISIBLE + "> { ?s ?p ?o }", all))
        .contains("orders")
        .doesNotContain("secret", "salaries");
    assertThat(answer("SELECT ?g FROM NAMED <" + HIDDEN + "> { GRAPH ?g { } }", all))
        .contains(HIDDEN)
        .doesNotContain(VISIBLE);
    assertThat(answer("SELECT * FROM <" + G + "no/such-graph> { ?s ?p ?o }", all)).isEqualTo("[]");
    assertThat(answer("ASK FROM <" + G + "no/such-graph> { ?s ?p ?o }", all)).isEqualTo("false");
    var protocol = DatasetDescription.create(List.of(HIDDEN + "/observed"), List.of());
    var query = QueryFactory.create(PREFIX + "SELECT * FROM <" + VISIBLE + "> { ?s ?p ?o }");
    var rows = ((SparqlResult.Solutions) store.query(query, protocol, all, 100)).rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.toString()).contains("secretSalaries").doesNotContain("orders");
  }

  @Test
  void shouldTruncateAtTheLimitAndSaySo() {
    var query = QueryFactory.create(PREFIX + "SELECT * { ?s ?p ?o }");
    var solutions = (SparqlResult.Solutions) store.query(query, null, SCOPE, 2);
    assertThat(solutions.rows()).hasSize(2);
    assertThat(solutions.truncated()).isTrue();
    var all = (SparqlResult.Solutions) store.query(query, null, SCOPE, 100_000);
    assertThat(all.truncated()).isFalse();
    var triples =
        (SparqlResult.Triples)
            store.query(
                QueryFactory.create(PREFIX + "CONSTRUCT WHERE { ?s ?p ?o }"), null, SCOPE, 3);
    assertThat(triples.graph().size()).isEqualTo(3);
    assertThat(triples.truncated()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void shouldExportOnlyVisibleGraphsUnderThePrefixes(ExportFormat format) {
    assertThat(export(format, ReadScope.everything())).contains("secret", "visible note");
    String scoped = export(format, SCOPE);
    assertThat(scoped).contains("visible note").doesNotContain("secret");
    assertThat(scoped).doesNotContain("lifecycle");
  }

  private String export(ExportFormat format, ReadScope scope) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.export(out, format, List.of(G), scope);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldRefuseRemoteServices() {
    var query =
        QueryFactory.create("SELECT * { SERVICE <http://localhost:9/sparql> { ?s ?p ?o } }");
    assertThatThrownBy(() -> store.query(query, null, ReadScope.everything(), 10))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("SERVICE");
  }

  private String answer(String query, ReadScope scope) {
    return switch (store.query(QueryFactory.create(PREFIX + query), null, scope, 100_000)) {
      case SparqlResult.Solutions s -> s.rows().toString().toLowerCase(Locale.ROOT);
      case SparqlResult.Answer a -> Boolean.toString(a.value());
      case SparqlResult.Triples t -> t.graph().find().toList().toString().toLowerCase(Locale.ROOT);
    };
  }
}
