package io.tessera.cli.client;

import io.tessera.cli.CliException;
import io.tessera.cli.ExitCode;
import java.util.List;

/** The server answered 4xx: its problem is kept so that its fields can be mapped to files. */
public final class ServerRefusedException extends CliException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ServerRefusedException(String message, Problem problem, List<String> details) {
    super(ExitCode.REFUSED, message, details);
    this.problem = problem;
  }

  /** The problem the server answered with. */
  public Problem problem() {
    return problem;
  }
}
