package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.client.ServerRefusedException;
import io.tessera.cli.client.TesseraClient;
import io.tessera.cli.files.DocumentSet;
import io.tessera.cli.render.ImpactFormat;
import io.tessera.cli.render.ImpactReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera check-breaking}: what the files would break for the products' consumers. */
@Command(
    name = "check-breaking",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    description = {
      "Check whether applying the files would break consumers (removed or moved ports, removed,"
          + " retyped or newly required columns, retired or deleted products), with the consumers"
          + " each change affects: jobs reading the data, products declaring it as input,"
          + " agreements and registered interest. Asks POST /api/v1/descriptors/impact; nothing is"
          + " written.",
      "For CI: --format junit (JUnit XML) or --format github (GitHub Actions annotations)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no breaking change",
      "2:wrong usage or unreadable files",
      "3:breaking changes (listed with their consumers)",
      "4:the server refused the documents",
      "5:the server cannot be reached",
      "6:the server failed"
    })
final class CheckBreakingCommand extends DescriptorCommand {
  @Option(
      names = "--prune",
      description =
          "Count the products that the files no longer declare, in the domains they declare, as"
              + " deleted (as apply --prune would delete them).")
  boolean prune;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json (the server's answer with file names), junit or github.")
  ImpactFormat format;

  @Override
  public Integer call() {
    DocumentSet set = readDocuments();
    String commit = commit(set);
    TesseraClient client = client();
    List<String> deleted = prune ? undeclaredProducts(client, set) : List.of();
    JsonNode answer;
    try {
      answer = client.impact(set.requestBody(), domain, deleted, commit);
    } catch (ServerRefusedException e) {
      if (e.problem().status() == 404 && e.problem().errors().isEmpty()) {
        throw new CliException(
            ExitCode.REFUSED,
            "the server at "
                + client.connection().display()
                + " does not offer the breaking-change check (POST /api/v1/descriptors/impact"
                + " answered 404); it needs a newer Tessera server");
      }
      throw located(e, set);
    }
    String workspace = session().environment().get("GITHUB_WORKSPACE");
    ImpactReport report =
        new ImpactReport(
            answer, set, workspace == null || workspace.isBlank() ? null : Path.of(workspace));
    format.write(report, out());
    return report.breaking() ? ExitCode.BREAKING : ExitCode.OK;
  }
}
