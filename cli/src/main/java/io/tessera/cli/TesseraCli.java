package io.tessera.cli;

import io.tessera.cli.files.UnreadableFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code tessera}: the command line of the Tessera catalog. It reads descriptor files, talks to a
 * server over HTTP and prints what happened, one line per document.
 */
@Command(
    name = "tessera",
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    sortOptions = false,
    description = {
      "The Tessera catalog from the command line: apply, diff, validate and check descriptor files"
          + " against a server, read the catalog, export a domain's descriptors.",
      "",
      "The server comes from --server, TESSERA_URL or url: in ~/.config/tessera/config.yaml; the"
          + " token from TESSERA_TOKEN or token: in that file (never from the command line)."
    },
    subcommands = {
      ApplyCommand.class,
      DiffCommand.class,
      ValidateCommand.class,
      CheckBreakingCommand.class,
      GetCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; nothing differs, nothing breaks",
      "1:diff: something would change",
      "2:wrong usage or invalid input (options, unreadable or invalid files)",
      "3:check-breaking: a change breaks consumers",
      "4:the server refused the request (4xx), e.g. invalid documents or a missing token",
      "5:the server cannot be reached",
      "6:the server failed (5xx) or did not answer like a Tessera server"
    })
public final class TesseraCli implements Runnable {
  private final Session session;

  @Spec CommandLine.Model.CommandSpec spec;

  TesseraCli(Session session) {
    this.session = session;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(
        run(Session.system(), new PrintWriter(System.out), new PrintWriter(System.err), args));
  }

  /** Runs a command line and returns its exit code. */
  public static int run(Session session, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new TesseraCli(session));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter error = commandLine.getErr();
          int code = report(e, error);
          error.flush();
          return code;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int report(Exception e, PrintWriter err) {
    return switch (e) {
      case CliException c -> {
        err.println("tessera: " + c.getMessage());
        c.details().forEach(line -> err.println("  " + line));
        yield c.exitCode();
      }
      case UnreadableFileException u -> {
        err.println("tessera: cannot read " + u.getMessage());
        yield ExitCode.INVALID;
      }
      default -> {
        err.println("tessera: unexpected error: " + e);
        yield ExitCode.SERVER_ERROR;
      }
    };
  }

  /** The session commands read the environment from. */
  Session session() {
    return session;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = TesseraCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "tessera " + (version == null ? "(development build)" : version),
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
