package io.tessera.catalogserver.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.PlainHttp;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git sync against a real repository: a bare repository in a temporary directory, followed by
 * its {@code file://} URL, into which the test pushes commits of descriptors from a working clone
 * (JGit), and a server with real TDB2, Lucene and H2 driven over HTTP. The tests run in order, as
 * commits follow one another; each waits for the sync by triggering it ({@code POST
 * /api/v1/admin/git/sync}, which answers once the sync ended), never by sleeping. The server
 * follows {@code catalog/} of the repository, exclusively (the default), with pruning on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitSyncIT {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String SECRET = "s3cret-token-never-shown";
  private static final String ORDERS = "/api/v1/products/sales/orders";
  private static final String REFUNDS = "/api/v1/products/sales/refunds";

  @TempDir static Path directory;

  private TestRepository repository;
  private EmbeddedServer server;
  private PlainHttp http;
  private String first;
  private String second;

  @BeforeAll
  void pushTheFirstCommitAndStartTheServer() throws Exception {
    repository = TestRepository.create(directory);
    repository
        .write("README.md", "# Sales descriptors\n")
        .write("other/not-descriptors.yaml", "this: [is not, read")
        .write("catalog/sales/domain.yaml", resource("sales-domain.yaml"))
        .write("catalog/sales/orders.yaml", resource("orders.yaml"))
        .write("catalog/sales/refunds.yaml", resource("refunds.yaml"));
    first = repository.commitAndPush("sales: domain, orders and refunds");
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.<String, Object>copyOf(
                TestServer.properties(
                    "tessera-gitsync-it",
                    "tessera.git.url",
                    repository.url(),
                    "tessera.git.path",
                    "catalog",
                    "tessera.git.password",
                    SECRET,
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
  @Order(1)
  void shouldApplyTheFirstCommitAndRecordItsShaInEveryRevision() {
    JsonNode sync = sync();
    assertThat(sync.path("commit").asText()).isEqualTo(first);
    assertThat(sync.path("outcome").asText()).isIn("applied", "up-to-date");

    JsonNode status = status(ADMIN);
    assertThat(status.path("lastAppliedCommit").asText()).isEqualTo(first);
    assertThat(status.path("lastFetchedCommit").asText()).isEqualTo(first);
    assertThat(status.path("branch").asText()).isEqualTo("main");
    assertThat(status.path("path").asText()).isEqualTo("catalog");
    assertThat(status.path("interval").asText()).isEqualTo("PT1H");
    assertThat(status.path("exclusive").asBoolean()).isTrue();
    assertThat(status.path("repository").asText()).isEqualTo(repository.url());
    assertThat(status.path("managedDomains")).extracting(JsonNode::asText).containsExactly("sales");
    assertThat(status.path("lastError").isNull() || status.path("lastError").isMissingNode())
        .isTrue();
    assertThat(status.path("drift").path("editedElsewhere")).isEmpty();
    for (String path :
        List.of(ORDERS + "/revisions", REFUNDS + "/revisions", "/api/v1/domains/sales/revisions")) {
      JsonNode revision = http.get(path, ADMIN).json().get(0);
      assertThat(revision.path("commit").asText()).as(path).isEqualTo(first);
      assertThat(revision.path("channel").asText()).isEqualTo("git");
      assertThat(revision.path("actor").asText()).isEqualTo("git:" + repository.url());
    }
  }

  @Test
  @Order(2)
  void shouldApplyASecondCommitThatAddsAColumnWithTheNewSha() throws Exception {
    repository.write(
        "catalog/sales/orders.yaml",
        resource("orders.yaml")
            .replace(
                "        - {name: amount, type: decimal}\n",
                "        - {name: amount, type: decimal}\n        - {name: currency, type: string}\n"));
    second = repository.commitAndPush("orders: currency column");

    JsonNode sync = sync();

    assertThat(sync.path("outcome").asText()).isEqualTo("applied");
    assertThat(sync.path("commit").asText()).isEqualTo(second);
    assertThat(statuses(sync))
        .containsExactly("sales unchanged", "orders updated", "refunds unchanged");
    assertThat(columns()).containsExactly("order_id", "amount", "currency");
    JsonNode revisions = http.get(ORDERS + "/revisions", ADMIN).json();
    assertThat(revisions).hasSize(2);
    assertThat(revisions.get(1).path("commit").asText()).isEqualTo(second);
    assertThat(http.get(REFUNDS + "/revisions", ADMIN).json()).hasSize(1);
    assertThat(status(ADMIN).path("lastAppliedCommit").asText()).isEqualTo(second);
    assertThat(sync().path("outcome").asText())
        .as("a commit already applied is not applied again")
        .isEqualTo("up-to-date");
    assertThat(http.get(ORDERS + "/revisions", ADMIN).json()).hasSize(2);
  }

  @Test
  @Order(3)
  void shouldNotApplyACommitWithAnInvalidDocumentAndNameItsFileAndField() throws Exception {
    String ordersBefore = http.get(ORDERS, ADMIN).body();
    repository
        .write(
            "catalog/sales/refunds.yaml",
            resource("refunds.yaml").replace("Refunds granted", "Refunds granted and pending"))
        .write(
            "catalog/sales/orders.yaml",
            resource("orders.yaml").replace(", name: \"sales.public.orders\"", ""));
    String invalid = repository.commitAndPush("orders: dataset without a name");

    JsonNode sync = sync();

    assertThat(sync.path("outcome").asText()).isEqualTo("failed");
    JsonNode error = sync.path("error");
    assertThat(error.path("commit").asText()).isEqualTo(invalid);
    assertThat(error.path("errors").get(0).path("file").asText())
        .isEqualTo("catalog/sales/orders.yaml");
    assertThat(error.path("errors").get(0).path("document").asInt()).isZero();
    assertThat(error.path("errors").get(0).path("field").asText())
        .isEqualTo("spec.outputPorts[0].dataset.name");
    assertThat(error.path("errors").get(0).path("message").asText()).isEqualTo("required");

    JsonNode status = status(ADMIN);
    assertThat(status.path("lastAppliedCommit").asText()).isEqualTo(second);
    assertThat(status.path("lastFetchedCommit").asText()).isEqualTo(invalid);
    assertThat(status.path("lastError").path("commit").asText()).isEqualTo(invalid);
    assertThat(status.path("drift").path("notInCatalog").toString())
        .contains("catalog/sales/orders.yaml", "catalog/sales/refunds.yaml");
    assertThat(http.get(ORDERS, ADMIN).body()).isEqualTo(ordersBefore);
    assertThat(http.get(REFUNDS, ADMIN).json().path("description").asText())
        .as("nothing of the commit is applied, not even its valid documents")
        .isEqualTo("Refunds granted, one row per refunded order line.");
    assertThat(sync().path("outcome").asText()).isEqualTo("skipped");
  }

  @Test
  @Order(4)
  void shouldFollowAForcePushToAnOlderTree() throws Exception {
    repository.forcePushTo(first);

    JsonNode sync = sync();

    assertThat(sync.path("outcome").asText()).isEqualTo("applied");
    assertThat(sync.path("commit").asText()).isEqualTo(first);
    assertThat(columns()).containsExactly("order_id", "amount");
    JsonNode revisions = http.get(ORDERS + "/revisions", ADMIN).json();
    assertThat(revisions).hasSize(3);
    assertThat(revisions.get(2).path("commit").asText()).isEqualTo(first);
    JsonNode status = status(ADMIN);
    assertThat(status.path("lastAppliedCommit").asText()).isEqualTo(first);
    assertThat(status.path("lastError").isNull() || status.path("lastError").isMissingNode())
        .isTrue();
    assertThat(status.path("drift").path("notInCatalog")).isEmpty();
  }

  @Test
  @Order(5)
  void shouldRefuseWritesToAManagedDomainFromOtherChannelsWith409() {
    String ordersBefore = http.get(ORDERS, ADMIN).body();
    String edited = resource("orders.yaml").replace("lifecycle: design", "lifecycle: build");

    JsonNode apply =
        problem(http.post("/api/v1/descriptors", ADMIN, edited, "application/yaml"), 409);
    assertThat(apply.path("detail").asText())
        .isEqualTo(
            "domain sales is managed in Git ("
                + repository.url()
                + ", branch main, path catalog); change it there");
    problem(http.post(ORDERS + "/retire", ADMIN, null, null), 409);
    problem(http.send("DELETE", ORDERS, ADMIN, null, null, Map.of()), 409);
    problem(http.send("DELETE", "/api/v1/domains/sales", ADMIN, null, null, Map.of()), 409);
    JsonNode graphql =
        http.post(
                "/graphql",
                ADMIN,
                "{\"query\":\"mutation { retireProduct(input: {domain: \\\"sales\\\","
                    + " name: \\\"orders\\\"}) { results { status } } }\"}",
                "application/json")
            .json();
    assertThat(graphql.toString()).contains("managed-in-git");

    assertThat(http.get(ORDERS, ADMIN).body()).isEqualTo(ordersBefore);
    assertThat(http.get(ORDERS + "/revisions", ADMIN).json()).hasSize(3);
    assertThat(
            http.post("/api/v1/descriptors?dryRun=true", ADMIN, edited, "application/yaml")
                .status())
        .as("a dry run writes nothing, so it is answered")
        .isEqualTo(200);
    assertThat(
            http.post(
                    "/api/v1/descriptors",
                    ADMIN,
                    "apiVersion: tessera/v1\nkind: Domain\nmetadata: {name: finance}\n"
                        + "spec: {title: Finance, owner: \"mailto:finance@example.com\"}\n",
                    "application/yaml")
                .status())
        .as("a domain the repository does not manage")
        .isEqualTo(200);
  }

  @Test
  @Order(6)
  void shouldDeleteAProductRemovedFromTheRepository() throws Exception {
    repository.delete("catalog/sales/refunds.yaml");
    String removed = repository.commitAndPush("refunds: moved elsewhere");

    JsonNode sync = sync();

    assertThat(sync.path("outcome").asText()).isEqualTo("applied");
    assertThat(sync.path("pruned"))
        .extracting(JsonNode::asText)
        .containsExactly("https://tessera.local/product/sales/refunds");
    assertThat(http.get(REFUNDS, ADMIN).status()).isEqualTo(404);
    JsonNode revisions = http.get(REFUNDS + "/revisions", ADMIN).json();
    JsonNode deletion = revisions.get(revisions.size() - 1);
    assertThat(deletion.path("action").asText()).isEqualTo("deleted");
    assertThat(deletion.path("commit").asText()).isEqualTo(removed);
    assertThat(deletion.path("channel").asText()).isEqualTo("git");
    assertThat(http.get(ORDERS, ADMIN).status()).isEqualTo(200);
  }

  @Test
  @Order(7)
  void shouldShowTheStatusToAdminsAndManagedDomainOwnersOnlyAndNeverTheSecret() {
    String salesOwner = token("sales-owner", "domain-owner", "sales");
    String financeOwner = token("finance-owner", "domain-owner", "finance");
    String consumer = token("reader", "consumer", null);

    assertThat(http.get("/api/v1/admin/git", salesOwner).status()).isEqualTo(200);
    problem(http.get("/api/v1/admin/git", financeOwner), 403);
    problem(http.get("/api/v1/admin/git", consumer), 403);
    problem(http.get("/api/v1/admin/git", null), 401);
    problem(http.post("/api/v1/admin/git/sync", salesOwner, null, null), 403);
    problem(http.post("/api/v1/admin/git/sync?force=maybe", ADMIN, null, null), 400);

    assertThat(http.get("/api/v1/admin/git", ADMIN).body()).doesNotContain(SECRET);
    assertThat(http.post("/api/v1/admin/git/sync", ADMIN, null, null).body())
        .doesNotContain(SECRET);
    assertThat(http.get("/api/v1/audit?action=apply&limit=1000", ADMIN).body())
        .contains("git:" + repository.url())
        .doesNotContain(SECRET);
  }

  private JsonNode sync() {
    PlainHttp.Reply reply = http.post("/api/v1/admin/git/sync", ADMIN, null, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode status(String token) {
    PlainHttp.Reply reply = http.get("/api/v1/admin/git", token);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private List<String> columns() {
    List<String> columns = new ArrayList<>();
    for (JsonNode c : http.get(ORDERS, ADMIN).json().path("outputPorts").get(0).path("schema")) {
      columns.add(c.path("name").asText());
    }
    return columns;
  }

  private static List<String> statuses(JsonNode sync) {
    List<String> statuses = new ArrayList<>();
    for (JsonNode r : sync.path("results")) {
      statuses.add(r.path("name").asText() + " " + r.path("status").asText());
    }
    return statuses;
  }

  private String token(String subject, String role, String domain) {
    String domains = domain == null ? "" : ",\"domains\":[\"" + domain + "\"]";
    PlainHttp.Reply reply =
        http.post(
            "/api/v1/tokens",
            ADMIN,
            "{\"subject\":\"" + subject + "\",\"roles\":[\"" + role + "\"]" + domains + "}",
            "application/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().path("secret").asText();
  }

  static JsonNode problem(PlainHttp.Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    return reply.json();
  }

  static String resource(String name) {
    try (InputStream in = GitSyncIT.class.getResourceAsStream("/gitsync/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
