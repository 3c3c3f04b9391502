package io.tessera.searchindex.engine;

import io.tessera.searchindex.TextEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embeddings of texts, through a model, in batches, remembering the most recent ones: an entity
 * re-read with an unchanged description (a dataset touched by every lineage event) or a repeated
 * query is not embedded again.
 */
final class TextVectors {
  /** Texts per model call: large enough to amortise a call, small enough to bound its latency. */
  static final int BATCH = 32;

  private final TextEmbedder model;
  private final Map<String, float[]> recent;

  TextVectors(TextEmbedder model, int remembered) {
    this.model = model;
    this.recent =
        new LinkedHashMap<>(Math.min(remembered, 1024), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > remembered;
          }
        };
  }

  /** The vector of one text. */
  float[] of(String text) {
    return of(List.of(text)).getFirst();
  }

  /** The vectors of the texts, in order. */
  List<float[]> of(List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    synchronized (recent) {
      for (int i = 0; i < texts.size(); i++) {
        vectors[i] = recent.get(texts.get(i));
        if (vectors[i] == null) {
          missing.add(i);
        }
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
      List<float[]> computed = model.embed(batch.stream().map(texts::get).toList());
      synchronized (recent) {
        for (int j = 0; j < batch.size(); j++) {
          vectors[batch.get(j)] = computed.get(j);
          recent.put(texts.get(batch.get(j)), computed.get(j));
        }
      }
    }
    return List.of(vectors);
  }
}
