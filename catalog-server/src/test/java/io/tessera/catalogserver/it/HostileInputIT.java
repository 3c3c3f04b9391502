package io.tessera.catalogserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.serverprocess.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the hostile-input corpus ({@code src/test/resources/hostile/corpus.json}: malformed and
 * hostile requests to every endpoint) against the packaged jar started as a child process with the
 * demo catalog and an admin token, and checks that no answer is a 5xx (except a SPARQL {@code
 * query-timeout}), that every error is a problem document (or, on {@code /graphql}, a GraphQL error
 * with {@code extensions.code}), that every answer comes within 15 s and carries the security
 * headers, and that the catalog is unchanged afterwards.
 */
class HostileInputIT {
  private static final Logger LOG = LoggerFactory.getLogger(HostileInputIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_DEADLINE = Duration.ofSeconds(180);
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);
  private static final Path MODULE_DIR =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JAR = MODULE_DIR.resolve("target/catalog-server.jar");
  private static final Path LOGS = MODULE_DIR.resolve("target/hostile-input-it");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TempDir static Path dataDir;

  private static ServerProcess server;

  /** What the framework says that a person who is not a developer cannot act on. */
  private static final java.util.regex.Pattern DEVELOPER_SPEAK =
      java.util.regex.Pattern.compile(
          "Failed to convert|Required (Body|QueryValue|Header|argument)|not allowed for URI"
              + "|Allowed types: \\[|Page Not Found|io\\.micronaut|com\\.fasterxml|java\\.lang"
              + "|Exception|Unexpected character|due to:");

  @BeforeAll
  static void startWithDemoCatalog() throws Exception {
    assertThat(JAR)
        .as("the fat jar %s is missing: run `./mvnw -pl catalog-server -am package` first", JAR)
        .isRegularFile();
    server =
        ServerProcess.builder(JAR, LOGS.resolve("server.log"))
            .dataDir(dataDir)
            .environment("TESSERA_DEMO", "true")
            .environment("TESSERA_ADMIN_TOKEN", TestCredentials.ADMIN_TOKEN)
            .start(START_DEADLINE);
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void shouldAnswerEveryHostileRequestWithAClientErrorAndChangeNothing() throws Exception {
    Map<String, Long> before = settledCatalog();
    JsonNode cases = corpus().get("cases");
    assertThat(cases.size()).as("corpus size").isGreaterThanOrEqualTo(200);

    List<String> failures = new ArrayList<>();
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    for (JsonNode c : cases) {
      String label = c.get("class").asText() + ": " + c.get("name").asText();
      long started = System.nanoTime();
      HttpResponse<byte[]> response;
      try {
        response = HTTP.send(request(c), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        failures.add(label + " -> no answer within " + ANSWER_BOUND + ": " + e);
        continue;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      statuses
          .computeIfAbsent(c.get("class").asText(), k -> new TreeMap<>())
          .merge(response.statusCode(), 1, Integer::sum);
      check(c, label, response, took, failures);
    }
    LOG.info("hostile corpus: {} requests, statuses by class {}", cases.size(), statuses);

    assertThat(failures).as("requests answered wrongly").isEmpty();
    assertThat(settledCatalog()).as("the catalog after the corpus").isEqualTo(before);
  }

  private static void check(
      JsonNode c, String label, HttpResponse<byte[]> response, Duration took, List<String> out) {
    int status = response.statusCode();
    String path = c.get("path").asText();
    String type = response.headers().firstValue("Content-Type").orElse("");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String at = label + " -> " + status + " " + abbreviate(body);
    if (took.compareTo(ANSWER_BOUND) > 0) {
      out.add(at + ": took " + took.toMillis() + " ms");
    }
    List<String> expected = new ArrayList<>();
    c.get("expect").forEach(e -> expected.add(e.asText()));
    String statusClass = (status / 100) + "xx";
    if (!expected.contains(statusClass) && !expected.contains(Integer.toString(status))) {
      out.add(at + ": expected " + expected);
    }
    if (status >= 500 && !(status == 503 && body.contains("query-timeout"))) {
      out.add(at + ": a server error");
    }
    if (!response.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")
        || !response
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'")) {
      out.add(at + ": without the security headers");
    }
    boolean graphql = path.startsWith("/graphql");
    if (status >= 400 && !graphql && !type.startsWith("application/problem+json")) {
      out.add(at + ": not application/problem+json but '" + type + "'");
    }
    if (status >= 400 && type.startsWith("application/problem+json")) {
      try {
        String detail = JSON.readTree(body).path("detail").asText();
        if (DEVELOPER_SPEAK.matcher(detail).find()) {
          out.add(at + ": a message in the framework's words: " + detail);
        }
      } catch (IOException e) {
        out.add(at + ": a problem document that is not JSON");
      }
    }
    if (graphql && (status >= 400 || body.contains("\"errors\""))) {
      if (type.startsWith("application/problem+json")) {
        return; // a refusal before GraphQL (401, 413 by declared length)
      }
      try {
        JsonNode errors = JSON.readTree(body).path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
          out.add(at + ": a GraphQL error answer without errors");
        }
        for (JsonNode error : errors) {
          if (!error.path("extensions").path("code").isTextual()) {
            out.add(at + ": a GraphQL error without extensions.code");
          }
        }
      } catch (IOException e) {
        out.add(at + ": not a GraphQL JSON answer");
      }
    }
  }

  private static HttpRequest request(JsonNode c) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(c.get("path").asText()))
            .timeout(ANSWER_BOUND);
    switch (c.path("auth").asText("admin")) {
      case "admin" -> request.header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN);
      case "bogus" -> request.header("Authorization", "Bearer tsr_not-a-token");
      case "basic" -> request.header("Authorization", "Basic YWRtaW46YWRtaW4=");
      default -> {
        // anonymous
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      request.header(header.getKey(), header.getValue().asText());
    }
    byte[] body = body(c);
    return request
        .method(
            c.get("method").asText(),
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /**
   * {@code body} (text), {@code bodyBase64} (bytes) or {@code repeat} (prefix, unit × times,
   * suffix).
   */
  private static byte[] body(JsonNode c) {
    if (c.has("body")) {
      return c.get("body").asText().getBytes(StandardCharsets.UTF_8);
    }
    if (c.has("bodyBase64")) {
      return Base64.getDecoder().decode(c.get("bodyBase64").asText());
    }
    JsonNode repeat = c.get("repeat");
    if (repeat == null) {
      return null;
    }
    return (repeat.get("prefix").asText()
            + repeat.get("unit").asText().repeat(repeat.get("times").asInt())
            + repeat.get("suffix").asText())
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The catalog's counts, once the demo's lineage projection and background checks are done. */
  private static Map<String, Long> settledCatalog() throws Exception {
    long ready = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < ready
        && HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.baseUri() + "/health/readiness"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            != 200) {
      Thread.sleep(500); // the demo's projection and index catch up with its journal
    }
    Map<String, Long> last = catalog();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(3000);
      Map<String, Long> now = catalog();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private static Map<String, Long> catalog() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("products", size(get("/api/v1/products?limit=500")));
    counts.put("domains", size(get("/api/v1/domains")));
    counts.put("policies", size(get("/api/v1/policies")));
    counts.put("events", get("/api/v1/events/lineage?limit=1").get("totalCount").asLong());
    counts.put("tokens", size(get("/api/v1/tokens")));
    // a product's health is the SLO clock's to change while the corpus runs (a freshness window
    // may close on a loaded machine), not the corpus's: it is left out of the count
    String count =
        "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o }"
            + " FILTER(!STRSTARTS(STR(?p), 'https://w3id.org/tessera/ns#health')) }";
    JsonNode triples =
        get("/sparql?query=" + URLEncoder.encode(count, StandardCharsets.UTF_8))
            .at("/results/bindings/0/n/value");
    counts.put("triples", Long.parseLong(triples.asText()));
    return counts;
  }

  private static long size(JsonNode listing) {
    JsonNode items = listing.isArray() ? listing : listing.path("items");
    assertThat(items.isArray()).as("a listing: %s", abbreviate(listing.toString())).isTrue();
    return items.size();
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
                .header("Accept", "application/json, application/sparql-results+json")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode corpus() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            HostileInputIT.class.getResourceAsStream("/hostile/corpus.json"),
            "hostile/corpus.json")) {
      return JSON.readTree(in);
    }
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
