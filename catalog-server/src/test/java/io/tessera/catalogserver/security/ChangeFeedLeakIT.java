package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The change feed through the leak-matrix mesh ({@code security/leak-matrix/mesh.yaml}) with real
 * policies and tokens: the EU-only product's events reach the EU reader and not the US reader (not
 * a word of them), access-request events reach the product domain's owners and admins only (not
 * even the requester), policy events reach admins and the governed domain's owners, domain events
 * every reader; without credentials the feed answers 401.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeFeedLeakIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String HIDDEN = "fjord/vellichor-ledger";

  @Inject EmbeddedServer server;

  private SecurityHttp http;
  private String eu;
  private String us;
  private String fjordOwner;
  private String skerryOwner;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-change-feed-leak-it", "tessera.security.anonymous-read", "false");
  }

  @BeforeAll
  void applyTheMeshAndAskForAccess() throws Exception {
    http = new SecurityHttp(server.getURI());
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            resource("security/leak-matrix/mesh.yaml"),
            "application/yaml")
        .ok();
    eu =
        token(
            "{\"subject\":\"feed-eu\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"eu\"]}}");
    us =
        token(
            "{\"subject\":\"feed-us\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"us\"]}}");
    fjordOwner =
        token(
            "{\"subject\":\"feed-fjord-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"fjord\"]}");
    skerryOwner =
        token(
            "{\"subject\":\"feed-skerry-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"skerry\"]}");
    SecurityHttp.Reply asked =
        http.post(
            "/api/v1/access-requests",
            eu,
            "{\"product\":\"fjord/quillon-accounts\",\"purpose\":\"Audit the quillon accounts\"}",
            "application/json");
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    for (int i = 0; i < 300; i++) {
      List<JsonNode> all = feed(ADMIN, "");
      if (has(all, "io.tessera.product.changed", HIDDEN)
          && all.stream().anyMatch(e -> e.path("type").asText().startsWith("io.tessera.access."))
          && all.stream().anyMatch(e -> e.path("type").asText().startsWith("io.tessera.policy."))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the feed never held the mesh's events");
  }

  @Test
  void shouldShowTheHiddenProductsEventsOnlyToAReaderWhoMayDiscoverIt() {
    assertThat(subjects(feed(ADMIN, ""))).contains(HIDDEN);
    assertThat(subjects(feed(eu, ""))).contains(HIDDEN);
    assertThat(subjects(feed(us, ""))).doesNotContain(HIDDEN).contains("fjord/raw-events");
    for (String query :
        List.of("", "&types=product.*", "&types=product.changed,product.physical")) {
      String body = http.get("/api/v1/changes?limit=500" + query, us).body();
      assertThat(body).doesNotContainIgnoringCase("vellichor");
    }
    SecurityHttp.Reply batch =
        http.get("/api/v1/changes?limit=500", us, "application/cloudevents-batch+json");
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.body()).doesNotContainIgnoringCase("vellichor");
  }

  @Test
  void shouldShowAccessRequestEventsOnlyToTheProductsOwnersAndAdmins() {
    List<JsonNode> owners = feed(fjordOwner, "&types=access.*");
    assertThat(owners).isNotEmpty();
    assertThat(owners.getFirst().path("data").path("requester").asText()).isEqualTo("feed-eu");
    assertThat(feed(ADMIN, "&types=access.*")).hasSameSizeAs(owners);
    assertThat(feed(eu, "&types=access.*")).as("the requester").isEmpty();
    assertThat(feed(us, "&types=access.*")).isEmpty();
    assertThat(feed(skerryOwner, "&types=access.*")).as("another domain's owner").isEmpty();
    assertThat(http.get("/api/v1/changes?limit=500", us).body()).doesNotContain("feed-eu");
  }

  @Test
  void shouldShowPolicyEventsOnlyToAdminsAndTheGovernedDomainsOwners() {
    assertThat(subjects(feed(ADMIN, "&types=policy.*")))
        .contains(
            "global/eu-confidential-eu-only",
            "domain/fjord/quillon-for-auditing",
            "domain/skerry/skerry-not-for-marketing");
    assertThat(subjects(feed(fjordOwner, "&types=policy.*")))
        .containsOnly("domain/fjord/quillon-for-auditing");
    assertThat(subjects(feed(skerryOwner, "&types=policy.*")))
        .containsOnly("domain/skerry/skerry-not-for-marketing");
    assertThat(feed(eu, "&types=policy.*")).isEmpty();
    assertThat(feed(us, "&types=policy.*")).isEmpty();
  }

  @Test
  void shouldShowDomainEventsToEveryReaderAndNothingWithoutCredentials() {
    for (String reader : List.of(eu, us, fjordOwner)) {
      assertThat(subjects(feed(reader, "&types=domain.*"))).contains("fjord", "skerry");
    }
    http.get("/api/v1/changes", null).problem(401, "unauthorized");
    assertThat(http.get("/api/v1/changes/stream", null, "text/event-stream").status())
        .isEqualTo(401);
  }

  private List<JsonNode> feed(String token, String query) {
    SecurityHttp.Reply reply = http.get("/api/v1/changes?limit=500" + query, token);
    List<JsonNode> events = new ArrayList<>();
    reply.ok().path("events").forEach(events::add);
    return events;
  }

  private static boolean has(List<JsonNode> events, String type, String subject) {
    return events.stream()
        .anyMatch(
            e ->
                e.path("type").asText().equals(type) && e.path("subject").asText().equals(subject));
  }

  private static List<String> subjects(List<JsonNode> events) {
    return events.stream().map(e -> e.path("subject").asText()).toList();
  }

  private String token(String request) {
    return http.post("/api/v1/tokens", ADMIN, request, "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static String resource(String name) {
    try (InputStream in = ChangeFeedLeakIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
