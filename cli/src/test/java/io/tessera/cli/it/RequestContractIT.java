package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real {@code tessera.jar} sends, checked on a recording HTTP server of the JDK: one JSON
 * list of every document, the {@code Tessera-Commit} header from a Git working tree, the bearer
 * token, and for {@code check-breaking --prune} the {@code deleted} parameters; the impact answer
 * of the server's contract read back into an exit code.
 */
class RequestContractIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the server saw. */
  record Seen(String method, String path, String query, String commit, String auth, byte[] body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @TempDir Path work;

  @BeforeEach
  void startRecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    URI uri = exchange.getRequestURI();
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            uri.getPath(),
            uri.getRawQuery(),
            exchange.getRequestHeaders().getFirst("Tessera-Commit"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    String answer =
        switch (uri.getPath()) {
          case "/api/v1/products" ->
              "{\"items\":[{\"domain\":\"cli-returns\",\"name\":\"refunds\"},"
                  + "{\"domain\":\"cli-returns\",\"name\":\"old-returns\"}]}";
          case "/api/v1/descriptors/impact" ->
              Files.readString(
                  SharedServer.MODULE_DIR.resolve("src/test/resources/impact/orders-retyped.json"));
          default ->
              "{\"dryRun\":false,\"results\":[{\"index\":0,\"kind\":\"Domain\",\"domain\":\"cli-returns\","
                  + "\"name\":\"cli-returns\",\"status\":\"unchanged\",\"revision\":1,\"changes\":[]}]}";
        };
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void shouldSendEveryDocumentInOneRequestWithTheHeadCommitAndTheToken() throws Exception {
    Path repo = Tessera.copyFixture("team-repo", work.resolve("repo"));
    RevCommit head;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      head =
          git.commit()
              .setMessage("descriptors")
              .setAuthor("team", "team@example.com")
              .setCommitter("team", "team@example.com")
              .setSign(false)
              .call();
    }

    Tessera.Run run =
        Tessera.against(url(), "a-token", work)
            .run("apply", "-f", "repo", "--domain", "cli-returns");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(seen).hasSize(1);
    Seen apply = seen.get(0);
    assertThat(apply.method()).isEqualTo("POST");
    assertThat(apply.path()).isEqualTo("/api/v1/descriptors");
    assertThat(apply.query()).isEqualTo("domain=cli-returns");
    assertThat(apply.commit()).isEqualTo(head.name()).matches("[0-9a-f]{40}");
    assertThat(apply.auth()).isEqualTo("Bearer a-token");
    JsonNode body = JSON.readTree(apply.body());
    assertThat(body.isArray()).isTrue();
    assertThat(body).hasSize(5);
    assertThat(run.lines()).containsExactly("unchanged domain cli-returns (revision 1)");
  }

  @Test
  void shouldSendDryRunWithoutCommitOutsideAGitWorkingTree() {
    Tessera.copyFixture("team-repo", work.resolve("repo"));

    Tessera.Run run = Tessera.against(url(), null, work).run("apply", "--dry-run", "-f", "repo");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(seen.get(0).query()).isEqualTo("dryRun=true");
    assertThat(seen.get(0).commit()).isNull();
    assertThat(seen.get(0).auth()).isNull();
  }

  @Test
  void shouldSendUndeclaredProductsAsDeletedAndExitThreeOnBreakingChanges() {
    Tessera.copyFixture("team-repo", work.resolve("repo"));

    Tessera.Run run =
        Tessera.against(url(), "a-token", work)
            .run("check-breaking", "-f", "repo", "--prune", "--format", "github");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(seen)
        .extracting(Seen::path)
        .containsExactly("/api/v1/products", "/api/v1/descriptors/impact");
    assertThat(seen.get(0).query()).contains("domain=cli-returns");
    assertThat(seen.get(1).query()).isEqualTo("deleted=cli-returns%2Fold-returns");
    assertThat(run.lines()).hasSize(3).allMatch(l -> l.startsWith("::error "));
  }
}
