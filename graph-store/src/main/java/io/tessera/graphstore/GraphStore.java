package io.tessera.graphstore;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetDescription;

/**
 * The knowledge graph: one named graph per domain, per product and per lineage source; queries see
 * their union. Every write is one transaction, validated against the shapes before it commits, and
 * announced on the change feed after it commits.
 */
public interface GraphStore extends AutoCloseable {

  /** Runs work in a read transaction. The work must copy out what it returns. */
  <T> T read(Function<GraphReader, T> work);

  /**
   * Runs work in a read transaction whose queries have no timeout: for the server's own reads of
   * the whole catalog (rebuilding the search index, compiling policies), which grow with the
   * catalog and must finish however large it is. Never for a caller's query.
   */
  <T> T readWithoutTimeout(Function<GraphReader, T> work);

  /**
   * Runs work in a write transaction and commits it if the written graphs conform to the shapes.
   *
   * @return the revision of the commit, or the current revision when nothing was written
   * @throws ShapeViolationException when a written graph does not conform; nothing is written
   */
  long write(Consumer<GraphWriter> work);

  /**
   * Runs work in a write transaction, validates it as {@link #write} would, and then appends what
   * it changed to the journal before committing: the graph commits, with its {@link
   * #journalPosition()} moved to the appended position, only if the append returns. The append is
   * called even when nothing in the graph changed (with an empty patch), so that what the caller
   * records with it is journaled too.
   *
   * @return the position the append was given
   * @throws ShapeViolationException when a written graph does not conform; nothing is appended
   */
  long write(Consumer<GraphWriter> work, JournalAppend journal);

  /**
   * Applies a journal entry written elsewhere (already validated where it was written): its quads,
   * its position, and its changes announced as {@linkplain ChangeEvent#replayed() replayed}.
   * Entries must be applied in order: one at or below {@link #journalPosition()} is ignored.
   */
  void apply(long position, GraphPatch patch);

  /** The position of the last journal entry this store holds (0 for none); survives restarts. */
  long journalPosition();

  /** Appends a write's changes to the journal, inside the write transaction. */
  @FunctionalInterface
  interface JournalAppend {
    /**
     * Makes the entry durable at the given position (the store's position + 1), or throws: then the
     * graph is not written.
     */
    void append(long position, GraphPatch patch);
  }

  /**
   * Runs work in a write transaction, validates it as {@link #write} would, and rolls it back:
   * nothing is written and nothing is announced.
   *
   * @throws ShapeViolationException when a written graph would not conform
   */
  void dryRun(Consumer<GraphWriter> work);

  /** A SELECT over the union graph in its own read transaction, with a timeout. */
  default List<Row> select(Query query, Map<String, Node> bindings) {
    return read(r -> r.select(query, bindings));
  }

  /** An ASK over the union graph in its own read transaction, with a timeout. */
  default boolean ask(Query query, Map<String, Node> bindings) {
    return read(r -> r.ask(query, bindings));
  }

  /** A CONSTRUCT over the union graph in its own read transaction, with a timeout. */
  default Graph construct(Query query, Map<String, Node> bindings) {
    return read(r -> r.construct(query, bindings));
  }

  /** A caller's query over the graphs the scope allows; see {@link GraphReader#query}. */
  default SparqlResult query(
      Query query, DatasetDescription dataset, ReadScope scope, int maxResults) {
    return read(r -> r.query(query, dataset, scope, maxResults));
  }

  /** The revision of the last commit (0 for a new store); survives restarts. */
  long revision();

  /** Writes every named graph (and the default graph) to the stream. */
  void export(OutputStream out, RdfFormat format);

  /**
   * Writes, streaming, the named graphs whose IRI starts with one of the prefixes and that the
   * scope allows, in one read transaction. Quad formats keep the graph names; Turtle writes their
   * union.
   */
  void export(OutputStream out, ExportFormat format, List<String> prefixes, ReadScope scope);

  /**
   * Replaces the whole store with the dataset read from the stream. The input is parsed completely
   * before anything is changed, so unreadable input leaves the store as it was.
   *
   * @throws ImportException if the input cannot be parsed
   */
  void importAll(InputStream in, RdfFormat format);

  /**
   * Writes, streaming and in one read transaction, everything the store holds as an RDF Patch that
   * builds it from empty (blank nodes keep their identity, so later journal entries apply to the
   * copy): its journal position and every other record of what it holds included.
   */
  void snapshot(OutputStream out);

  /**
   * Replaces the whole store with a {@link #snapshot}, streamed (only the vocabulary is this
   * version's). Meant for a new, empty store (a node bootstrapping); nothing is validated;
   * listeners are told of a reset.
   *
   * @throws ImportException if the input cannot be read; the store is left as it was
   */
  void restore(InputStream snapshot);

  /** Registers a change-feed listener. */
  void subscribe(ChangeListener listener);

  @Override
  void close();

  /**
   * Rewrites the store's files keeping only the current state (TDB2 appends every change and never
   * reclaims the old blocks), then deletes the old files. Readers go on while the current state is
   * copied and writers wait; both wait for the switch to the new files, which takes milliseconds.
   * Does nothing for an in-memory store.
   *
   * @return the disk use before and after, and how long it took
   */
  Compaction compact();

  /** The bytes of the store's files on disk now (0 for an in-memory store). */
  long diskUse();

  /** What a compaction did; both sizes are 0 for an in-memory store. */
  record Compaction(long bytesBefore, long bytesAfter, Duration took) {}
}
