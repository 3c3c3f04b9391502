package io.tessera.searchindex.bench;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import io.tessera.searchindex.LuceneSearchIndex;
import io.tessera.searchindex.OnnxMiniLmEmbedder;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchIndexConfig;
import io.tessera.searchindex.SearchRequest;
import io.tessera.searchindex.TextEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures what search by meaning costs on {@link SearchBenchmark}'s seeded synthetic catalog (not
 * a test; no assertions): model load time, embedding throughput per batch size, rebuild time and
 * index size with and without vectors, and search latency with and without the vector part (new
 * queries, which are embedded, and repeated ones, whose vectors are remembered).
 *
 * <p>How to run it: see the module README ("Measure").
 */
public final class SemanticBenchmark {
  private static final IriMinter IRIS = new IriMinter("https://bench.example");

  private SemanticBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    long started = System.nanoTime();
    TextEmbedder model = new OnnxMiniLmEmbedder();
    System.out.printf("model %s loaded in %d ms%n", model.modelId(), millis(started));
    throughput(model);
    try (GraphStore store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology())) {
      SearchBenchmark.load(store, products, new Random(42));
      for (TextEmbedder embedder : new TextEmbedder[] {null, model}) {
        measureIndex(store, embedder, products);
      }
    }
  }

  private static void throughput(TextEmbedder model) {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      texts.add(sentence(random, 12 + random.nextInt(20)));
    }
    model.embed(texts.subList(0, 16)); // warm up
    for (int batch : new int[] {1, 8, 32, 64}) {
      long started = System.nanoTime();
      for (int from = 0; from < texts.size(); from += batch) {
        model.embed(texts.subList(from, Math.min(texts.size(), from + batch)));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("embedding, batch %2d: %.0f texts/s%n", batch, texts.size() / seconds);
    }
  }

  private static void measureIndex(GraphStore store, TextEmbedder embedder, int products)
      throws Exception {
    String label = embedder == null ? "words only" : "with vectors";
    Path dir = Files.createTempDirectory("semantic-bench");
    SearchIndexConfig config = SearchIndexConfig.at(dir).withEmbedder(embedder);
    long started = System.nanoTime();
    try (SearchIndex index = LuceneSearchIndex.open(config, store, IRIS)) {
      index.awaitRevision(store.revision(), Duration.ofHours(1));
      System.out.printf(
          "%s: %d products, %d documents, rebuild %d ms%n",
          label, products, index.status().documents(), millis(started));
    }
    System.out.printf("%s: index on disk %.1f MiB%n", label, size(dir) / 1048576.0);
    try (SearchIndex index = LuceneSearchIndex.open(config, store, IRIS)) {
      Random random = new Random(11);
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        queries.add(sentence(random, 2 + random.nextInt(3)));
      }
      latency(label + ", semantic=false", index, queries, false);
      if (embedder != null) {
        latency(label + ", semantic=true, new queries", index, queries, true);
        latency(label + ", semantic=true, repeated queries", index, queries, true);
      }
    }
  }

  private static void latency(String name, SearchIndex index, List<String> queries, boolean sem) {
    long[] samples = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long started = System.nanoTime();
      index.search(SearchRequest.of(queries.get(i)).withSemantic(sem), ReadScope.everything());
      samples[i] = System.nanoTime() - started;
    }
    SearchBenchmark.report(name, samples);
  }

  private static String sentence(Random random, int words) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      parts.add(SearchBenchmark.word(random));
    }
    return String.join(" ", parts);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(SemanticBenchmark::length).sum();
    }
  }

  private static long length(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
