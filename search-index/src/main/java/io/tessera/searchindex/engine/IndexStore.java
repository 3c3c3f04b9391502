package io.tessera.searchindex.engine;

import io.tessera.searchindex.SearchIndexConfig;
import io.tessera.searchindex.SearchIndexException;
import io.tessera.searchindex.document.Analyzers;
import io.tessera.searchindex.document.DocumentMapper;
import io.tessera.searchindex.document.IndexFields;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene side: one writer (used only by the indexer thread), snapshots for searching, and the
 * snapshots kept alive for cursors. Changes become searchable at {@link #publish(long)}, which
 * refreshes the searchers and records the graph revision for the commit user data, and durable at
 * {@link #commit()}. Nothing is committed on close, so an interrupted rebuild never leaves a
 * half-built index behind.
 */
final class IndexStore implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final SearcherLifetimeManager snapshots = new SearcherLifetimeManager();
  private final SnapshotSearcher.Factory factory;
  private final Duration retention;
  private final long openedRevision;
  private final String embeddingModel;

  private IndexStore(SearchIndexConfig config, Analyzers analyzers, DocumentMapper mapper)
      throws IOException {
    this.retention = config.cursorRetention();
    if (config.directory() == null) {
      this.directory = new ByteBuffersDirectory();
    } else {
      Files.createDirectories(config.directory());
      this.directory = FSDirectory.open(config.directory());
    }
    this.embeddingModel = config.embeddingModelId();
    this.openedRevision = readCommittedRevision(directory, embeddingModel);
    IndexWriterConfig iwc = new IndexWriterConfig(analyzers.perField());
    iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    iwc.setCommitOnClose(false);
    iwc.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, iwc);
    this.factory = new SnapshotSearcher.Factory(mapper.facetsConfig(), openedRevision);
    this.searchers = new SearcherManager(writer, factory);
  }

  static IndexStore open(SearchIndexConfig config, Analyzers analyzers, DocumentMapper mapper) {
    try {
      return new IndexStore(config, analyzers, mapper);
    } catch (IOException e) {
      throw new SearchIndexException("cannot open the search index: " + e.getMessage(), e);
    }
  }

  /**
   * The graph revision of the commit found at open, or -1 if there was none or it was written with
   * another document layout or another embedding model (its vectors cannot be compared with the
   * current model's: everything is embedded again by the rebuild that follows).
   */
  long openedRevision() {
    return openedRevision;
  }

  private static long readCommittedRevision(Directory directory, String embeddingModel)
      throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return -1;
    }
    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
    String revision = data.get(IndexFields.COMMIT_REVISION);
    if (revision == null
        || !IndexFields.LAYOUT_VERSION.equals(data.get(IndexFields.COMMIT_LAYOUT))) {
      return -1;
    }
    String committedModel = data.getOrDefault(IndexFields.COMMIT_EMBEDDING_MODEL, "none");
    if (!embeddingModel.equals(committedModel)) {
      LOG.info(
          "search index was embedded with {}, the configuration says {}: embedding again",
          committedModel,
          embeddingModel);
      return -1;
    }
    return Long.parseLong(revision);
  }

  /** Replaces every document of an aggregate (none: removes it). Visible after the next commit. */
  void replace(String root, List<Document> documents) throws IOException {
    Term key = new Term(IndexFields.ROOT, root);
    if (documents.isEmpty()) {
      writer.deleteDocuments(key);
    } else {
      writer.updateDocuments(key, documents);
    }
  }

  void add(List<Document> documents) throws IOException {
    writer.addDocuments(documents);
  }

  void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /**
   * Makes everything written so far searchable as reflecting the graph revision (a near-real-time
   * refresh: no fsync), and records the revision for the next {@link #commit()}.
   */
  void publish(long revision) throws IOException {
    writer.setLiveCommitData(
        Map.of(
                IndexFields.COMMIT_REVISION,
                Long.toString(revision),
                IndexFields.COMMIT_LAYOUT,
                IndexFields.LAYOUT_VERSION,
                IndexFields.COMMIT_EMBEDDING_MODEL,
                embeddingModel)
            .entrySet());
    factory.revision(revision);
    searchers.maybeRefreshBlocking();
    snapshots.prune(new SearcherLifetimeManager.PruneByAge(Math.max(1, retention.toSeconds())));
  }

  /**
   * Makes what was published durable, with the revision it was published as in the commit's user
   * data. Until then a crash loses it, and the index is rebuilt at the next start.
   */
  void commit() throws IOException {
    writer.commit();
  }

  /** Runs work on the current snapshot. */
  <T> T withCurrent(SearcherWork<T> work) {
    try {
      SnapshotSearcher searcher = (SnapshotSearcher) searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs work on the snapshot a cursor was issued on, if it is still kept, else on the current one;
   * either way the snapshot is kept for the next cursor and its version handed to the work.
   */
  <T> T withSnapshot(Long version, BiFunction<SnapshotSearcher, Long, T> work) {
    try {
      SnapshotSearcher kept =
          version == null ? null : (SnapshotSearcher) snapshots.acquire(version);
      if (kept != null) {
        try {
          return work.apply(kept, version);
        } finally {
          snapshots.release(kept);
        }
      }
      return withCurrent(searcher -> work.apply(searcher, snapshots.record(searcher)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Work on a searcher that may fail with an I/O error. */
  @FunctionalInterface
  interface SearcherWork<T> {
    T run(SnapshotSearcher searcher) throws IOException;
  }

  @Override
  public void close() throws IOException {
    try {
      snapshots.close();
      searchers.close();
    } finally {
      writer.close();
      directory.close();
    }
  }
}
