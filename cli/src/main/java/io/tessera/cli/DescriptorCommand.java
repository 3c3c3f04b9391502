package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.client.Problem;
import io.tessera.cli.client.ServerRefusedException;
import io.tessera.cli.client.TesseraClient;
import io.tessera.cli.files.DeclaredEntities;
import io.tessera.cli.files.DescriptorFiles;
import io.tessera.cli.files.DocumentSet;
import io.tessera.cli.git.GitState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the commands that read descriptor files share: {@code -f} (files and directories), {@code
 * --domain}, the connection, reading the documents, the Git commit, and turning the server's field
 * errors back into files, documents and lines.
 */
abstract class DescriptorCommand implements Callable<Integer> {
  @ParentCommand TesseraCli root;

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "PATH",
      description =
          "A descriptor file or a directory, read recursively (*.yaml, *.yml, *.json; many"
              + " documents per file). Repeat for more.")
  List<Path> paths;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "The domain of standard documents (ODPS, ODCS) that do not name one.")
  String domain;

  @Mixin ConnectionOptions connection;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Session session() {
    return root.session();
  }

  TesseraClient client() {
    return connection.client(session(), err());
  }

  /** Reads every document of {@code -f}; none at all is invalid input. */
  DocumentSet readDocuments() {
    DescriptorFiles files = new DescriptorFiles();
    List<Path> found = files.find(paths);
    if (found.size() > 1) {
      progress("reading " + found.size() + " files…");
    }
    DocumentSet set = files.read(found);
    if (set.documents().isEmpty()) {
      throw new CliException(
          ExitCode.INVALID, "no descriptor documents found in " + describe(paths));
    }
    return set;
  }

  /** HEAD of the Git working tree the files are in, warning about uncommitted changes to them. */
  String commit(DocumentSet set) {
    Optional<GitState> git = GitState.of(paths.get(0), set.files());
    if (git.isEmpty()) {
      return null;
    }
    List<String> dirty = git.get().uncommitted();
    if (!dirty.isEmpty()) {
      err()
          .println(
              "warning: "
                  + dirty.size()
                  + " file(s) have changes that are not committed, yet the server records commit "
                  + git.get().commit().substring(0, 12)
                  + " for them: "
                  + String.join(", ", dirty.subList(0, Math.min(5, dirty.size())))
                  + (dirty.size() > 5 ? ", …" : ""));
    }
    return git.get().commit();
  }

  /** The products of the declared domains that the documents no longer declare. */
  List<String> undeclaredProducts(TesseraClient client, DocumentSet set) {
    DeclaredEntities declared = DeclaredEntities.of(set, domain);
    if (declared.domains().isEmpty()) {
      err()
          .println(
              "warning: --prune deletes only in domains whose kind: Domain document is among the"
                  + " files, and there is none: nothing to prune");
      return List.of();
    }
    List<String> existing = new ArrayList<>();
    for (String d : declared.domains().stream().sorted().toList()) {
      for (JsonNode product : client.list("/api/v1/products", Map.of("domain", d))) {
        existing.add(product.path("domain").asText() + "/" + product.path("name").asText());
      }
    }
    return declared.undeclared(existing);
  }

  /**
   * The server's refusal with each wrong field named by file, document and line: {@code
   * products/orders.yaml:14: document 2, spec.owner: required}.
   */
  CliException located(ServerRefusedException e, DocumentSet set) {
    Problem problem = e.problem();
    List<String> details = new ArrayList<>(e.details());
    for (Problem.FieldError error : problem.errors()) {
      details.add(set.locate(error.field()).describe() + ": " + error.message());
    }
    details.addAll(problem.violations());
    return new CliException(e.exitCode(), e.getMessage(), details);
  }

  void progress(String message) {
    err().println(message);
    err().flush();
  }

  static String describe(List<Path> paths) {
    return String.join(", ", paths.stream().map(Path::toString).toList());
  }
}
