package io.tessera.descriptors;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fails once a deadline has passed. The YAML scanner reads its input in small chunks
 * all the way through, also while it spends quadratic time in one very long comment, so checking
 * the clock on every read bounds how long a body can keep the parser busy.
 */
final class DeadlineReader extends FilterReader {
  /** Thrown (wrapped by the parser) when the deadline has passed. */
  static final class DeadlineExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceeded() {
      super("the deadline for reading the body has passed");
    }
  }

  private final long deadlineNanos;

  /**
   * @param deadlineNanos a {@link System#nanoTime()} value
   */
  DeadlineReader(Reader in, long deadlineNanos) {
    super(in);
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public int read() throws IOException {
    check();
    return super.read();
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    check();
    return super.read(buffer, offset, length);
  }

  private void check() throws DeadlineExceeded {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new DeadlineExceeded();
    }
  }
}
