package io.tessera.searchindex.engine;

import io.tessera.searchindex.TextEmbedder;
import io.tessera.searchindex.document.DocumentMapper;
import io.tessera.searchindex.document.IndexEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;

/**
 * Turns the entries of several aggregates into Lucene documents on the indexer thread, embedding
 * their meaning texts together in batches when search by meaning is on (no model: no vectors).
 */
final class DocumentBuilder {
  /** Meaning texts remembered across batches (about 1.5 KB each). */
  private static final int REMEMBERED = 4096;

  private final DocumentMapper mapper;
  private final TextVectors vectors;

  DocumentBuilder(DocumentMapper mapper, TextVectors vectors) {
    this.mapper = mapper;
    this.vectors = vectors;
  }

  static DocumentBuilder of(DocumentMapper mapper, TextEmbedder model) {
    return new DocumentBuilder(mapper, model == null ? null : new TextVectors(model, REMEMBERED));
  }

  /** The documents of each aggregate, in the order given. */
  <K> Map<K, List<Document>> documents(Map<K, List<IndexEntry>> aggregates) {
    List<IndexEntry> all = new ArrayList<>();
    aggregates.values().forEach(all::addAll);
    List<float[]> embedded = embed(all);
    Map<K, List<Document>> documents = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<K, List<IndexEntry>> aggregate : aggregates.entrySet()) {
      List<Document> docs = new ArrayList<>(aggregate.getValue().size());
      for (IndexEntry entry : aggregate.getValue()) {
        docs.add(mapper.toDocument(entry, embedded.get(i++)));
      }
      documents.put(aggregate.getKey(), docs);
    }
    return documents;
  }

  /** One vector (or null) per entry. */
  private List<float[]> embed(List<IndexEntry> entries) {
    List<float[]> result = new ArrayList<>(entries.size());
    if (vectors == null) {
      entries.forEach(e -> result.add(null));
      return result;
    }
    List<String> texts = new ArrayList<>();
    for (IndexEntry entry : entries) {
      String text = entry.meaningText();
      if (text != null) {
        texts.add(text);
      }
    }
    List<float[]> computed = vectors.of(texts);
    int next = 0;
    for (IndexEntry entry : entries) {
      result.add(entry.meaningText() == null ? null : computed.get(next++));
    }
    return result;
  }
}
