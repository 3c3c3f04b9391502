package io.tessera.cli;

import io.tessera.cli.client.Connection;
import io.tessera.cli.client.ConnectionSettings;
import io.tessera.cli.client.TesseraClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --server} and {@code --config}, shared by every command that talks to a server. */
final class ConnectionOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "The Tessera server, e.g. http://localhost:8080 (default: TESSERA_URL, else url: in the"
              + " config file). The token comes from TESSERA_TOKEN or token: in the config file.")
  String server;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The config file with url: and token: (default: ~/.config/tessera/config.yaml).")
  Path config;

  ConnectionSettings settings(Session session) {
    return new ConnectionSettings(server, config, session.environment(), session.home());
  }

  TesseraClient client(Session session, PrintWriter err) {
    Connection connection = settings(session).resolve(err::println);
    return new TesseraClient(connection);
  }
}
