package io.tessera.searchindex;

import java.util.List;

/**
 * A sentence-embedding model: turns texts into unit vectors whose cosine similarity says how close
 * their meanings are. The index stores one vector per entity description and compares the query's
 * vector with them (search by meaning).
 *
 * <p>{@link #modelId()} names the model and its version. The index records it with every commit; an
 * index opened with another model id is re-embedded (rebuilt in the background while the old
 * content keeps answering), because vectors of different models cannot be compared.
 */
public interface TextEmbedder {

  /** The model's name and version, e.g. {@code all-minilm-l6-v2-q@1.19.0-beta29}. */
  String modelId();

  /** The length of every vector. */
  int dimensions();

  /**
   * The vectors of the texts, in order, normalised to unit length.
   *
   * @throws SearchIndexException if the model fails
   */
  List<float[]> embed(List<String> texts);
}
