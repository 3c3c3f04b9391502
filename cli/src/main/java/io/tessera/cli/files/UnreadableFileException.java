package io.tessera.cli.files;

import java.nio.file.Path;

/** A descriptor file that cannot be read or parsed: nothing is sent. */
public final class UnreadableFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public UnreadableFileException(Path file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  /** The file. */
  public Path file() {
    return file;
  }
}
