package io.tessera.cli;

/** The exit codes of every command, as {@code tessera --help} lists them. */
public final class ExitCode {
  /** Done; nothing differs or breaks. */
  public static final int OK = 0;

  /** {@code diff}: something would change. */
  public static final int DIFFERENCES = 1;

  /** Wrong usage or invalid input (options, unreadable files, invalid documents). */
  public static final int INVALID = 2;

  /** {@code check-breaking}: the documents would break consumers. */
  public static final int BREAKING = 3;

  /** The server refused the request (4xx): its problem, field by field. */
  public static final int REFUSED = 4;

  /** The server cannot be reached. */
  public static final int UNREACHABLE = 5;

  /** The server failed (5xx) or answered something that is not Tessera's API. */
  public static final int SERVER_ERROR = 6;

  private ExitCode() {}
}
