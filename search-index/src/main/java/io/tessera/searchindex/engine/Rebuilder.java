package io.tessera.searchindex.engine;

import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.CatalogJob;
import io.tessera.graphstore.CatalogTerm;
import io.tessera.graphstore.CatalogVisitor;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.Product;
import io.tessera.searchindex.document.EntryFactory;
import io.tessera.searchindex.document.IndexEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the whole index from one read snapshot of the graph, counting progress. The new index
 * becomes searchable only when it is complete and committed; until then searches see the old one.
 */
final class Rebuilder {
  private static final Logger LOG = LoggerFactory.getLogger(Rebuilder.class);

  /** How far the running (or last) rebuild got. */
  record Progress(boolean running, long done, long total, int completed) {}

  private final IndexStore store;
  private final CatalogEntities entities;
  private final EntryFactory entries;
  private final DocumentBuilder builder;
  private volatile boolean running;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong();
  private final AtomicInteger completed = new AtomicInteger();

  Rebuilder(
      IndexStore store, CatalogEntities entities, EntryFactory entries, DocumentBuilder documents) {
    this.store = store;
    this.entities = entities;
    this.entries = entries;
    this.builder = documents;
  }

  Progress progress() {
    return new Progress(running, done.get(), total.get(), completed.get());
  }

  /**
   * Replaces the index with one built from the graph and commits it as the given revision, which
   * must have been read before the graph snapshot is (so that the index never claims more than it
   * holds).
   *
   * @return the revision committed
   */
  long rebuild(long revision) throws IOException {
    long started = System.nanoTime();
    running = true;
    done.set(0);
    total.set(0);
    try {
      store.deleteAll();
      AtomicLong documents = new AtomicLong();
      Visitor visitor = new Visitor(documents);
      entities.readAll(visitor);
      visitor.flush();
      store.publish(revision);
      store.commit();
      completed.incrementAndGet();
      LOG.info(
          "search index rebuilt at graph revision {}: {} entities, {} documents in {} ms",
          revision,
          done.get(),
          documents.get(),
          (System.nanoTime() - started) / 1_000_000);
      return revision;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      running = false;
    }
  }

  /**
   * Adds the entities' documents as the graph snapshot is read, a few hundred entries at a time so
   * that their texts are embedded in batches.
   */
  private final class Visitor implements CatalogVisitor {
    private static final int FLUSH_ENTRIES = 256;
    private final AtomicLong documents;
    private final Map<String, List<IndexEntry>> pending = new LinkedHashMap<>();
    private int pendingEntries;
    private long nextReport;

    Visitor(AtomicLong documents) {
      this.documents = documents;
    }

    @Override
    public void start(int count) {
      total.set(count);
      nextReport = Math.max(1000, count / 10);
      LOG.info("rebuilding the search index: {} entities", count);
    }

    @Override
    public void domain(Domain domain) {
      add(domain.name(), () -> entries.domain(domain));
    }

    @Override
    public void product(Product product) {
      add(product.domain() + "/" + product.name(), () -> entries.product(product));
    }

    @Override
    public void dataset(CatalogDataset dataset) {
      add(dataset.iri(), () -> entries.dataset(dataset));
    }

    @Override
    public void job(CatalogJob job) {
      add(job.iri(), () -> entries.job(job));
    }

    @Override
    public void term(CatalogTerm term) {
      add(term.iri(), () -> entries.term(term));
    }

    private void add(String what, Supplier<List<IndexEntry>> entriesOf) {
      try {
        List<IndexEntry> list = entriesOf.get();
        pending.put(what, list);
        pendingEntries += list.size();
      } catch (RuntimeException e) {
        LOG.warn("cannot index {}; it is left out of the rebuilt index", what, e);
      }
      if (pendingEntries >= FLUSH_ENTRIES) {
        flush();
      }
      long count = done.incrementAndGet();
      if (count % nextReport == 0) {
        LOG.info("rebuilding the search index: {} of {} entities", count, total.get());
      }
    }

    void flush() {
      try {
        for (List<Document> docs : builder.documents(pending).values()) {
          store.add(docs);
          documents.addAndGet(docs.size());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        pending.clear();
        pendingEntries = 0;
      }
    }
  }
}
