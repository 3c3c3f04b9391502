package io.tessera.bench;

import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The search floor: a raw {@link IndexSearcher} over the server's own index directory, answering
 * the same words with the least a search must do: term queries on the title and word fields, the
 * top ten with their stored title and IRI (suggest: the edge n-gram field, top eight).
 */
final class LuceneFloor implements AutoCloseable {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private long sink;

  LuceneFloor(Path indexDir) throws IOException {
    reader = DirectoryReader.open(FSDirectory.open(indexDir));
    searcher = new IndexSearcher(reader);
  }

  /** Characters of stored fields read so far (keeps the reads observable). */
  long charsRead() {
    return sink;
  }

  int documents() {
    return reader.numDocs();
  }

  /** Runs a search; returns the total hits (so the work cannot be optimised away). */
  long search(String text) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        q.add(new TermQuery(new Term(IndexFields.WORDS, token)), BooleanClause.Occur.SHOULD);
        q.add(new TermQuery(new Term(IndexFields.TITLE, token)), BooleanClause.Occur.SHOULD);
      }
    }
    return collect(searcher.search(q.build(), 10));
  }

  long suggest(String prefix) throws IOException {
    TermQuery q = new TermQuery(new Term(IndexFields.SUGGEST, prefix.toLowerCase(Locale.ROOT)));
    return collect(searcher.search(q, 8));
  }

  private long collect(TopDocs top) throws IOException {
    StoredFields stored = searcher.storedFields();
    long chars = 0;
    for (ScoreDoc d : top.scoreDocs) {
      var doc = stored.document(d.doc);
      String title = doc.get(IndexFields.TITLE);
      String iri = doc.get(IndexFields.IRI);
      chars += (title == null ? 0 : title.length()) + (iri == null ? 0 : iri.length());
    }
    sink += chars;
    return top.totalHits.value();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
