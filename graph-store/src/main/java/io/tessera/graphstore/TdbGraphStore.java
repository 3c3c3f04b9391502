package io.tessera.graphstore;

import io.tessera.graphstore.tdb.StoreGenerations;
import io.tessera.graphstore.tdb.TxnAccess;
import io.tessera.ontology.TesseraOntology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph store on an embedded Jena TDB2 dataset, on disk or in memory. The default graph of
 * queries is the union of the named graphs. Writers are serialised; readers never wait for writers,
 * only for the moment a compaction switches to its new files.
 */
public final class TdbGraphStore implements GraphStore {
  private static final Logger LOG = LoggerFactory.getLogger(TdbGraphStore.class);
  private static final Node META_GRAPH = NodeFactory.createURI("urn:tessera:graph:store");
  private static final Node META_SUBJECT = NodeFactory.createURI("urn:tessera:store");
  private static final Node COMMIT_REVISION =
      NodeFactory.createURI("urn:tessera:store:commit-revision");
  private static final Node JOURNAL_POSITION =
      NodeFactory.createURI("urn:tessera:store:journal-position");

  private final GraphStoreConfig config;

  /**
   * Every transaction holds the read side for its whole life; a compaction takes the write side
   * only to switch to the compacted files, so no transaction ever spans a switch (TDB2's own
   * compaction switches under open read transactions, which then lose their state and keep the old
   * files' exclusivity lock for ever).
   */
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

  /** Held by every write transaction, and by a compaction while it copies the current state. */
  private final ReentrantLock writers = new ReentrantLock();

  private volatile Dataset dataset;
  private volatile DatasetGraph dsg;
  private final Shapes shapes;
  private final Graph vocabulary;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  /** Opens (or creates) the store and makes sure it holds the current vocabulary. */
  public TdbGraphStore(GraphStoreConfig config, TesseraOntology ontology) {
    this.config = config;
    if (config.directory() == null) {
      connect(TDB2Factory.createDataset());
    } else {
      StoreGenerations.tidy(config.directory());
      connect(TDB2Factory.connectDataset(config.directory().toString()));
    }
    this.shapes = ontology.shapes();
    this.vocabulary = ontology.vocabulary();
    installVocabulary();
  }

  @Override
  public <T> T read(Function<GraphReader, T> work) {
    return inRead(() -> work.apply(new TxnAccess(dataset, config.queryTimeout())));
  }

  @Override
  public <T> T readWithoutTimeout(Function<GraphReader, T> work) {
    return inRead(() -> work.apply(new TxnAccess(dataset, null)));
  }

  /** Runs {@code work} in a read transaction, inside the gate. */
  private <T> T inRead(Supplier<T> work) {
    gate.readLock().lock();
    try {
      dataset.begin(TxnType.READ);
      try {
        return work.get();
      } finally {
        dataset.end();
      }
    } finally {
      gate.readLock().unlock();
    }
  }

  /** Runs {@code work} (which begins and ends its own write transaction) inside the gate. */
  private <T> T inWrite(Supplier<T> work) {
    writers.lock();
    try {
      gate.readLock().lock();
      try {
        return work.get();
      } finally {
        gate.readLock().unlock();
      }
    } finally {
      writers.unlock();
    }
  }

  @Override
  public long write(Consumer<GraphWriter> work) {
    return transact(work, true, null);
  }

  @Override
  public long write(Consumer<GraphWriter> work, JournalAppend journal) {
    return transact(work, true, java.util.Objects.requireNonNull(journal));
  }

  @Override
  public void dryRun(Consumer<GraphWriter> work) {
    transact(work, false, null);
  }

  private long transact(Consumer<GraphWriter> work, boolean commit, JournalAppend journal) {
    return inWrite(() -> transactInGate(work, commit, journal));
  }

  private long transactInGate(Consumer<GraphWriter> work, boolean commit, JournalAppend journal) {
    List<ChangeEvent> committed = new ArrayList<>();
    long revision;
    long position = 0;
    dataset.begin(TxnType.WRITE);
    try {
      TxnAccess writer = new TxnAccess(dataset, config.queryTimeout());
      ByteArrayOutputStream patch = new ByteArrayOutputStream();
      RDFChanges recorder = journal == null ? null : RDFPatchOps.textWriter(patch);
      if (recorder != null) {
        recorder.start();
      }
      writer.record(recorder);
      work.accept(writer);
      writer.flush();
      List<Violation> violations = validate(writer);
      if (!violations.isEmpty()) {
        throw new ShapeViolationException(violations);
      }
      revision = currentRevision();
      if (journal != null) {
        position = currentJournalPosition() + 1;
        recorder.finish();
        List<GraphPatch.Change> changes =
            writer.changes().stream()
                .map(c -> new GraphPatch.Change(c.entityIri(), c.kind(), c.type()))
                .toList();
        journal.append(position, new GraphPatch(patch.toString(StandardCharsets.UTF_8), changes));
        setJournalPosition(position);
      } else if (!commit || !writer.hasWrites()) {
        dataset.abort();
        return revision;
      }
      revision++;
      setRevision(revision);
      for (TxnAccess.PendingChange change : writer.changes()) {
        committed.add(
            new ChangeEvent(
                change.entityIri(), change.kind(), change.type(), revision, position, false));
      }
      dataset.commit();
    } finally {
      if (dataset.isInTransaction()) {
        dataset.abort();
      }
      dataset.end();
    }
    announce(committed);
    return journal == null ? revision : position;
  }

  @Override
  public void apply(long position, GraphPatch patch) {
    inWrite(
        () -> {
          applyInGate(position, patch);
          return null;
        });
  }

  private void applyInGate(long position, GraphPatch patch) {
    List<ChangeEvent> committed = new ArrayList<>();
    dataset.begin(TxnType.WRITE);
    try {
      if (position <= currentJournalPosition()) {
        dataset.abort();
        return;
      }
      if (!patch.isEmpty()) {
        new RDFPatchReaderText(
                new java.io.ByteArrayInputStream(patch.rdfPatch().getBytes(StandardCharsets.UTF_8)))
            .apply(new RDFChangesApply(dsg));
      }
      setJournalPosition(position);
      long revision = currentRevision() + 1;
      setRevision(revision);
      for (GraphPatch.Change change : patch.changes()) {
        committed.add(
            new ChangeEvent(
                change.entityIri(), change.kind(), change.type(), revision, position, true));
      }
      dataset.commit();
    } finally {
      if (dataset.isInTransaction()) {
        dataset.abort();
      }
      dataset.end();
    }
    announce(committed);
  }

  @Override
  public long journalPosition() {
    return inRead(this::currentJournalPosition);
  }

  private long currentJournalPosition() {
    return stored(JOURNAL_POSITION);
  }

  private void setJournalPosition(long position) {
    store(JOURNAL_POSITION, position);
  }

  private List<Violation> validate(TxnAccess writer) {
    if (writer.validationGraphs().isEmpty()) {
      return List.of();
    }
    Graph data = GraphFactory.createDefaultGraph();
    vocabulary.find().forEach(data::add);
    for (Node graph : writer.validationGraphs()) {
      writer.validationContent(graph).find().forEach(data::add);
    }
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    List<Violation> violations = new ArrayList<>();
    for (ReportEntry entry : report.getEntries()) {
      violations.add(
          new Violation(
              entry.focusNode().toString(),
              entry.resultPath() == null ? "" : stripBrackets(entry.resultPath().toString()),
              entry.message()));
    }
    return violations;
  }

  private static String stripBrackets(String path) {
    return path.startsWith("<") && path.endsWith(">") && path.indexOf('>') == path.length() - 1
        ? path.substring(1, path.length() - 1)
        : path;
  }

  private void announce(List<ChangeEvent> changes) {
    if (changes.isEmpty()) {
      return;
    }
    for (ChangeListener listener : listeners) {
      try {
        listener.onCommit(changes);
      } catch (RuntimeException e) {
        LOG.error(
            "change listener {} failed on revision {}", listener, changes.getFirst().revision(), e);
      }
    }
  }

  @Override
  public long revision() {
    return inRead(this::currentRevision);
  }

  private long currentRevision() {
    return stored(COMMIT_REVISION);
  }

  private void setRevision(long revision) {
    store(COMMIT_REVISION, revision);
  }

  /** A number the store keeps about itself in its own graph (0 when it has none yet). */
  private long stored(Node property) {
    var found = dsg.find(META_GRAPH, META_SUBJECT, property, Node.ANY);
    try {
      return found.hasNext() ? Long.parseLong(found.next().getObject().getLiteralLexicalForm()) : 0;
    } finally {
      Iter.close(found);
    }
  }

  private void store(Node property, long value) {
    dsg.deleteAny(META_GRAPH, META_SUBJECT, property, Node.ANY);
    dsg.add(
        META_GRAPH,
        META_SUBJECT,
        property,
        NodeFactory.createLiteralDT(
            Long.toString(value), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
  }

  @Override
  public void export(OutputStream out, RdfFormat format) {
    inRead(
        () -> {
          RDFDataMgr.write(out, dsg, format.lang());
          return null;
        });
  }

  @Override
  public void export(
      OutputStream out, ExportFormat format, List<String> prefixes, ReadScope scope) {
    inRead(
        () -> {
          exportScoped(out, format, prefixes, scope);
          return null;
        });
  }

  private void exportScoped(
      OutputStream out, ExportFormat format, List<String> prefixes, ReadScope scope) {
    List<Node> graphs = new ArrayList<>();
    dsg.listGraphNodes()
        .forEachRemaining(
            g -> {
              if (g.isURI()
                  && prefixes.stream().anyMatch(g.getURI()::startsWith)
                  && scope.mayRead(g.getURI())) {
                graphs.add(g);
              }
            });
    graphs.sort(Comparator.comparing(Node::getURI));
    ScopedExport.write(dsg, graphs, format, out);
  }

  @Override
  public void importAll(InputStream in, RdfFormat format) {
    DatasetGraph incoming = DatasetGraphFactory.create();
    try {
      RDFParser.source(in).lang(format.lang()).parse(incoming);
    } catch (RiotException e) {
      throw new ImportException("cannot parse the " + format + " import: " + e.getMessage(), e);
    }
    Node vocabularyGraph = NodeFactory.createURI(config.vocabularyGraph());
    write(
        w -> {
          TxnAccess access = (TxnAccess) w;
          long revision = currentRevision();
          dsg.clear();
          incoming.find().forEachRemaining(q -> dsg.add(q));
          dsg.deleteAny(META_GRAPH, Node.ANY, Node.ANY, Node.ANY);
          setRevision(revision);
          dsg.deleteAny(vocabularyGraph, Node.ANY, Node.ANY, Node.ANY);
          vocabulary
              .find()
              .forEach(
                  t -> dsg.add(vocabularyGraph, t.getSubject(), t.getPredicate(), t.getObject()));
          dsg.listGraphNodes().forEachRemaining(g -> access.validateWith(g.getURI()));
          access.markWritten();
          w.changed(
              config.vocabularyGraph(), ChangeEvent.EntityKind.STORE, ChangeEvent.ChangeType.RESET);
        });
  }

  @Override
  public void snapshot(OutputStream out) {
    inRead(
        () -> {
          RDFChanges writer = RDFPatchOps.textWriter(out);
          writer.start();
          dsg.find()
              .forEachRemaining(
                  q -> writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
          writer.finish();
          return null;
        });
  }

  @Override
  public void restore(InputStream snapshot) {
    inWrite(
        () -> {
          restoreInGate(snapshot);
          return null;
        });
  }

  private void restoreInGate(InputStream snapshot) {
    Node vocabularyGraph = NodeFactory.createURI(config.vocabularyGraph());
    long revision;
    dataset.begin(TxnType.WRITE);
    try {
      revision = currentRevision() + 1;
      dsg.clear();
      new RDFPatchReaderText(snapshot).apply(new RDFChangesApply(dsg));
      dsg.deleteAny(vocabularyGraph, Node.ANY, Node.ANY, Node.ANY);
      vocabulary
          .find()
          .forEach(t -> dsg.add(vocabularyGraph, t.getSubject(), t.getPredicate(), t.getObject()));
      revision = Math.max(revision, currentRevision() + 1);
      setRevision(revision);
      dataset.commit();
    } catch (RiotException e) {
      throw new ImportException("cannot read the snapshot: " + e.getMessage(), e);
    } finally {
      if (dataset.isInTransaction()) {
        dataset.abort();
      }
      dataset.end();
    }
    announce(
        List.of(
            new ChangeEvent(
                config.vocabularyGraph(),
                ChangeEvent.EntityKind.STORE,
                ChangeEvent.ChangeType.RESET,
                revision)));
  }

  @Override
  public void subscribe(ChangeListener listener) {
    listeners.add(listener);
  }

  /**
   * Copies the current state into a new generation of files while readers go on and writers wait,
   * then switches to it between two transactions (readers wait only for the switch), and deletes
   * the old generation. Killed midway, the store opens on the newest complete generation (see
   * {@link StoreGenerations}).
   */
  @Override
  public Compaction compact() {
    if (config.directory() == null) {
      return new Compaction(0, 0, Duration.ZERO);
    }
    long started = System.nanoTime();
    writers.lock();
    try {
      long before = diskUse();
      StoreGenerations generations = new StoreGenerations(config.directory());
      Path copy = generations.prepareCopy();
      inRead(
          () -> {
            StoreGenerations.copy(dsg, copy);
            return null;
          });
      gate.writeLock().lock();
      try {
        Path old = generations.install(copy);
        TDBInternal.expel(dsg);
        connect(TDB2Factory.connectDataset(config.directory().toString()));
        generations.delete(old);
      } finally {
        gate.writeLock().unlock();
      }
      return new Compaction(before, diskUse(), Duration.ofNanos(System.nanoTime() - started));
    } finally {
      writers.unlock();
    }
  }

  private void connect(Dataset opened) {
    opened.asDatasetGraph().getContext().set(TDB2.symUnionDefaultGraph, true);
    this.dataset = opened;
    this.dsg = opened.asDatasetGraph();
  }

  @Override
  public long diskUse() {
    if (config.directory() == null) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(config.directory())) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0; // deleted while walking (the old generation)
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      throw new GraphStoreException("cannot measure the store's size", e);
    }
  }

  @Override
  public void close() {
    gate.writeLock().lock();
    try {
      if (config.directory() != null) {
        TDBInternal.expel(dsg);
      }
      dataset.close();
    } finally {
      gate.writeLock().unlock();
    }
  }

  private void installVocabulary() {
    Node graph = NodeFactory.createURI(config.vocabularyGraph());
    boolean current = read(r -> r.graph(config.vocabularyGraph()).isIsomorphicWith(vocabulary));
    if (!current) {
      write(
          w -> {
            w.replaceGraph(config.vocabularyGraph(), vocabulary);
            w.changed(graph.getURI(), ChangeEvent.EntityKind.STORE, ChangeEvent.ChangeType.UPSERT);
          });
    }
  }
}
