package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply}, {@code diff} and {@code validate} of the real {@code tessera.jar} against the
 * packaged server: a team's directory applied in one request, applied again unchanged, an edit
 * shown field by field, and what goes wrong (invalid documents, unreadable files, no server, no
 * token) in plain words with the right exit code.
 */
@ExtendWith(SharedServer.class)
class ApplyIT {
  private static URI server;

  @TempDir Path work;

  @BeforeAll
  static void server(URI url) {
    server = url;
  }

  private Tessera tessera() {
    return Tessera.against(server, SharedServer.ADMIN_TOKEN, work);
  }

  @Test
  void shouldApplyDirectoryThenAnswerUnchangedThenDiffAnEditFieldByField() throws IOException {
    Path repo = Tessera.copyFixture("team-repo", work.resolve("repo"));

    Tessera.Run created = tessera().run("apply", "-f", "repo");
    Tessera.Run again = tessera().run("apply", "-f", "repo");
    Tessera.Run clean = tessera().run("diff", "-f", "repo");
    Path refunds = repo.resolve("products/refunds.yaml");
    Files.writeString(
        refunds,
        Files.readString(refunds)
            .replace("type: decimal", "type: string")
            .replace("tags: [refunds]", "tags: [refunds, money]")
            .replace("        - {name: paid_at, type: timestamp}\n", ""));
    Tessera.Run diff = tessera().run("diff", "-f", "repo");
    Tessera.Run applied = tessera().run("apply", "-f", "repo");

    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.lines())
        .containsExactly(
            "created domain cli-returns (revision 1)",
            "created cli-returns/return-labels (revision 1)",
            "created cli-returns/return-reasons (revision 1)",
            "created cli-returns/return-rates (revision 1)",
            "created cli-returns/refunds (revision 1)");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.lines()).hasSize(5).allMatch(l -> l.startsWith("unchanged "));
    assertThat(clean.exitCode()).as(clean.toString()).isZero();
    assertThat(clean.out()).isEmpty();
    assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
    assertThat(diff.lines())
        .containsExactly(
            "~ cli-returns/refunds (updated, repo/products/refunds.yaml)",
            "    ~ spec.outputPorts[0].schema[1].type: decimal -> string",
            "    - spec.outputPorts[0].schema[2].name: paid_at",
            "    - spec.outputPorts[0].schema[2].type: timestamp",
            "    + spec.tags[1]: money");
    assertThat(diff.err()).contains("1 of 5 document(s) would change");
    assertThat(applied.lines()).contains("updated cli-returns/refunds (revision 2)");
  }

  @Test
  void shouldApplyNothingAndNameFileDocumentAndFieldOfEveryErrorWhenSomeDocumentsAreInvalid() {
    Tessera.copyFixture("invalid", work.resolve("mixed"));

    Tessera.Run apply = tessera().run("apply", "-f", "mixed");
    Tessera.Run validate = tessera().run("validate", "-f", "mixed");
    Tessera.Run domains = tessera().run("get", "domains", "-o", "json");

    assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(4);
    assertThat(apply.out()).isEmpty();
    assertThat(apply.err())
        .contains("the server refused POST /api/v1/descriptors: 400")
        .contains("mixed/mixed.yaml:22: document 3, spec.owner: ")
        .contains("mixed/mixed.yaml:25: document 3, spec.outputPorts[0].dataset.name: required")
        .contains("mixed/wrong-type.yaml:8: document 1, spec.lifecycle: unknown 'launched'");
    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(2);
    assertThat(validate.err())
        .contains("3 error(s) in 4 document(s)")
        .contains("mixed/mixed.yaml:22: document 3, spec.owner: ")
        .contains("mixed/mixed.yaml:25: document 3, spec.outputPorts[0].dataset.name: required")
        .contains("mixed/wrong-type.yaml:8: document 1, spec.lifecycle: unknown 'launched'");
    assertThat(domains.out()).doesNotContain("cli-mixed");
  }

  @Test
  void shouldValidateOfflineAndWithTheServersDryRun() {
    Tessera.copyFixture("team-repo", work.resolve("repo"));

    Tessera.Run offline = Tessera.offline(work).run("validate", "-f", "repo");
    Tessera.Run online = tessera().run("validate", "-f", "repo");

    assertThat(online.exitCode()).as(online.toString()).isZero();
    assertThat(online.out())
        .contains("5 document(s) in 4 file(s) are valid, and the server accepts them (dry run)");
    assertThat(offline.exitCode()).as(offline.toString()).isZero();
    assertThat(offline.out()).isEqualTo("5 document(s) in 4 file(s) are valid\n");
  }

  @Test
  void shouldRefuseUnreadableFilesWithExitTwoAndSendNothing() throws IOException {
    Path dir = Files.createDirectories(work.resolve("broken"));
    Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A});
    Path syntax = Files.createDirectories(work.resolve("syntax"));
    Files.writeString(syntax.resolve("bad.yaml"), "apiVersion: tessera/v1\nkind: [Domain\n");

    Tessera.Run binary = tessera().run("apply", "-f", "broken");
    Tessera.Run parse = tessera().run("apply", "-f", "syntax");
    Tessera.Run missing = tessera().run("apply", "-f", "no-such-dir");

    assertThat(binary.exitCode()).as(binary.toString()).isEqualTo(2);
    assertThat(binary.err()).contains("cannot read broken/binary.yaml: not UTF-8 text");
    assertThat(parse.exitCode()).as(parse.toString()).isEqualTo(2);
    assertThat(parse.err()).contains("cannot read syntax/bad.yaml: line ");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no-such-dir: no such file or directory");
  }

  @Test
  void shouldExitFiveWithClearMessageWhenServerIsDown() throws IOException {
    Tessera.copyFixture("team-repo", work.resolve("repo"));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI down = URI.create("http://127.0.0.1:" + closedPort);

    Tessera.Run run =
        Tessera.against(down, SharedServer.ADMIN_TOKEN, work).run("apply", "-f", "repo");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
    assertThat(run.err())
        .contains("cannot reach the Tessera server at " + down + ": connection refused");
  }

  @Test
  void shouldExitFourAndSayTheTokenIsMissingWhenNoneIsSet() {
    Tessera.copyFixture("team-repo", work.resolve("repo"));

    Tessera.Run run = Tessera.against(server, null, work).run("apply", "-f", "repo");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err())
        .contains("the server refused POST /api/v1/descriptors: 401")
        .contains("no token was sent: set TESSERA_TOKEN or put token: in the config file");
  }

  @Test
  void shouldWarnAboutUncommittedChangesWhenFilesAreInAGitWorkingTree() throws Exception {
    Path repo = Tessera.copyFixture("team-repo", work.resolve("git-repo"));
    // its own domain, so that applying it does not change what the other tests see
    try (var files = Files.walk(repo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(file, Files.readString(file).replace("cli-returns", "cli-git-returns"));
      }
    }
    String head;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      head =
          git.commit()
              .setMessage("descriptors")
              .setAuthor("team", "team@example.com")
              .setCommitter("team", "team@example.com")
              .setSign(false)
              .call()
              .getName();
    }
    Tessera.Run applied = tessera().run("apply", "-f", "git-repo");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    // every revision the apply recorded names the commit the files came from
    JsonNode revisions = getJson("/api/v1/products/cli-git-returns/refunds/revisions");
    JsonNode latest = revisions.get(revisions.size() - 1);
    assertThat(latest.path("commit").asText()).isEqualTo(head);
    Tessera.Run committed = tessera().run("apply", "--dry-run", "-f", "git-repo");
    Files.writeString(
        repo.resolve("products/refunds.yaml"),
        Files.readString(repo.resolve("products/refunds.yaml")).replace("Refunds", "All refunds"));

    Tessera.Run edited = tessera().run("apply", "--dry-run", "-f", "git-repo");

    assertThat(committed.exitCode()).as(committed.toString()).isZero();
    assertThat(committed.err()).doesNotContain("warning");
    assertThat(edited.exitCode()).as(edited.toString()).isZero();
    assertThat(edited.err())
        .contains("warning: 1 file(s) have changes that are not committed")
        .contains("products/refunds.yaml");
  }

  private static JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.resolve(path))
                    .header("Authorization", "Bearer " + SharedServer.ADMIN_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
