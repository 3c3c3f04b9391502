package io.tessera.catalogserver.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.serverprocess.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kill -9 between commit and delivery loses nothing: the packaged jar ({@code
 * target/catalog-server.jar}) runs as a child process; a subscription is made, a change commits its
 * event, the receiver holds the webhook request without answering, the process is killed with
 * SIGKILL, and a restart on the same data directory delivers the event again with the same id,
 * acknowledged once; the subscription's deliveries say delivered.
 */
class NotificationsCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationsCrashIT.class);
  private static final Path MODULE_DIR =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JAR = MODULE_DIR.resolve("target/catalog-server.jar");
  private static final Path LOGS = MODULE_DIR.resolve("target/notifications-crash-it");

  @TempDir static Path dataDir;

  static WebhookReceiver receiver;
  static ServerProcess server;

  @BeforeAll
  static void startReceiver() throws Exception {
    assertThat(JAR).as("the fat jar is missing: run package first").isRegularFile();
    receiver = new WebhookReceiver(0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    receiver.close();
  }

  @Test
  void shouldDeliverOnceAfterRestartWhenKilledBeforeReceiverAcknowledged() throws Exception {
    server = start("before-kill");
    CatalogClient api = new CatalogClient(server.baseUri().toString());
    api.apply(CatalogClient.domain("crash"));
    api.apply(CatalogClient.product("crash", "orders", "first"));
    receiver.script("/crash", WebhookReceiver.HOLD);
    JsonNode created =
        api.subscribe(
            CatalogClient.ADMIN,
            "crash/orders",
            "webhook",
            receiver.url("/crash"),
            List.of("product.changed"));
    String id = created.path("subscription").path("id").asText();

    api.apply(CatalogClient.product("crash", "orders", "second"));
    assertThat(receiver.awaitHeld(60_000)).as("the webhook reached the receiver").isTrue();
    long pid = server.pid();
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThat(process.destroyForcibly()).isTrue(); // SIGKILL
    process.onExit().get();
    LOG.info("killed the server (pid {}) while the receiver held the webhook", pid);
    String eventId = NotificationsIT.id(receiver.received("/crash").get(0).body());
    assertThat(receiver.acknowledged("/crash")).isEmpty();

    server = start("after-kill");
    api = new CatalogClient(server.baseUri().toString());
    Eventually.until(Duration.ofSeconds(60), () -> receiver.acknowledged("/crash").size() == 1);
    Thread.sleep(2000);
    assertThat(receiver.acknowledged("/crash")).hasSize(1);
    assertThat(receiver.received("/crash"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(NotificationsIT.id(r.body())).isEqualTo(eventId));
    JsonNode deliveries = api.deliveries(CatalogClient.ADMIN, id);
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.path(0).path("state").asText()).isEqualTo("delivered");
    assertThat(deliveries.path(0).path("eventId").asText()).isEqualTo(eventId);
  }

  private static ServerProcess start(String label) throws Exception {
    return ServerProcess.builder(JAR, LOGS.resolve(label + ".log"))
        .dataDir(dataDir)
        .environment("TESSERA_DEMO", "false")
        .environment("TESSERA_ADMIN_TOKEN", CatalogClient.ADMIN)
        .environment("TESSERA_NOTIFY_ALLOW_PRIVATE_TARGETS", "true")
        .environment("TESSERA_NOTIFY_TIMEOUT", "120s")
        .environment("TESSERA_NOTIFY_BACKOFF_BASE", "500ms")
        .start(Duration.ofSeconds(180));
  }
}
