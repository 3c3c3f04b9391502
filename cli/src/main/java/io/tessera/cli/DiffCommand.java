package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.client.ServerRefusedException;
import io.tessera.cli.files.DocumentSet;
import io.tessera.cli.files.SourceDocument;
import io.tessera.cli.render.DiffRenderer;
import io.tessera.cli.render.Entities;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tessera diff}: the server's dry run, field by field. */
@Command(
    name = "diff",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    description = {
      "Show what applying the files would change, field by field (the server's dry run; nothing"
          + " is written), like kubectl diff:",
      "  ~ spec.outputPorts[0].schema[2].type: decimal -> string",
      "  + spec.tags[3]: revenue",
      "  - spec.description: Orders of the web shop"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing would change",
      "1:something would change",
      "2:wrong usage or unreadable files",
      "4:the server refused the documents",
      "5:the server cannot be reached",
      "6:the server failed"
    })
final class DiffCommand extends DescriptorCommand {
  private static final Map<String, String> SIGNS =
      Map.of("created", "+", "deleted", "-", "updated", "~", "retired", "~");

  @Override
  public Integer call() {
    DocumentSet set = readDocuments();
    String commit = commit(set);
    JsonNode report;
    try {
      report = client().apply(set.requestBody(), true, domain, commit);
    } catch (ServerRefusedException e) {
      throw located(e, set);
    }
    DiffRenderer renderer = new DiffRenderer();
    int changed = 0;
    int total = 0;
    for (JsonNode result : report.path("results")) {
      total++;
      String status = result.path("status").asText();
      if (status.equals("unchanged")) {
        continue;
      }
      changed++;
      String where =
          set.at(result.path("index").asInt(-1))
              .map(SourceDocument::file)
              .map(f -> ", " + f)
              .orElse("");
      out()
          .println(
              SIGNS.getOrDefault(status, "~")
                  + " "
                  + Entities.name(result)
                  + " ("
                  + status
                  + where
                  + ")");
      for (String line : renderer.render(result.path("changes"))) {
        out().println("    " + line);
      }
    }
    out().flush();
    err()
        .println(
            changed == 0
                ? "no differences: the server holds every document as it is"
                : changed + " of " + total + " document(s) would change");
    return changed == 0 ? ExitCode.OK : ExitCode.DIFFERENCES;
  }
}
