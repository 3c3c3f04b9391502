package io.tessera.catalogserver.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.serverprocess.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged servers on one PostgreSQL; one is killed with SIGKILL right after a write it
 * acknowledged, the other keeps writing, and the killed node, restarted on its data directory,
 * holds its own write and everything written meanwhile.
 */
class ClusterCrashPostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final Path MODULE_DIR =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JAR = MODULE_DIR.resolve("target/catalog-server.jar");
  private static final Path LOGS = MODULE_DIR.resolve("target/cluster-crash-it");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dirs;
  private static EmbeddedPostgres postgres;
  private static ServerProcess a;
  private static ServerProcess b;

  @BeforeAll
  static void start() throws Exception {
    assertThat(JAR).as("the fat jar is missing: run package first").isRegularFile();
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    for (ServerProcess s : new ServerProcess[] {a, b}) {
      if (s != null) {
        s.stop();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static ServerProcess node(String name, String label) throws Exception {
    return ServerProcess.builder(JAR, LOGS.resolve(label + ".log"))
        .dataDir(dirs.resolve(name))
        .environment("TESSERA_DEMO", "false")
        .environment("TESSERA_ADMIN_TOKEN", ADMIN)
        .environment("TESSERA_SEARCH_SEMANTIC_ENABLED", "false")
        .environment("TESSERA_CLUSTER_NODE_ID", name)
        .environment("DATASOURCES_DEFAULT_URL", postgres.getJdbcUrl("postgres", "postgres"))
        .environment("DATASOURCES_DEFAULT_USERNAME", "postgres")
        .environment("DATASOURCES_DEFAULT_PASSWORD", "postgres")
        .start(Duration.ofSeconds(180));
  }

  private static String domain(String name, String description) {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata:
          name: %s
        spec:
          title: %s
          description: %s
          owner: mailto:domain-owner@example.com
        """
        .formatted(name, name, description);
  }

  private static long apply(ServerProcess node, String yaml) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(node.baseUri() + "/api/v1/descriptors"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/yaml")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Long.parseLong(r.headers().firstValue(ReadYourWritesFilter.POSITION).orElseThrow());
  }

  private static HttpResponse<String> get(ServerProcess node, String path, long waitFor)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(node.baseUri() + path))
            .header("Authorization", "Bearer " + ADMIN)
            .header(ReadYourWritesFilter.WAIT_FOR, Long.toString(waitFor))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNodeKilledRightAfterItsWriteRestartsWithItAndWithWhatOthersWroteMeanwhile()
      throws Exception {
    a = node("crash-a", "a");
    b = node("crash-b", "b-before-kill");
    apply(a, domain("shared", "Written on a."));
    long own = apply(b, domain("own", "Written on b right before it is killed."));

    ProcessHandle process = ProcessHandle.of(b.pid()).orElseThrow();
    assertThat(process.destroyForcibly()).isTrue();
    process.onExit().get();
    b = null;

    long meanwhile = 0;
    for (int i = 0; i < 5; i++) {
      meanwhile = apply(a, domain("meanwhile-" + i, "Written on a while b was down."));
    }
    assertThat(meanwhile).isGreaterThan(own);

    b = node("crash-b", "b-after-kill");
    HttpResponse<String> ownAfter = get(b, "/api/v1/domains/own", own);
    assertThat(ownAfter.statusCode()).as(ownAfter.body()).isEqualTo(200);
    JsonNode domain = JSON.readTree(ownAfter.body());
    assertThat(domain.toString()).contains("Written on b right before it is killed.");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = get(b, "/api/v1/domains/meanwhile-" + i, meanwhile);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    // and b takes writes again, which a reads
    long after = apply(b, domain("after-restart", "Written on b after its restart."));
    assertThat(after).isGreaterThan(meanwhile);
    assertThat(get(a, "/api/v1/domains/after-restart", after).statusCode()).isEqualTo(200);
  }
}
