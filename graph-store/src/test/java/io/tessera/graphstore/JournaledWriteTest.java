package io.tessera.graphstore;

import static io.tessera.graphstore.TdbGraphStoreTest.domain;
import static io.tessera.graphstore.TdbGraphStoreTest.turtle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write made on one copy of the store and journaled as a patch leaves another copy that applies
 * the patch holding the same quads, blank nodes included, and announcing the same changes.
 */
class JournaledWriteTest {
  private static final String G = "https://catalog.example/graph/";

  private final List<GraphStore> opened = new ArrayList<>();
  private final List<GraphPatch> journal = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(GraphStore::close);
  }

  private GraphStore store() {
    GraphStore store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(TdbGraphStoreTest.VOCAB), TdbGraphStoreTest.ONTOLOGY);
    opened.add(store);
    return store;
  }

  private long journaled(GraphStore store, java.util.function.Consumer<GraphWriter> work) {
    return store.write(
        work,
        (position, patch) -> {
          assertThat(position).isEqualTo(journal.size() + 1L);
          journal.add(patch);
        });
  }

  private static void replay(GraphStore target, List<GraphPatch> entries) {
    for (int i = 0; i < entries.size(); i++) {
      target.apply(i + 1, entries.get(i));
    }
  }

  /**
   * The store's quads as a dataset, blank node labels kept (so equal means the same blank nodes).
   */
  private static DatasetGraph quads(GraphStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.export(out, RdfFormat.NQUADS);
    DatasetGraph dsg = DatasetGraphFactory.create();
    RDFParser.fromString(out.toString(StandardCharsets.UTF_8), Lang.NQUADS)
        .labelToNode(org.apache.jena.riot.lang.LabelToNode.createUseLabelAsGiven())
        .parse(dsg);
    return dsg;
  }

  private static String sorted(DatasetGraph dsg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, dsg, Lang.NQUADS);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    java.util.Arrays.sort(lines);
    return String.join("\n", lines)
        .replaceAll("<urn:tessera:store:commit-revision> \"\\d+\"", "REV");
  }

  @Test
  void aReplicaThatAppliesTheJournalHoldsTheSameQuadsAsTheWriter() {
    GraphStore writer = store();
    GraphStore replica = store();
    Graph withBlankNodes =
        turtle(
            "ex:sales a tess:Domain ; rdfs:label \"Sales\" ; skos:prefLabel \"Sales\" ;"
                + " dct:identifier \"sales\" ; tess:domainOwner <mailto:o@example.com> ;"
                + " rdfs:seeAlso [ rdfs:label \"a blank node\" ] .");

    assertThat(journaled(writer, w -> w.replaceGraph(G + "sales", withBlankNodes))).isEqualTo(1);
    journaled(writer, w -> w.replaceGraph(G + "sales", domain("sales")));
    journaled(writer, w -> w.addToGraph(G + "ops", domain("ops")));
    journaled(writer, w -> w.updateGraph(G + "ops", domain("ops"), domain("operations")));
    journaled(writer, w -> w.replaceGraph(G + "hr", domain("hr")));
    journaled(writer, w -> w.removeGraph(G + "hr"));
    replay(replica, journal);

    assertThat(sorted(quads(replica))).isEqualTo(sorted(quads(writer)));
    assertThat(replica.journalPosition()).isEqualTo(6).isEqualTo(writer.journalPosition());
    assertThat(journal.get(1).rdfPatch()).contains("D ").contains("A ");
  }

  @Test
  void blankNodesKeepTheirIdentityAcrossReplicasSoALaterDeleteFindsThem() {
    GraphStore writer = store();
    GraphStore replica = store();
    Graph first =
        turtle(
            "ex:d a tess:Domain ; rdfs:label \"D\" ; skos:prefLabel \"D\" ; dct:identifier \"d\" ;"
                + " tess:domainOwner <mailto:o@example.com> ; rdfs:seeAlso [ rdfs:label \"x\" ] .");
    journaled(writer, w -> w.replaceGraph(G + "d", first));
    replay(replica, journal);
    journaled(writer, w -> w.replaceGraph(G + "d", domain("d")));
    replica.apply(2, journal.get(1));

    int replicaSize = replica.read(r -> r.graph(G + "d").size());
    int writerSize = writer.read(r -> r.graph(G + "d").size());
    assertThat(replicaSize).isEqualTo(writerSize).isEqualTo(domain("d").size());
  }

  @Test
  void aFailedAppendLeavesTheGraphAsItWasAndAnInvalidWriteAppendsNothing() {
    GraphStore writer = store();
    journaled(writer, w -> w.replaceGraph(G + "sales", domain("sales")));
    String before = sorted(quads(writer));

    assertThatThrownBy(
            () ->
                writer.write(
                    w -> w.replaceGraph(G + "sales", domain("renamed")),
                    (position, patch) -> {
                      throw new IllegalStateException("the database is down");
                    }))
        .hasMessageContaining("database is down");
    assertThat(sorted(quads(writer))).isEqualTo(before);
    assertThat(writer.journalPosition()).isEqualTo(1);

    Graph invalid = turtle("ex:x a tess:Domain .");
    assertThatThrownBy(() -> journaled(writer, w -> w.replaceGraph(G + "x", invalid)))
        .isInstanceOf(ShapeViolationException.class);
    assertThat(journal).hasSize(1);
  }

  @Test
  void replayedChangesAreAnnouncedAsReplayedWithTheWritersPositionAndOldEntriesAreIgnored() {
    GraphStore writer = store();
    GraphStore replica = store();
    List<ChangeEvent> written = new ArrayList<>();
    List<ChangeEvent> replayed = new ArrayList<>();
    writer.subscribe(written::addAll);
    replica.subscribe(replayed::addAll);
    journaled(
        writer,
        w -> {
          w.replaceGraph(G + "sales", domain("sales"));
          w.changed(G + "sales", ChangeEvent.EntityKind.DOMAIN, ChangeEvent.ChangeType.UPSERT);
        });
    replay(replica, journal);
    replica.apply(1, journal.getFirst());

    assertThat(written).singleElement().satisfies(e -> assertThat(e.replayed()).isFalse());
    assertThat(replayed)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.replayed()).isTrue();
              assertThat(e.journalPosition()).isEqualTo(1);
              assertThat(e.entityIri()).isEqualTo(G + "sales");
              assertThat(e.kind()).isEqualTo(ChangeEvent.EntityKind.DOMAIN);
            });
  }

  @Test
  void aJournaledWriteThatChangesNothingIsStillAppended() {
    GraphStore writer = store();
    journaled(writer, w -> {});
    assertThat(journal).singleElement().satisfies(p -> assertThat(p.isEmpty()).isTrue());
    assertThat(writer.journalPosition()).isEqualTo(1);
  }

  @Test
  void aStoreRestoredFromASnapshotHoldsTheSameQuadsAndTakesLaterJournalEntries() {
    GraphStore writer = store();
    GraphStore restored = store();
    Graph first =
        turtle(
            "ex:d a tess:Domain ; rdfs:label \"D\" ; skos:prefLabel \"D\" ; dct:identifier \"d\" ;"
                + " tess:domainOwner <mailto:o@example.com> ; rdfs:seeAlso [ rdfs:label \"x\" ] .");
    journaled(writer, w -> w.replaceGraph(G + "d", first));
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    writer.snapshot(snapshot);
    List<ChangeEvent> told = new ArrayList<>();
    restored.subscribe(told::addAll);

    restored.restore(new java.io.ByteArrayInputStream(snapshot.toByteArray()));
    assertThat(restored.journalPosition()).isEqualTo(1);
    assertThat(told)
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(ChangeEvent.ChangeType.RESET));

    // the blank node of the snapshot is the writer's: the next entry's delete finds it
    journaled(writer, w -> w.replaceGraph(G + "d", domain("d")));
    restored.apply(2, journal.get(1));
    int restoredSize = restored.read(r -> r.graph(G + "d").size());
    assertThat(restoredSize).isEqualTo(domain("d").size());
    assertThat(restored.journalPosition()).isEqualTo(2);

    assertThatThrownBy(
            () -> restored.restore(new java.io.ByteArrayInputStream("A <x> garbage".getBytes())))
        .isInstanceOf(ImportException.class);
    assertThat(restored.journalPosition()).isEqualTo(2);
  }
}
