package io.tessera.cli;

import java.util.List;

/**
 * A command cannot do what was asked: the message (and the detail lines) in plain words, and the
 * exit code that says why.
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final List<String> details;

  public CliException(int exitCode, String message) {
    this(exitCode, message, List.of());
  }

  public CliException(int exitCode, String message, List<String> details) {
    super(message);
    this.exitCode = exitCode;
    this.details = List.copyOf(details);
  }

  /** The exit code ({@link ExitCode}). */
  public int exitCode() {
    return exitCode;
  }

  /** Lines to print after the message, e.g. one per wrong field. */
  public List<String> details() {
    return details;
  }
}
