package io.tessera.searchindex.engine;

import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher over one committed snapshot of the index, with the facet ordinals of that snapshot
 * (built once per snapshot, not per query) and the graph revision it reflects.
 */
final class SnapshotSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facets;
  private final long revision;

  private SnapshotSearcher(IndexReader reader, FacetsConfig config, long revision)
      throws IOException {
    super(reader);
    this.revision = revision;
    boolean hasFacets =
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexFields.FACETS) != null;
    this.facets = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, config) : null;
  }

  /** The facet ordinals, or null while the index is empty. */
  SortedSetDocValuesReaderState facets() {
    return facets;
  }

  /** The graph revision this snapshot reflects. */
  long revision() {
    return revision;
  }

  /** Creates a searcher per refreshed snapshot, stamped with the revision just committed. */
  static final class Factory extends SearcherFactory {
    private final FacetsConfig config;
    private volatile long revision;

    Factory(FacetsConfig config, long revision) {
      this.config = config;
      this.revision = revision;
    }

    void revision(long committed) {
      this.revision = committed;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      return new SnapshotSearcher(reader, config, revision);
    }
  }
}
