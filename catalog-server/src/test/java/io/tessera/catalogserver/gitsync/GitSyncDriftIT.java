package io.tessera.catalogserver.gitsync;

import static io.tessera.catalogserver.gitsync.GitSyncIT.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.PlainHttp;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git sync in non-exclusive mode ({@code tessera.git.exclusive=false}) over a whole repository:
 * other channels may write the managed domain, the status reports what they changed as drift, and
 * the next sync of a new commit (or a forced one) puts the repository's descriptors back and prunes
 * what the repository does not declare. Syncs are triggered, never waited for by sleeping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitSyncDriftIT {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String CAMPAIGNS = "/api/v1/products/marketing/campaigns";
  private static final String CAMPAIGNS_IRI = "https://tessera.local/product/marketing/campaigns";
  private static final String ADHOC_IRI = "https://tessera.local/product/marketing/adhoc";

  @TempDir static Path directory;

  private TestRepository repository;
  private EmbeddedServer server;
  private PlainHttp http;

  @BeforeAll
  void pushAndStart() throws Exception {
    repository = TestRepository.create(directory);
    repository.write("marketing.yaml", resource("marketing.yaml"));
    repository.commitAndPush("marketing: campaigns");
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.<String, Object>copyOf(
                TestServer.properties(
                    "tessera-gitsync-drift-it",
                    "tessera.git.url",
                    repository.url(),
                    "tessera.git.exclusive",
                    "false",
                    "tessera.git.interval",
                    "PT1H")),
            Environment.TEST);
    http = new PlainHttp(server.getURI());
  }

  @AfterAll
  void stop() throws IOException {
    TestServer.stopWith(server, repository);
  }

  @Test
  void shouldAcceptOtherChannelsReportTheirEditsAsDriftAndOverwriteThemAtTheNextSync()
      throws Exception {
    assertThat(sync("").path("outcome").asText()).isIn("applied", "up-to-date");
    String campaigns = resource("marketing.yaml").split("---\n")[1];

    PlainHttp.Reply edit =
        http.post(
            "/api/v1/descriptors",
            ADMIN,
            campaigns.replace("lifecycle: build", "lifecycle: deploy"),
            "application/yaml");
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);
    PlainHttp.Reply adhoc =
        http.post(
            "/api/v1/descriptors",
            ADMIN,
            "apiVersion: tessera/v1\nkind: DataProduct\nmetadata: {domain: marketing, name: adhoc}\n"
                + "spec: {owner: \"mailto:marketing@example.com\"}\n",
            "application/yaml");
    assertThat(adhoc.status()).as(adhoc.body()).isEqualTo(200);

    JsonNode drift = status().path("drift");
    assertThat(iris(drift.path("editedElsewhere"))).containsExactly(ADHOC_IRI, CAMPAIGNS_IRI);
    assertThat(drift.path("editedElsewhere").get(1).path("channel").asText()).isEqualTo("api");
    assertThat(drift.path("editedElsewhere").get(1).path("actor").asText()).isEqualTo("admin");
    assertThat(sync("").path("outcome").asText())
        .as("the same commit is not applied again")
        .isEqualTo("up-to-date");
    assertThat(http.get(CAMPAIGNS, ADMIN).json().path("lifecycle").asText()).isEqualTo("deploy");

    repository.write(
        "marketing.yaml",
        resource("marketing.yaml").replace("with its budget", "with its budget and owner"));
    String next = repository.commitAndPush("marketing: describe campaigns better");
    JsonNode sync = sync("");

    assertThat(sync.path("outcome").asText()).isEqualTo("applied");
    assertThat(sync.path("pruned")).extracting(JsonNode::asText).containsExactly(ADHOC_IRI);
    JsonNode product = http.get(CAMPAIGNS, ADMIN).json();
    assertThat(product.path("lifecycle").asText()).isEqualTo("build");
    assertThat(product.path("description").asText()).contains("budget and owner");
    JsonNode revisions = http.get(CAMPAIGNS + "/revisions", ADMIN).json();
    assertThat(revisions.get(revisions.size() - 1).path("commit").asText()).isEqualTo(next);
    assertThat(status().path("drift").path("editedElsewhere")).isEmpty();

    assertThat(
            http.post(
                    "/api/v1/descriptors",
                    ADMIN,
                    campaigns.replace("lifecycle: build", "lifecycle: consume"),
                    "application/yaml")
                .status())
        .isEqualTo(200);
    assertThat(iris(status().path("drift").path("editedElsewhere"))).containsExactly(CAMPAIGNS_IRI);
    assertThat(sync("?force=true").path("outcome").asText()).isEqualTo("applied");
    assertThat(http.get(CAMPAIGNS, ADMIN).json().path("lifecycle").asText()).isEqualTo("build");
    assertThat(status().path("drift").path("editedElsewhere")).isEmpty();
  }

  private JsonNode sync(String query) {
    PlainHttp.Reply reply = http.post("/api/v1/admin/git/sync" + query, ADMIN, null, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode status() {
    PlainHttp.Reply reply = http.get("/api/v1/admin/git", ADMIN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> iris(JsonNode entities) {
    List<String> iris = new ArrayList<>();
    entities.forEach(e -> iris.add(e.path("iri").asText()));
    return iris;
  }
}
