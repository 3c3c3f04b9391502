package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply --prune} at a terminal: the question, and what each answer does. */
class PruneConfirmationTest {
  private static final String TEAM_REPO = "src/test/resources/descriptors/team-repo";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @TempDir Path home;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          String answer =
              exchange.getRequestURI().getPath().equals("/api/v1/products")
                  ? "{\"items\":[{\"domain\":\"cli-returns\",\"name\":\"refunds\"},"
                      + "{\"domain\":\"cli-returns\",\"name\":\"gone\"}]}"
                  : "{\"results\":[{\"kind\":\"DataProduct\",\"domain\":\"cli-returns\","
                      + "\"name\":\"gone\",\"status\":\"deleted\",\"revision\":2}]}";
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private int apply(String answer, StringWriter out, StringWriter err) {
    Session session =
        new Session(
            Map.of("TESSERA_URL", "http://127.0.0.1:" + server.getAddress().getPort()),
            home,
            new BufferedReader(new StringReader(answer)),
            true);
    return TesseraCli.run(
        session, new PrintWriter(out), new PrintWriter(err), "apply", "-f", TEAM_REPO, "--prune");
  }

  @Test
  void shouldApplyAndDeleteNothingWhenThePersonSaysNo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = apply("n\n", out, err);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--prune will delete 1 product(s) the files no longer declare:")
        .contains("  cli-returns/gone")
        .contains("Delete them? [y/N]")
        .contains("nothing was applied or deleted");
    assertThat(requests).containsExactly("GET /api/v1/products");
  }

  @Test
  void shouldApplyThenDeleteWhenThePersonSaysYes() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = apply("yes\n", out, err);

    assertThat(code).as(err.toString()).isZero();
    assertThat(requests)
        .containsExactly(
            "GET /api/v1/products",
            "POST /api/v1/descriptors",
            "DELETE /api/v1/products/cli-returns/gone");
    assertThat(out.toString()).contains("deleted cli-returns/gone (revision 2)");
  }
}
