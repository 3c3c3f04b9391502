package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.client.ServerRefusedException;
import io.tessera.cli.client.TesseraClient;
import io.tessera.cli.files.DocumentSet;
import io.tessera.cli.render.Entities;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera apply}: every document in one request, so all are applied or none. */
@Command(
    name = "apply",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    description = {
      "Apply descriptor files: every document in one request to POST /api/v1/descriptors, so"
          + " either all are applied or none. Prints one line per document, e.g."
          + " 'created sales/orders (revision 3)' or 'unchanged sales/orders (revision 3)'.",
      "Inside a Git working tree the HEAD commit is sent along (header Tessera-Commit) and"
          + " uncommitted changes to the files are warned about."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:applied (or, with --dry-run, would apply)",
      "2:wrong usage, unreadable files, or --prune refused without --yes",
      "4:the server refused the documents (each wrong field named by file, document and line)",
      "5:the server cannot be reached",
      "6:the server failed"
    })
final class ApplyCommand extends DescriptorCommand {
  @Option(
      names = "--dry-run",
      description = "Validate and report what would change, without writing anything.")
  boolean dryRun;

  @Option(
      names = "--prune",
      description =
          "Also delete the products of the domains the files declare (with their kind: Domain"
              + " document) that the files no longer declare. Asks for confirmation.")
  boolean prune;

  @Option(
      names = {"-y", "--yes"},
      description = "Delete what --prune finds without asking.")
  boolean yes;

  @Override
  public Integer call() throws IOException {
    DocumentSet set = readDocuments();
    String commit = commit(set);
    TesseraClient client = client();
    List<String> pruned = prune ? undeclaredProducts(client, set) : List.of();
    if (!pruned.isEmpty() && !dryRun && !yes) {
      confirm(pruned);
    }
    JsonNode report;
    try {
      report = client.apply(set.requestBody(), dryRun, domain, commit);
    } catch (ServerRefusedException e) {
      throw located(e, set);
    }
    for (JsonNode result : report.path("results")) {
      out()
          .println(
              result.path("status").asText()
                  + " "
                  + Entities.name(result)
                  + " (revision "
                  + result.path("revision").asInt()
                  + ")");
    }
    for (String key : pruned) {
      if (dryRun) {
        out().println("would delete " + key);
      } else {
        JsonNode deleted = client.delete("/api/v1/products/" + path(key));
        JsonNode result = deleted.path("results").path(0);
        out().println("deleted " + key + " (revision " + result.path("revision").asInt() + ")");
      }
    }
    out().flush();
    if (dryRun) {
      err().println("dry run: nothing was written");
    }
    return ExitCode.OK;
  }

  private void confirm(List<String> pruned) throws IOException {
    String list = String.join(", ", pruned);
    if (!session().interactive()) {
      throw new CliException(
          ExitCode.INVALID,
          "--prune would delete "
              + pruned.size()
              + " product(s) ("
              + list
              + "); not on a terminal, so nothing was applied or deleted: pass --yes to delete"
              + " without asking");
    }
    err()
        .println(
            "--prune will delete " + pruned.size() + " product(s) the files no longer declare:");
    pruned.forEach(p -> err().println("  " + p));
    err().print("Delete them? [y/N] ");
    err().flush();
    String answer = session().input().readLine();
    if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes")) {
      throw new CliException(ExitCode.INVALID, "nothing was applied or deleted");
    }
  }

  private static String path(String key) {
    int slash = key.indexOf('/');
    return TesseraClient.encode(key.substring(0, slash))
        + "/"
        + TesseraClient.encode(key.substring(slash + 1));
  }
}
