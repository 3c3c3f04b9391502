package io.tessera.catalogserver.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.PlainHttp;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The change feed over real HTTP: applied products appear as CloudEvents, pages follow the cursor,
 * {@code types=} filters, the batch media type, the server-sent event stream (a live event,
 * resuming with {@code Last-Event-ID}, heartbeats, the bound on open streams) and {@code 410} for a
 * cursor the retention pruned (last, since it empties the feed).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeFeedIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String PRODUCT_CHANGED = "io.tessera.product.changed";

  @Inject EmbeddedServer server;
  @Inject EventRetention retention;

  private PlainHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-change-feed-it",
        "tessera.events.heartbeat",
        "PT1S",
        "tessera.events.max-streams",
        "2");
  }

  @BeforeAll
  void applyADomain() {
    http = new PlainHttp(server.getURI());
    apply(
        """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: tide}
        spec: {title: Tide, owner: "mailto:tide@example.com"}
        """);
  }

  @Test
  @Order(1)
  void shouldListAProductChangedEventAsACloudEventAfterApply() throws Exception {
    long head = head();
    applyProduct("tide", "moorings");
    JsonNode event = awaitEvent(head, PRODUCT_CHANGED, "tide/moorings");
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("id").asText()).isNotBlank();
    assertThat(event.path("source").asText()).isEqualTo("/tessera");
    assertThat(event.path("subject").asText()).isEqualTo("tide/moorings");
    assertThat(Instant.parse(event.path("time").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(event.path("data").path("revision").asLong()).isPositive();
    assertThat(Long.parseLong(event.path("tesseraposition").asText())).isGreaterThan(head);
  }

  @Test
  @Order(2)
  void shouldPageThroughTheFeedWithTheCursor() throws Exception {
    long head = head();
    for (String name : List.of("buoys", "harbours", "tides-table")) {
      applyProduct("tide", name);
    }
    awaitEvent(head, PRODUCT_CHANGED, "tide/tides-table");
    PlainHttp.Reply all = http.get("/api/v1/changes?after=" + head + "&limit=500", ADMIN);
    List<String> whole = ids(all.json().path("events"));
    assertThat(whole).hasSizeGreaterThanOrEqualTo(3);

    List<String> paged = new ArrayList<>();
    long cursor = head;
    while (true) {
      PlainHttp.Reply page = http.get("/api/v1/changes?limit=1&after=" + cursor, ADMIN);
      assertThat(page.status()).isEqualTo(200);
      JsonNode body = page.json();
      assertThat(page.header(ChangeFeedController.NEXT_CURSOR))
          .isEqualTo(body.path("next").asText());
      if (body.path("events").isEmpty()) {
        assertThat(body.path("next").asLong()).isEqualTo(cursor);
        break;
      }
      assertThat(body.path("events")).hasSize(1);
      assertThat(body.path("next").asLong()).isGreaterThan(cursor);
      paged.addAll(ids(body.path("events")));
      cursor = body.path("next").asLong();
    }
    assertThat(paged).startsWith(whole.toArray(String[]::new));
  }

  @Test
  @Order(3)
  void shouldFilterByTypes() throws Exception {
    long head = head();
    applyProduct("tide", "lighthouses");
    apply(
        """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: tide}
        spec: {title: Tide and Current, owner: "mailto:tide@example.com"}
        """);
    awaitEvent(head, "io.tessera.domain.changed", "tide");
    JsonNode domains =
        http.get("/api/v1/changes?after=" + head + "&types=domain.changed", ADMIN).json();
    assertThat(types(domains.path("events"))).containsOnly("io.tessera.domain.changed");
    JsonNode products =
        http.get("/api/v1/changes?after=" + head + "&types=product.*", ADMIN).json();
    assertThat(types(products.path("events")))
        .isNotEmpty()
        .allMatch(t -> t.startsWith("io.tessera.product."));
    JsonNode both =
        http.get(
                "/api/v1/changes?after="
                    + head
                    + "&types=io.tessera.domain.changed,product.changed",
                ADMIN)
            .json();
    assertThat(types(both.path("events"))).contains("io.tessera.domain.changed", PRODUCT_CHANGED);
    PlainHttp.Reply bad = http.get("/api/v1/changes?types=product%20changed", ADMIN);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("type").asText()).endsWith("/invalid-request");
    assertThat(http.get("/api/v1/changes?after=-1", ADMIN).status()).isEqualTo(400);
    assertThat(http.get("/api/v1/changes?limit=0", ADMIN).status()).isEqualTo(400);
  }

  @Test
  @Order(4)
  void shouldAnswerACloudEventsBatchWhenAsked() throws Exception {
    long head = head();
    applyProduct("tide", "currents");
    awaitEvent(head, PRODUCT_CHANGED, "tide/currents");
    PlainHttp.Reply batch =
        http.get(
            "/api/v1/changes?after=" + head,
            ADMIN,
            Map.of("Accept", "application/cloudevents-batch+json"));
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.header("Content-Type")).startsWith("application/cloudevents-batch+json");
    assertThat(batch.json().isArray()).isTrue();
    assertThat(subjects(batch.json())).contains("tide/currents");
    assertThat(Long.parseLong(batch.header(ChangeFeedController.NEXT_CURSOR))).isGreaterThan(head);
  }

  @Test
  @Order(5)
  void shouldStreamALiveEventAndResumeFromLastEventId() throws Exception {
    long head = head();
    long first;
    try (SseReader stream =
        new SseReader(http.stream("/api/v1/changes/stream?after=" + head, ADMIN, Map.of()))) {
      assertThat(stream.status()).isEqualTo(200);
      applyProduct("tide", "anchors");
      SseReader.SseEvent live = awaitStreamed(stream, "tide/anchors");
      assertThat(live).as("the live product.changed event").isNotNull();
      first = Long.parseLong(live.id());
      JsonNode event = PlainHttp.JSON.readTree(live.data());
      assertThat(event.path("tesseraposition").asText()).isEqualTo(live.id());
      assertThat(event.path("type").asText()).isEqualTo(PRODUCT_CHANGED);
    }
    applyProduct("tide", "ferries");
    awaitEvent(first, PRODUCT_CHANGED, "tide/ferries");
    long expected =
        http.get("/api/v1/changes?limit=1&after=" + first, ADMIN)
            .json()
            .path("events")
            .get(0)
            .path("tesseraposition")
            .asLong();
    try (SseReader resumed =
        new SseReader(
            http.stream(
                "/api/v1/changes/stream?after=0",
                ADMIN,
                Map.of("Last-Event-ID", Long.toString(first))))) {
      SseReader.SseEvent next = resumed.nextEvent(30);
      assertThat(next).isNotNull();
      assertThat(Long.parseLong(next.id())).isEqualTo(expected);
      if (!PlainHttp.JSON.readTree(next.data()).path("subject").asText().equals("tide/ferries")) {
        assertThat(awaitStreamed(resumed, "tide/ferries")).isNotNull();
      }
      SseReader.SseEvent heartbeat = null;
      for (int i = 0; i < 50 && heartbeat == null; i++) {
        SseReader.SseEvent e = resumed.next(5);
        if (e != null && e.comment() != null) {
          heartbeat = e;
        }
      }
      assertThat(heartbeat).as("a heartbeat comment on a quiet stream").isNotNull();
    }
  }

  @Test
  @Order(6)
  void shouldRefuseAStreamBeyondTheBound() throws Exception {
    long head = head();
    try (SseReader one =
            new SseReader(http.stream("/api/v1/changes/stream?after=" + head, ADMIN, Map.of()));
        SseReader two =
            new SseReader(http.stream("/api/v1/changes/stream?after=" + head, ADMIN, Map.of()))) {
      assertThat(one.status()).isEqualTo(200);
      assertThat(two.status()).isEqualTo(200);
      PlainHttp.Reply third =
          http.get(
              "/api/v1/changes/stream?after=" + head, ADMIN, Map.of("Accept", "text/event-stream"));
      assertThat(third.status()).isEqualTo(503);
      assertThat(third.body()).contains("/unavailable");
    }
  }

  @Test
  @Order(7)
  void shouldStartAStreamWithoutCursorAtTheNewestEvent() throws Exception {
    long head = head();
    try (SseReader stream = new SseReader(http.stream("/api/v1/changes/stream", ADMIN, Map.of()))) {
      assertThat(stream.status()).isEqualTo(200);
      applyProduct("tide", "pilots");
      SseReader.SseEvent first = stream.nextEvent(30);
      assertThat(first).isNotNull();
      assertThat(Long.parseLong(first.id())).isGreaterThan(head);
      if (!PlainHttp.JSON.readTree(first.data()).path("subject").asText().equals("tide/pilots")) {
        assertThat(awaitStreamed(stream, "tide/pilots")).isNotNull();
      }
    }
  }

  @Test
  @Order(100)
  void shouldAnswerGoneForACursorThePruningPassed() throws Exception {
    long stale = head();
    applyProduct("tide", "wrecks");
    awaitEvent(stale, PRODUCT_CHANGED, "tide/wrecks");
    assertThat(retention.pruneBefore(Instant.now().plusSeconds(1))).isPositive();
    applyProduct("tide", "reefs");
    JsonNode kept = awaitEvent(null, PRODUCT_CHANGED, "tide/reefs");
    long oldest = Long.parseLong(kept.path("tesseraposition").asText()) - 1;

    PlainHttp.Reply gone = http.get("/api/v1/changes?after=" + stale, ADMIN);
    assertThat(gone.status()).as(gone.body()).isEqualTo(410);
    assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = gone.json();
    assertThat(problem.path("type").asText())
        .isEqualTo("https://w3id.org/tessera/problems/cursor-expired");
    assertThat(problem.path("oldest").asLong()).isLessThanOrEqualTo(oldest);
    assertThat(problem.path("oldest").asLong()).isGreaterThan(stale);

    PlainHttp.Reply stream =
        http.get(
            "/api/v1/changes/stream?after=" + stale, ADMIN, Map.of("Accept", "text/event-stream"));
    assertThat(stream.status()).isEqualTo(410);

    JsonNode resumed =
        http.get("/api/v1/changes?after=" + problem.path("oldest").asLong(), ADMIN).json();
    assertThat(subjects(resumed.path("events"))).contains("tide/reefs");
    assertThat(subjects(http.get("/api/v1/changes", ADMIN).json().path("events")))
        .contains("tide/reefs")
        .doesNotContain("tide/wrecks");
  }

  // ------------------------------------------------------------------ helpers

  private long head() {
    long cursor = 0;
    while (true) {
      JsonNode page = http.get("/api/v1/changes?limit=500&after=" + cursor, ADMIN).json();
      if (page.path("events").isEmpty()) {
        return page.path("next").asLong();
      }
      cursor = page.path("next").asLong();
    }
  }

  /** Waits (bounded) until the feed after the cursor holds the event; returns it. */
  private JsonNode awaitEvent(Long after, String type, String subject) throws Exception {
    for (int i = 0; i < 300; i++) {
      JsonNode page =
          http.get("/api/v1/changes?limit=500" + (after == null ? "" : "&after=" + after), ADMIN)
              .json();
      for (JsonNode e : page.path("events")) {
        if (e.path("type").asText().equals(type) && e.path("subject").asText().equals(subject)) {
          return e;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + type + " of " + subject + " after " + after);
  }

  private static SseReader.SseEvent awaitStreamed(SseReader stream, String subject)
      throws Exception {
    for (int i = 0; i < 100; i++) {
      SseReader.SseEvent e = stream.nextEvent(30);
      if (e == null) {
        return null;
      }
      JsonNode event = PlainHttp.JSON.readTree(e.data());
      if (event.path("type").asText().equals(PRODUCT_CHANGED)
          && event.path("subject").asText().equals(subject)) {
        return e;
      }
    }
    return null;
  }

  private void applyProduct(String domain, String name) {
    apply(
        """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: %s, name: %s}
        spec:
          title: %s
          owner: "mailto:%s@example.com"
          outputPorts:
            - name: table
              dataset: {namespace: "postgres://feed:5432", name: "%s.public.%s"}
        """
            .formatted(domain, name, name, domain, domain, name.replace('-', '_')));
  }

  private void apply(String yaml) {
    PlainHttp.Reply reply = http.post("/api/v1/descriptors", ADMIN, yaml, "application/yaml");
    assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
  }

  private static List<String> ids(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private static List<String> types(JsonNode events) {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.path("type").asText()));
    return types;
  }

  private static List<String> subjects(JsonNode events) {
    List<String> subjects = new ArrayList<>();
    events.forEach(e -> subjects.add(e.path("subject").asText()));
    return subjects;
  }
}
