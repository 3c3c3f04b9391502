package io.tessera.graphstore;

import static io.tessera.graphstore.TdbGraphStoreTest.ONTOLOGY;
import static io.tessera.graphstore.TdbGraphStoreTest.VOCAB;
import static io.tessera.graphstore.TdbGraphStoreTest.domain;
import static io.tessera.graphstore.TdbGraphStoreTest.nquads;
import static io.tessera.graphstore.TdbGraphStoreTest.turtle;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compactions while readers hold long transactions and a writer keeps committing: every read sees
 * one consistent state from its start to its end, no write is lost, the store never stops answering
 * (a compaction that waited for ever on a reader was the defect this guards against), and the store
 * reopens on the newest generation with nothing else left on disk.
 */
class CompactionUnderLoadTest {
  private static final String G = "https://catalog.example/g/";

  @Test
  // a hang (the defect this guards against) fails here instead of stalling the build
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void shouldCompactRepeatedlyUnderReadersAndAWriterWithoutLosingOrTearingAnything(
      @TempDir Path dir) throws Exception {
    GraphStoreConfig config =
        new GraphStoreConfig(dir.resolve("graph"), Duration.ofSeconds(30), VOCAB);
    TdbGraphStore store = new TdbGraphStore(config, ONTOLOGY);
    for (int i = 0; i < 40; i++) {
      int n = i;
      store.write(w -> w.replaceGraph(G + "seed" + n, domain("seed" + n)));
    }
    store.write(
        w ->
            w.replaceGraph(
                G + "blank",
                turtle("ex:blank tess:note [ rdfs:label \"kept through compaction\" ] .")));
    String blankBefore = blankLines(nquads(store));

    AtomicBoolean running = new AtomicBoolean(true);
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(4);
    List<Thread> threads =
        Stream.concat(
                Stream.of(
                    Thread.ofPlatform()
                        .unstarted(
                            () -> {
                              started.countDown();
                              while (running.get()) {
                                int n = written.get();
                                try {
                                  store.write(
                                      w -> w.replaceGraph(G + "w" + n, domain("written" + n)));
                                  written.incrementAndGet();
                                } catch (Throwable e) {
                                  failures.add(e);
                                  return;
                                }
                              }
                            })),
                Stream.of(1, 2, 3)
                    .map(
                        r ->
                            Thread.ofPlatform()
                                .unstarted(
                                    () -> {
                                      started.countDown();
                                      while (running.get()) {
                                        try {
                                          readTwiceInOneTransaction(store);
                                          reads.incrementAndGet();
                                        } catch (Throwable e) {
                                          failures.add(e);
                                          return;
                                        }
                                      }
                                    })))
            .toList();
    threads.forEach(Thread::start);
    started.await();

    int compactions = 0;
    for (int round = 0; round < 5; round++) {
      Thread.sleep(150);
      GraphStore.Compaction done = store.compact();
      assertThat(done.bytesAfter()).isPositive();
      compactions++;
    }
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }

    assertThat(failures).isEmpty();
    assertThat(compactions).isEqualTo(5);
    assertThat(reads.get()).isPositive();
    int writes = written.get();
    assertThat(writes).isPositive();
    String after = nquads(store);
    for (int n = 0; n < writes; n++) {
      assertThat(after).contains("\"written" + n + "\"");
    }
    assertThat(blankLines(after)).isEqualTo(blankBefore);
    long revision = store.revision();
    store.close();

    try (Stream<Path> entries = Files.list(dir.resolve("graph"))) {
      assertThat(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsExactly("Data-0006");
    }
    TdbGraphStore reopened = new TdbGraphStore(config, ONTOLOGY);
    try {
      assertThat(reopened.revision()).isEqualTo(revision);
      assertThat(nquads(reopened)).isEqualTo(after);
    } finally {
      reopened.close();
    }
  }

  @Test
  void shouldOpenOnTheNewestGenerationAndRemoveWhatAnInterruptedCompactionLeft(@TempDir Path dir)
      throws IOException {
    GraphStoreConfig config =
        new GraphStoreConfig(dir.resolve("graph"), Duration.ofSeconds(5), VOCAB);
    TdbGraphStore store = new TdbGraphStore(config, ONTOLOGY);
    store.write(w -> w.replaceGraph(G + "sales", domain("sales")));
    String before = nquads(store);
    long revision = store.revision();
    store.close();
    Path scratch = dir.resolve("graph/compaction-scratch/Data-0001");
    Files.createDirectories(scratch);
    Files.writeString(scratch.resolve("SPO.dat"), "half a copy");

    TdbGraphStore reopened = new TdbGraphStore(config, ONTOLOGY);
    try {
      assertThat(reopened.revision()).isEqualTo(revision);
      assertThat(nquads(reopened)).isEqualTo(before);
      assertThat(dir.resolve("graph/compaction-scratch")).doesNotExist();
      reopened.compact();
      reopened.write(w -> w.replaceGraph(G + "finance", domain("finance")));
      assertThat(nquads(reopened)).contains("\"finance\"").contains("\"sales\"");
    } finally {
      reopened.close();
    }
  }

  /**
   * Reads the seed graphs, waits, and reads them again in the same transaction: both reads must
   * answer, and alike.
   */
  private static void readTwiceInOneTransaction(GraphStore store) {
    store.read(
        r -> {
          long first = r.graph(G + "seed7").size();
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          long second = r.graph(G + "seed7").size();
          assertThat(second).isEqualTo(first).isPositive();
          return null;
        });
  }

  private static String blankLines(String nquads) {
    return nquads.lines().filter(l -> l.contains("_:")).sorted().toList().toString();
  }
}
