package io.tessera.catalogserver.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver for webhooks (the JDK's {@code HttpServer}): every path answers by a script
 * of actions, one per request ({@code 200}, {@code 500}, {@link #DROP} closes the connection
 * without an answer, {@link #DELAY} answers 200 after {@code delay}), then 200 once the script is
 * used up. Every request is recorded, and the answered ones separately.
 */
final class WebhookReceiver implements AutoCloseable {
  static final int DROP = -1;
  static final int DELAY = -2;
  static final int HOLD = -3;

  /** One request as received. */
  record Received(
      String path,
      String body,
      String signature,
      String timestamp,
      String contentType,
      Instant at) {}

  private final HttpServer server;
  private final Map<String, Queue<Integer>> scripts = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Received> acknowledged = new CopyOnWriteArrayList<>();
  private final long delayMillis;
  private volatile java.util.concurrent.CountDownLatch held =
      new java.util.concurrent.CountDownLatch(1);

  WebhookReceiver(long delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "webhook-receiver");
              t.setDaemon(true);
              return t;
            }));
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void script(String path, Integer... actions) {
    scripts.put(path, new ConcurrentLinkedQueue<>(List.of(actions)));
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  List<Received> acknowledged(String path) {
    return acknowledged.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Waits until a request is being held by a {@link #HOLD} action. */
  boolean awaitHeld(long millis) throws InterruptedException {
    return held.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received r =
        new Received(
            path,
            body,
            exchange.getRequestHeaders().getFirst("Tessera-Signature"),
            exchange.getRequestHeaders().getFirst("Tessera-Timestamp"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            Instant.now());
    received.add(r);
    Queue<Integer> script = scripts.get(path);
    Integer action = script == null ? null : script.poll();
    int status = action == null ? 200 : action;
    try {
      if (status == DROP) {
        exchange.close();
        return;
      }
      if (status == HOLD) {
        held.countDown();
        Thread.sleep(Long.MAX_VALUE);
      }
      if (status == DELAY) {
        // answered after the sender's timeout: never counted as acknowledged
        Thread.sleep(delayMillis);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
    if (status / 100 == 2) {
      acknowledged.add(r);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
