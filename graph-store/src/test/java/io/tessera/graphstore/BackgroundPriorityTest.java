package io.tessera.graphstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
  private static final Path STAT = Path.of("/proc/thread-self/stat");

  @Test
  void lowersOnlyTheCallingThread() throws Exception {
    assumeTrue(Files.isReadable(STAT), "needs Linux /proc");
    int before = niceOfCurrentThread();
    CompletableFuture<int[]> background = new CompletableFuture<>();
    Thread thread =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    boolean lowered = BackgroundPriority.lowerCurrentThread();
                    background.complete(new int[] {lowered ? 1 : 0, niceOfCurrentThread()});
                  } catch (Exception e) {
                    background.completeExceptionally(e);
                  }
                });
    int[] result = background.get();
    thread.join();
    assumeTrue(result[0] == 1, "renice is not available here");
    assertTrue(result[1] > before, "the background thread runs at a lower priority");
    assertEquals(before, niceOfCurrentThread(), "the calling test thread is left alone");
  }

  /** Field 19 of /proc/thread-self/stat; the command name (field 2) may contain spaces. */
  private static int niceOfCurrentThread() throws Exception {
    String stat = Files.readString(STAT, StandardCharsets.US_ASCII);
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[19 - 3]);
  }
}
