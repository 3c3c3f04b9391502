package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.ontology.TesseraOntology;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TdbGraphStoreTest {
  static final TesseraOntology ONTOLOGY = new TesseraOntology();
  static final String VOCAB = "https://catalog.example/graph/vocabulary";
  static final String PREFIXES =
      """
      @prefix tess:  <https://w3id.org/tessera/ns#> .
      @prefix dprod: <https://ekgf.github.io/dprod/> .
      @prefix dct:   <http://purl.org/dc/terms/> .
      @prefix prov:  <http://www.w3.org/ns/prov#> .
      @prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
      @prefix ex:    <https://catalog.example/> .
      """;

  private final List<GraphStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(GraphStore::close);
  }

  private GraphStore inMemory() {
    return open(GraphStoreConfig.inMemory(VOCAB));
  }

  private GraphStore open(GraphStoreConfig config) {
    GraphStore store = new TdbGraphStore(config, ONTOLOGY);
    opened.add(store);
    return store;
  }

  static Graph turtle(String body) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(PREFIXES + body, Lang.TURTLE).parse(graph);
    return graph;
  }

  static Graph domain(String name) {
    return turtle(
        "ex:%s a tess:Domain ; rdfs:label \"%s\" ; skos:prefLabel \"%s\" ; dct:identifier \"%s\" ; tess:domainOwner <mailto:o@example.com> ."
            .formatted(name, name, name, name));
  }

  static String nquads(GraphStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.export(out, RdfFormat.NQUADS);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    Arrays.sort(lines);
    return String.join("\n", lines);
  }

  @Test
  void shouldRejectNonConformingWriteNamingNodePathAndMessageAndWriteNothing() {
    GraphStore store = inMemory();
    store.write(w -> w.replaceGraph("https://catalog.example/g/sales", domain("sales")));
    String before = nquads(store);
    long revision = store.revision();

    assertThatThrownBy(
            () ->
                store.write(
                    w -> {
                      w.replaceGraph("https://catalog.example/g/sales", domain("other"));
                      w.replaceGraph(
                          "https://catalog.example/g/bad",
                          turtle(
                              "ex:bad a tess:Domain ; rdfs:label \"Bad\" ; dct:identifier \"bad\" ."));
                    }))
        .isInstanceOfSatisfying(
            ShapeViolationException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(
                        v -> {
                          assertThat(v.focusNode()).isEqualTo("https://catalog.example/bad");
                          assertThat(v.path()).isEqualTo("https://w3id.org/tessera/ns#domainOwner");
                          assertThat(v.message()).isEqualTo("a domain needs an owner");
                        }));

    assertThat(nquads(store)).isEqualTo(before);
    assertThat(store.revision()).isEqualTo(revision);
  }

  @Test
  void shouldAnnounceChangesAfterCommitWithIncreasingRevisions() {
    GraphStore store = inMemory();
    List<ChangeEvent> seen = new ArrayList<>();
    List<Boolean> visibleWhenAnnounced = new ArrayList<>();
    store.subscribe(
        changes -> {
          seen.addAll(changes);
          visibleWhenAnnounced.add(
              store.read(r -> r.containsGraph("https://catalog.example/g/" + changes.size())));
        });

    long first =
        store.write(
            w -> {
              w.replaceGraph("https://catalog.example/g/1", domain("one"));
              w.changed(
                  "https://catalog.example/one",
                  ChangeEvent.EntityKind.DOMAIN,
                  ChangeEvent.ChangeType.UPSERT);
            });
    long second =
        store.write(
            w -> {
              w.removeGraph("https://catalog.example/g/1");
              w.changed(
                  "https://catalog.example/one",
                  ChangeEvent.EntityKind.DOMAIN,
                  ChangeEvent.ChangeType.DELETE);
            });

    assertThat(second).isGreaterThan(first);
    assertThat(seen)
        .containsExactly(
            new ChangeEvent(
                "https://catalog.example/one",
                ChangeEvent.EntityKind.DOMAIN,
                ChangeEvent.ChangeType.UPSERT,
                first),
            new ChangeEvent(
                "https://catalog.example/one",
                ChangeEvent.EntityKind.DOMAIN,
                ChangeEvent.ChangeType.DELETE,
                second));
    assertThat(visibleWhenAnnounced.getFirst()).isTrue();
  }

  @Test
  void shouldNeitherWriteNorAnnounceOnDryRunButStillValidate() {
    GraphStore store = inMemory();
    List<ChangeEvent> seen = new ArrayList<>();
    store.subscribe(seen::addAll);
    String before = nquads(store);

    store.dryRun(
        w -> {
          w.replaceGraph("https://catalog.example/g/sales", domain("sales"));
          w.changed(
              "https://catalog.example/sales",
              ChangeEvent.EntityKind.DOMAIN,
              ChangeEvent.ChangeType.UPSERT);
        });
    assertThatThrownBy(
            () ->
                store.dryRun(
                    w ->
                        w.replaceGraph(
                            "https://catalog.example/g/x", turtle("ex:x a tess:Domain ."))))
        .isInstanceOf(ShapeViolationException.class);

    assertThat(nquads(store)).isEqualTo(before);
    assertThat(seen).isEmpty();
  }

  @Test
  void shouldQueryTheUnionOfNamedGraphsWithBoundValues() {
    GraphStore store = inMemory();
    store.write(
        w -> {
          w.replaceGraph("https://catalog.example/g/sales", domain("sales"));
          w.replaceGraph("https://catalog.example/g/finance", domain("finance"));
        });
    Query query =
        QueryFactory.create(
            "PREFIX tess: <https://w3id.org/tessera/ns#> SELECT ?d WHERE { ?d a tess:Domain ; tess:domainOwner ?owner } ORDER BY ?d");

    assertThat(store.select(query, Map.of()))
        .extracting(r -> r.text("d"))
        .containsExactly("https://catalog.example/finance", "https://catalog.example/sales");
    assertThat(
            store.select(
                query, Map.of("d", NodeFactory.createURI("https://catalog.example/sales"))))
        .hasSize(1);
    assertThat(
            store.ask(
                QueryFactory.create("ASK { GRAPH <https://catalog.example/g/sales> { ?s ?p ?o } }"),
                Map.of()))
        .isTrue();
    assertThat(
            store
                .construct(
                    QueryFactory.create(
                        "PREFIX tess: <https://w3id.org/tessera/ns#> CONSTRUCT { ?d a tess:Domain } WHERE { ?d a tess:Domain }"),
                    Map.of())
                .size())
        .isEqualTo(2);
  }

  /** A store with the given query timeout holding 3,000 {@code ex:size} triples. */
  private GraphStore withManyTriples(Duration timeout) {
    GraphStore store = open(new GraphStoreConfig(null, timeout, VOCAB));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      many.append("ex:n").append(i).append(" ex:size \"").append(i).append("\" .\n");
    }
    store.write(w -> w.replaceGraph("https://catalog.example/g/many", turtle(many.toString())));
    return store;
  }

  @Test
  void shouldCancelAQueryThatRunsPastItsTimeout() {
    GraphStore store = withManyTriples(Duration.ofMillis(200));
    Query cartesian =
        QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }");

    assertThatThrownBy(() -> store.select(cartesian, Map.of()))
        .isInstanceOf(QueryTimeoutException.class);
  }

  @Test
  void shouldRunTheServersWholeCatalogReadsPastTheQueryTimeout() {
    GraphStore store = withManyTriples(Duration.ofMillis(100));
    Query pairs =
        QueryFactory.create(
            "PREFIX ex: <https://catalog.example/> SELECT (COUNT(*) AS ?n)"
                + " WHERE { ?a ex:size ?x . ?b ex:size ?y }");

    assertThatThrownBy(() -> store.select(pairs, Map.of()))
        .isInstanceOf(QueryTimeoutException.class);
    List<Row> rows = store.readWithoutTimeout(r -> r.select(pairs, Map.of()));
    assertThat(rows.getFirst().text("n")).isEqualTo(Integer.toString(3000 * 3000));
  }

  @ParameterizedTest
  @EnumSource(RdfFormat.class)
  void shouldRoundTripTheWholeStoreThroughExportAndImport(RdfFormat format) {
    GraphStore source = inMemory();
    source.write(
        w -> {
          w.replaceGraph("https://catalog.example/g/sales", domain("sales"));
          w.replaceGraph(
              "https://catalog.example/g/note",
              turtle("ex:note rdfs:comment \"naïve 😀 \\\"quoted\\\"\\nline\"@fr ."));
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    source.export(out, format);

    GraphStore target = inMemory();
    List<ChangeEvent> seen = new ArrayList<>();
    target.subscribe(seen::addAll);
    target.importAll(new ByteArrayInputStream(out.toByteArray()), format);

    assertThat(nquads(target)).isEqualTo(nquads(source));
    assertThat(seen).extracting(ChangeEvent::type).containsExactly(ChangeEvent.ChangeType.RESET);
  }

  @Test
  void shouldLeaveTheStoreUnchangedWhenAnImportCannotBeParsed() {
    GraphStore store = inMemory();
    store.write(w -> w.replaceGraph("https://catalog.example/g/sales", domain("sales")));
    String before = nquads(store);

    assertThatThrownBy(
            () ->
                store.importAll(
                    new ByteArrayInputStream(
                        "<a> <b> \"unterminated .".getBytes(StandardCharsets.UTF_8)),
                    RdfFormat.NQUADS))
        .isInstanceOf(ImportException.class);

    assertThat(nquads(store)).isEqualTo(before);
  }

  @Test
  void shouldKeepGraphsAndRevisionAcrossRestart(@TempDir Path dir) {
    GraphStoreConfig config =
        new GraphStoreConfig(dir.resolve("graph"), Duration.ofSeconds(5), VOCAB);
    GraphStore first = new TdbGraphStore(config, ONTOLOGY);
    long revision =
        first.write(w -> w.replaceGraph("https://catalog.example/g/sales", domain("sales")));
    String before = nquads(first);
    first.close();

    GraphStore second = open(config);

    assertThat(second.revision()).isEqualTo(revision);
    assertThat(nquads(second)).isEqualTo(before);
  }

  @Test
  void shouldKeepContentAndRevisionAndShrinkTheFilesWhenCompacted(@TempDir Path dir) {
    GraphStore store =
        open(new GraphStoreConfig(dir.resolve("graph"), Duration.ofSeconds(5), VOCAB));
    for (int i = 0; i < 30; i++) {
      String name = "d" + i;
      store.write(w -> w.replaceGraph("https://catalog.example/g/sales", domain(name)));
    }
    store.write(w -> w.replaceGraph("https://catalog.example/g/sales", domain("sales")));
    String before = nquads(store);
    long revision = store.revision();

    GraphStore.Compaction compaction = store.compact();

    assertThat(compaction.bytesAfter()).isLessThan(compaction.bytesBefore());
    assertThat(nquads(store)).isEqualTo(before);
    assertThat(store.revision()).isEqualTo(revision);
    store.write(w -> w.replaceGraph("https://catalog.example/g/finance", domain("finance")));
    assertThat(nquads(store)).contains("finance").contains("sales");
  }

  @Test
  void shouldDoNothingWhenAnInMemoryStoreIsCompacted() {
    GraphStore store = inMemory();
    store.write(w -> w.replaceGraph("https://catalog.example/g/sales", domain("sales")));
    String before = nquads(store);

    assertThat(store.compact()).isEqualTo(new GraphStore.Compaction(0, 0, Duration.ZERO));
    assertThat(nquads(store)).isEqualTo(before);
  }

  @Test
  void shouldSeeGraphsReplacedEarlierInTheSameTransaction() {
    GraphStore store = inMemory();
    List<String> seen = new ArrayList<>();

    store.write(
        w -> {
          w.replaceGraph("https://catalog.example/g/sales", domain("first"));
          w.replaceGraph("https://catalog.example/g/sales", domain("sales"));
          seen.add(String.valueOf(w.containsGraph("https://catalog.example/g/sales")));
          w.graph("https://catalog.example/g/sales")
              .find(null, null, null)
              .forEach(t -> seen.add(t.getObject().toString()));
          w.addToGraph(
              "https://catalog.example/g/sales",
              turtle("ex:sales dct:description \"Everything we sell\" ."));
        });

    assertThat(seen).contains("true", "\"sales\"").doesNotContain("\"first\"");
    assertThat(nquads(store))
        .contains("Everything we sell")
        .contains("\"sales\"")
        .doesNotContain("\"first\"");
  }

  @Test
  void shouldStoreExactlyTheReplacedContentOnDiskWithManyGraphsInOneTransaction(@TempDir Path dir) {
    GraphStoreConfig config =
        new GraphStoreConfig(dir.resolve("graph"), Duration.ofSeconds(5), VOCAB);
    GraphStore first = new TdbGraphStore(config, ONTOLOGY);
    first.write(
        w -> {
          for (int i = 0; i < 200; i++) {
            w.replaceGraph("https://catalog.example/g/d" + i, domain("d" + i));
          }
        });
    first.write(w -> w.replaceGraph("https://catalog.example/g/d7", domain("seven")));
    String before = nquads(first);
    first.close();

    GraphStore second = open(config);

    assertThat(nquads(second)).isEqualTo(before);
    assertThat(before.lines().filter(l -> l.contains("/g/d7>"))).hasSize(5);
    assertThat(before).contains("\"seven\"").doesNotContain("\"d7\"");
    int triplesOfD123 =
        second
            .read(r -> r.find(NodeFactory.createURI("https://catalog.example/d123"), null, null))
            .size();
    assertThat(triplesOfD123).isEqualTo(5);
  }

  @Test
  void shouldValidateAGraphByWhatItHoldsAfterLaterChangesInTheTransaction() {
    GraphStore store = inMemory();

    assertThatThrownBy(
            () ->
                store.write(
                    w -> {
                      w.replaceGraph("https://catalog.example/g/sales", domain("sales"));
                      w.addToGraph(
                          "https://catalog.example/g/sales",
                          turtle("ex:sales rdfs:label \"A second title\" ."));
                    }))
        .isInstanceOfSatisfying(
            ShapeViolationException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(v -> assertThat(v.message()).contains("exactly one title")));
    boolean written = store.read(r -> r.containsGraph("https://catalog.example/g/sales"));
    assertThat(written).isFalse();
  }
}
