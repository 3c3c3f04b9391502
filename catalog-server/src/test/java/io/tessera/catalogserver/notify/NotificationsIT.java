package io.tessera.catalogserver.notify;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.ontology.IriMinter;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions and notifications end to end on H2, in process, over real HTTP: webhooks to a real
 * HTTP receiver that fails, drops and delays deliveries (retries with backoff, dead-lettering, the
 * same CloudEvents id on every attempt, the signature checked here), e-mail to a real SMTP server
 * (GreenMail) for a subscriber and a product's owner, read rights at delivery time, and bad input
 * refused field by field with nothing written. A product of its own per test.
 */
class NotificationsIT {
  static final ObjectMapper JSON = CatalogClient.JSON;
  static final String ADMIN = CatalogClient.ADMIN;

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  @TempDir static Path dataDir;

  static EmbeddedServer server;
  static CatalogClient api;
  static WebhookReceiver receiver;
  static String dana;

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver(1500);
    IriMinter iris = new IriMinter("https://tessera.local");
    String hidden = iris.productGraph("notify", "secret");
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.ofEntries(
                entry("tessera.data-dir", dataDir.toString()),
                entry("tessera.demo", false),
                entry("tessera.test.hidden-graphs", hidden),
                entry("tessera.test.unreadable-graphs", iris.productGraph("notify", "unreadable")),
                entry("tessera.notify.allow-private-targets", true),
                entry("tessera.notify.poll-interval", "50ms"),
                entry("tessera.notify.backoff-base", "200ms"),
                entry("tessera.notify.backoff-max", "1s"),
                entry("tessera.notify.max-attempts", 4),
                entry("tessera.notify.timeout", "700ms"),
                entry("tessera.notify.gap-wait", "1s"),
                entry("tessera.notify.smtp.host", "127.0.0.1"),
                entry("tessera.notify.smtp.port", MAIL.getSmtp().getPort()),
                entry("tessera.notify.smtp.from", "tessera@example.com"),
                entry("micronaut.server.port", -1)),
            Environment.TEST);
    api = new CatalogClient(server.getURL().toString());
    api.apply(api.domain("notify"));
    for (String p :
        List.of("secret", "signed", "flaky", "down", "mailed", "revoked", "used", "unreadable")) {
      api.apply(api.product("notify", p, "first"));
    }
    dana = api.token("dana");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void shouldDeliverSignedCloudEventWhenSubscribedProductChanges() throws Exception {
    JsonNode created =
        api.subscribe(
            dana, "notify/signed", "webhook", receiver.url("/signed"), List.of("product.*"));
    String secret = created.path("secret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

    api.apply(api.product("notify", "signed", "second"));

    Eventually.until(Duration.ofSeconds(20), () -> !receiver.acknowledged("/signed").isEmpty());
    WebhookReceiver.Received r = receiver.acknowledged("/signed").get(0);
    assertThat(r.contentType()).isEqualTo("application/cloudevents+json");
    assertThat(r.signature()).isEqualTo("sha256=" + hmac(secret, r.body()));
    assertThat(r.timestamp()).matches("\\d{10}");
    JsonNode event = JSON.readTree(r.body());
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("type").asText()).isEqualTo("io.tessera.product.changed");
    assertThat(event.path("subject").asText()).isEqualTo("notify/signed");
    assertThat(event.path("source").asText()).isEqualTo("/tessera");
    assertThat(event.path("id").asText()).isNotBlank();

    String id = created.path("subscription").path("id").asText();
    Eventually.until(
        Duration.ofSeconds(10),
        () -> api.deliveries(dana, id).path(0).path("state").asText().equals("delivered"));
    JsonNode delivery = api.deliveries(dana, id).path(0);
    assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
    assertThat(delivery.path("eventId").asText()).isEqualTo(event.path("id").asText());
    assertThat(delivery.has("payload")).isFalse();
    assertThat(
            api.call("GET", "/api/v1/subscriptions/" + id + "/deliveries", null, ADMIN)
                .statusCode())
        .as("another subscriber's deliveries are readable by admins")
        .isEqualTo(200);
    String eve = api.token("eve");
    assertThat(
            api.call("GET", "/api/v1/subscriptions/" + id + "/deliveries", null, eve).statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldRetryWithBackoffAndSameEventIdWhenReceiverFailsDropsAndDelays() throws Exception {
    receiver.script("/flaky", 500, WebhookReceiver.DROP, WebhookReceiver.DELAY, 200);
    JsonNode created = api.subscribe(dana, "notify/flaky", "webhook", receiver.url("/flaky"), null);
    String secret = created.path("secret").asText();

    api.apply(api.product("notify", "flaky", "second"));

    Eventually.until(Duration.ofSeconds(30), () -> receiver.acknowledged("/flaky").size() == 1);
    List<WebhookReceiver.Received> all = receiver.received("/flaky");
    assertThat(all).hasSize(4);
    assertThat(all.stream().map(r -> id(r.body())).distinct()).hasSize(1);
    assertThat(all)
        .allSatisfy(r -> assertThat(r.signature()).isEqualTo("sha256=" + hmac(secret, r.body())));
    // backoff with equal jitter: at least half of 200 ms, 400 ms and 800 ms after each failure
    // (the delayed attempt also waits out the 700 ms timeout)
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      gaps.add(Duration.between(all.get(i - 1).at(), all.get(i).at()).toMillis());
    }
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(100);
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(200);
    assertThat(gaps.get(2)).isGreaterThanOrEqualTo(400 + 700);
    String id = created.path("subscription").path("id").asText();
    Eventually.until(
        Duration.ofSeconds(10),
        () -> api.deliveries(dana, id).path(0).path("state").asText().equals("delivered"));
    assertThat(api.deliveries(dana, id).path(0).path("attempts").asInt()).isEqualTo(4);
    Thread.sleep(1500);
    assertThat(receiver.received("/flaky")).as("nothing sent after the acknowledgement").hasSize(4);
  }

  @Test
  void shouldDeadLetterAfterMaxAttemptsWhenReceiverKeepsFailing() throws Exception {
    receiver.script("/down", 503, 503, 503, 503, 503, 503, 503, 503);
    JsonNode created = api.subscribe(dana, "notify/down", "webhook", receiver.url("/down"), null);
    String id = created.path("subscription").path("id").asText();

    api.apply(api.product("notify", "down", "second"));

    Eventually.until(
        Duration.ofSeconds(30),
        () -> api.deliveries(dana, id).path(0).path("state").asText().equals("dead"));
    JsonNode delivery = api.deliveries(dana, id).path(0);
    assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
    assertThat(delivery.path("lastStatus").asInt()).isEqualTo(503);
    assertThat(delivery.path("lastError").asText()).isEqualTo("HTTP 503");
    Thread.sleep(1500);
    assertThat(receiver.received("/down")).hasSize(4);
    assertThat(receiver.received("/down").stream().map(r -> id(r.body())).distinct()).hasSize(1);
  }

  @Test
  void shouldEmailSubscriberAndOwnerWhenProductChanges() throws Exception {
    JsonNode created =
        api.subscribe(
            dana, "notify/mailed", "email", null, List.of("product.changed"), "dana@example.com");
    assertThat(created.has("secret")).isFalse();

    api.apply(api.product("notify", "mailed", "second"));

    Eventually.until(
        Duration.ofSeconds(20),
        () ->
            mailsTo("dana@example.com", "notify/mailed") == 1
                && mailsTo("owner-mailed@example.com", "notify/mailed") >= 1);
    MimeMessage mail =
        List.of(MAIL.getReceivedMessages()).stream()
            .filter(m -> recipient(m).equals("dana@example.com"))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("[Tessera] product.changed notify/mailed");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("tessera@example.com");
    assertThat(mail.getContent().toString())
        .contains("io.tessera.product.changed", "\"specversion\"");
    String id = created.path("subscription").path("id").asText();
    Eventually.until(
        Duration.ofSeconds(10),
        () -> api.deliveries(dana, id).path(0).path("state").asText().equals("delivered"));
  }

  @Test
  void shouldSendNothingWhenSubscriberNoLongerHasCredentials() throws Exception {
    JsonNode issued = api.tokenIssued("ray");
    String ray = issued.path("secret").asText();
    JsonNode created =
        api.subscribe(ray, "notify/revoked", "webhook", receiver.url("/revoked"), null);
    String id = created.path("subscription").path("id").asText();
    assertThat(
            api.call(
                    "DELETE",
                    "/api/v1/tokens/" + issued.path("token").path("id").asText(),
                    null,
                    ADMIN)
                .statusCode())
        .isLessThan(300);

    api.apply(api.product("notify", "revoked", "second"));

    Eventually.until(
        Duration.ofSeconds(20),
        () -> api.deliveries(ADMIN, id).path(0).path("state").asText().equals("skipped"));
    assertThat(api.deliveries(ADMIN, id).path(0).path("lastError").asText())
        .isEqualTo("the subscriber has no active API token");
    assertThat(receiver.received("/revoked")).isEmpty();
  }

  @Test
  void shouldPutProductEventInInboxOfConsumerWithActiveAgreement() throws Exception {
    String carl = api.token("carl");
    HttpResponse<String> requested =
        api.call(
            "POST",
            "/api/v1/access-requests",
            "{\"product\":\"notify/used\",\"purpose\":\"monthly revenue report\"}",
            carl);
    assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
    String request = JSON.readTree(requested.body()).path("id").asText();
    HttpResponse<String> approved =
        api.call("POST", "/api/v1/access-requests/" + request + "/approve", "{}", ADMIN);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).path("state").asText()).isEqualTo("active");

    api.apply(CatalogClient.product("notify", "used", "second"));

    Eventually.until(Duration.ofSeconds(20), () -> productEvents(carl).size() == 1);
    JsonNode item = productEvents(carl).get(0);
    assertThat(item.path("product").asText()).isEqualTo("notify/used");
    assertThat(item.path("message").asText())
        .isEqualTo("notify/used: io.tessera.product.changed (notify/used)");
    Thread.sleep(500);
    assertThat(productEvents(carl)).as("the access.* events are not repeated").hasSize(1);
  }

  private static List<JsonNode> productEvents(String token) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    JSON.readTree(api.call("GET", "/api/v1/inbox", null, token).body())
        .forEach(
            i -> {
              if (i.path("kind").asText().equals("product-event")) {
                found.add(i);
              }
            });
    return found;
  }

  @Test
  void shouldRefuseBadInputFieldByFieldAndWriteNothing() throws Exception {
    String erin = api.token("erin");
    HttpResponse<String> ftp =
        api.call(
            "POST",
            "/api/v1/subscriptions",
            api.body("notify/signed", "webhook", "ftp://example.com/x", null, null),
            erin);
    assertThat(ftp.statusCode()).isEqualTo(400);
    assertThat(ftp.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(api.errors(ftp)).containsExactly("url: must be an http or https URL");

    HttpResponse<String> metadata =
        api.call(
            "POST",
            "/api/v1/subscriptions",
            api.body("notify/signed", "webhook", "http://169.254.169.254/latest", null, null),
            erin);
    assertThat(metadata.statusCode()).isEqualTo(400);
    assertThat(api.errors(metadata))
        .containsExactly(
            "url: resolves to a link-local address (169.254.169.254), which is refused");

    HttpResponse<String> several =
        api.call(
            "POST",
            "/api/v1/subscriptions",
            api.body(null, "pigeon", null, List.of("incident.*", "Bad Type!"), null),
            erin);
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(api.errors(several))
        .containsExactlyInAnyOrder(
            "product: name either a product or a domain",
            "types[1]: must be an event type or a prefix pattern such as incident.* or *",
            "channel: must be webhook or email");

    HttpResponse<String> hidden =
        api.call(
            "POST",
            "/api/v1/subscriptions",
            api.body("notify/secret", "webhook", receiver.url("/x"), null, null),
            erin);
    HttpResponse<String> missing =
        api.call(
            "POST",
            "/api/v1/subscriptions",
            api.body("notify/nothing", "webhook", receiver.url("/x"), null, null),
            erin);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(hidden.body()).path("detail").asText())
        .isEqualTo("no data product notify/secret");
    assertThat(JSON.readTree(missing.body()).path("detail").asText())
        .isEqualTo("no data product notify/nothing");

    HttpResponse<String> unreadable =
        api.call(
            "POST",
            "/api/v1/subscriptions",
            CatalogClient.body("notify/unreadable", "webhook", receiver.url("/x"), null, null),
            erin);
    assertThat(unreadable.statusCode()).as("discoverable but not readable").isEqualTo(403);

    assertThat(JSON.readTree(api.call("GET", "/api/v1/subscriptions", null, erin).body()))
        .isEmpty();
    assertThat(api.call("POST", "/api/v1/subscriptions", "{}", null).statusCode()).isEqualTo(401);
  }

  // --- helpers

  static String hmac(String secret, String body) {
    return WebhookSender.sign(secret, body);
  }

  static String id(String body) {
    try {
      return JSON.readTree(body).path("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long mailsTo(String address, String product) {
    return List.of(MAIL.getReceivedMessages()).stream()
        .filter(m -> recipient(m).equals(address))
        .filter(m -> subject(m).endsWith(product))
        .count();
  }

  static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
