package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.client.TesseraClient;
import io.tessera.cli.files.DescriptorFiles;
import io.tessera.cli.render.YamlText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tessera export}: a domain's latest descriptors, as files to apply again. */
@Command(
    name = "export",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    description = {
      "Write the latest descriptors of a domain and its products as YAML files:"
          + " DIR/DOMAIN/domain.yaml and DIR/DOMAIN/products/NAME.yaml, exactly as they were last"
          + " applied (in the UI or from files), so that a team can start its repository from"
          + " them. Applying the export again changes nothing.",
      "Policies are not exported: the API lists them in their evaluated form, not as the"
          + " documents that declared them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:exported",
      "2:wrong usage, or the directory cannot be written",
      "4:the server refused (e.g. no such domain)",
      "5:the server cannot be reached",
      "6:the server failed"
    })
final class ExportCommand implements Callable<Integer> {
  @ParentCommand TesseraCli root;

  @Spec CommandSpec spec;

  @Option(
      names = "--domain",
      required = true,
      paramLabel = "DOMAIN",
      description = "The domain to export.")
  String domain;

  @Option(
      names = {"-d", "--dir"},
      required = true,
      paramLabel = "DIR",
      description = "The directory to write into (created if missing).")
  Path dir;

  @Mixin ConnectionOptions connection;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TesseraClient client = connection.client(root.session(), err);
    String encoded = TesseraClient.encode(domain);
    Path base = dir.resolve(domain);
    JsonNode domainDescriptor = latest(client.get("/api/v1/domains/" + encoded + "/revisions"));
    if (domainDescriptor == null) {
      throw new CliException(
          ExitCode.REFUSED,
          "domain "
              + domain
              + " has no descriptor to export: it was deleted, or this token may not read it");
    }
    write(base.resolve("domain.yaml"), domainDescriptor, out);
    List<JsonNode> products = client.list("/api/v1/products", Map.of("domain", domain));
    int done = 0;
    Set<Path> written = new HashSet<>();
    for (JsonNode product : products) {
      String name = product.path("name").asText();
      err.println("exporting " + domain + "/" + name + " (" + ++done + "/" + products.size() + ")");
      err.flush();
      JsonNode descriptor =
          latest(
              client.get(
                  "/api/v1/products/" + encoded + "/" + TesseraClient.encode(name) + "/revisions"));
      if (descriptor != null) {
        Path file = base.resolve("products").resolve(name + ".yaml");
        write(file, descriptor, out);
        written.add(file);
      } else {
        err.println(
            "warning: skipped "
                + domain
                + "/"
                + name
                + ": its latest revision shows no descriptor to this token");
      }
    }
    warnAboutStaleFiles(base.resolve("products"), written, err);
    out.println("exported domain " + domain + " and " + products.size() + " product(s) to " + base);
    out.flush();
    return ExitCode.OK;
  }

  /** Files left from an earlier export would declare products the catalog no longer has. */
  private static void warnAboutStaleFiles(Path products, Set<Path> written, PrintWriter err) {
    if (!Files.isDirectory(products)) {
      return;
    }
    try (Stream<Path> files = Files.list(products)) {
      files
          .filter(f -> DescriptorFiles.isDescriptorFile(f) && !written.contains(f))
          .sorted()
          .forEach(
              f ->
                  err.println(
                      "warning: "
                          + f
                          + " was not written by this export (no such product in the catalog);"
                          + " applying it would declare it again"));
    } catch (IOException e) {
      err.println("warning: cannot list " + products + ": " + e.getMessage());
    }
  }

  /** The descriptor of the newest revision, or null when the entity was deleted. */
  private static JsonNode latest(JsonNode revisions) {
    if (!revisions.isArray() || revisions.isEmpty()) {
      return null;
    }
    JsonNode last = revisions.get(revisions.size() - 1);
    JsonNode descriptor = last.path("descriptor");
    return descriptor.isObject() ? descriptor : null;
  }

  private static void write(Path file, JsonNode descriptor, PrintWriter out) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, YamlText.of(descriptor));
    } catch (IOException e) {
      throw new CliException(ExitCode.INVALID, "cannot write " + file + ": " + e.getMessage());
    }
    out.println("wrote " + file);
  }
}
