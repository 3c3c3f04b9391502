package io.tessera.graphstore;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one export on a thread of its own and hands its bytes to the response through a pipe, within
 * a time and a size bound. Past either bound the export stops: a line-based format (TriG, Turtle,
 * N-Quads) gets a last comment line {@code # export stopped: …}, then the body ends without its
 * final chunk, so an HTTP client sees an incomplete transfer rather than a document that looks
 * whole. An export that writes nothing for a while past the deadline (JSON-LD is written only once
 * it is complete) has its response aborted.
 */
public final class BoundedExport {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedExport.class);
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** What writes the export. */
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private BoundedExport() {}

  /**
   * @param lineBased whether the format ignores {@code #} comment lines
   */
  public static InputStream start(
      Writer writer, Duration timeout, long maxBytes, boolean lineBased) {
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream pipe;
    try {
      pipe = new PipedOutputStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Bounded out = new Bounded(pipe, System.nanoTime() + timeout.toNanos(), maxBytes);
    Thread export =
        Thread.ofVirtual()
            .name("tessera-export")
            .start(
                () -> {
                  try {
                    writer.write(out);
                    out.flush();
                    pipe.close(); // the only way the body ends normally
                  } catch (IOException | RuntimeException e) {
                    String reason = out.stopReason(timeout);
                    if (reason != null) {
                      LOG.info("export stopped: {}", reason);
                      if (lineBased) {
                        try {
                          pipe.write(
                              ("\n# export stopped: " + reason + "; this output is incomplete\n")
                                  .getBytes(StandardCharsets.UTF_8));
                          pipe.flush();
                        } catch (IOException ignored) {
                          // the reader went away
                        }
                      }
                    } else {
                      LOG.warn("export stopped: {}", e.toString());
                    }
                    // the pipe is left unclosed: the reader fails once this thread has ended
                  }
                });
    Thread.ofVirtual()
        .name("tessera-export-deadline")
        .start(
            () -> {
              try {
                export.join(timeout);
                if (export.isAlive()) {
                  out.expire();
                  export.join(GRACE);
                  if (export.isAlive()) {
                    LOG.info("export still running past its deadline; aborting the response");
                    export.interrupt();
                    in.close();
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                LOG.debug("closing the export pipe: {}", e.toString());
              }
            });
    return in;
  }

  /** Fails every write once over the size or past the deadline. */
  private static final class Bounded extends FilterOutputStream {
    private final long deadlineNanos;
    private final long maxBytes;
    private long written;
    private volatile boolean expired;

    Bounded(OutputStream out, long deadlineNanos, long maxBytes) {
      super(out);
      this.deadlineNanos = deadlineNanos;
      this.maxBytes = maxBytes;
    }

    void expire() {
      expired = true;
    }

    String stopReason(Duration timeout) {
      if (written > maxBytes) {
        return "larger than the limit of " + maxBytes + " bytes";
      }
      if (expired || System.nanoTime() - deadlineNanos > 0) {
        return "took longer than " + timeout.toSeconds() + " s";
      }
      return null;
    }

    private void check(int length) throws IOException {
      written += length;
      if (written > maxBytes || expired || System.nanoTime() - deadlineNanos > 0) {
        throw new IOException("export bound reached");
      }
    }

    @Override
    public void write(int b) throws IOException {
      check(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check(len);
      out.write(b, off, len);
    }
  }
}
