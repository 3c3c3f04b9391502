package io.tessera.graphstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the operating-system scheduling priority of the calling thread, for threads that do work
 * behind the requests (the search indexer, the toxic-combination check). The work still gets every
 * core nobody else wants, but a request thread that becomes runnable gets the core first, so a
 * stream of requests is not slowed down by the work it causes: without this, on a small machine
 * each hand-off of a request between threads waits for a time slice behind the background threads.
 *
 * <p>On Linux the thread's nice value is raised (a thread may always lower its own priority); on
 * other systems, or if that fails, nothing changes and the thread runs at normal priority.
 */
public final class BackgroundPriority {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);

  /** The nice value of background threads: about a tenth of the weight of a normal thread. */
  public static final int NICE = 10;

  private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

  private BackgroundPriority() {}

  /**
   * Lowers the calling thread's priority; call it first thing on the background thread itself.
   *
   * @return whether the priority was lowered
   */
  public static boolean lowerCurrentThread() {
    if (!Files.isReadable(THREAD_STAT)) {
      return false;
    }
    try {
      String stat = Files.readString(THREAD_STAT, StandardCharsets.US_ASCII);
      String tid = stat.substring(0, stat.indexOf(' '));
      Process renice =
          new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!renice.waitFor(5, TimeUnit.SECONDS)) {
        renice.destroy();
        return false;
      }
      boolean lowered = renice.exitValue() == 0;
      LOG.debug(
          "thread {} (tid {}) {} nice {}",
          Thread.currentThread().getName(),
          tid,
          lowered ? "runs at" : "could not be set to",
          NICE);
      return lowered;
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot lower the priority of thread {}", Thread.currentThread().getName(), e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
