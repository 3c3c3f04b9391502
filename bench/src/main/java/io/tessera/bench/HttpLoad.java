package io.tessera.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The one client code used against the server and against the no-op floor: {@code clients} threads
 * take requests from a shared supplier until it runs dry or the deadline passes, each timing its
 * own requests on keep-alive HTTP/1.1 connections.
 */
final class HttpLoad implements AutoCloseable {
  private final HttpClient client;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  HttpLoad() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** One request, its body as a string (for probes and reads whose content matters). */
  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Runs requests from {@code requests} (returns {@code null} when exhausted; must be thread-safe)
   * on {@code clients} threads until exhausted or {@code deadline}.
   */
  Series run(String label, int clients, Supplier<HttpRequest> requests, Deadline deadline) {
    List<Future<Worker>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(threads.submit(() -> new Worker().run(requests, deadline)));
    }
    List<Worker> done = new ArrayList<>();
    for (Future<Worker> f : futures) {
      try {
        done.add(f.get());
      } catch (Exception e) {
        throw new IllegalStateException("load client failed: " + e.getMessage(), e);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = done.stream().mapToInt(w -> w.count).sum();
    long[] all = new long[total];
    int at = 0;
    Map<String, Integer> statuses = new HashMap<>();
    for (Worker w : done) {
      System.arraycopy(w.nanos, 0, all, at, w.count);
      at += w.count;
      w.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
    }
    return Series.of(label, clients, all, seconds, statuses);
  }

  private final class Worker {
    long[] nanos = new long[1024];
    int count;
    final Map<String, Integer> statuses = new HashMap<>();

    Worker run(Supplier<HttpRequest> requests, Deadline deadline) {
      HttpRequest request;
      while (!deadline.passed() && (request = requests.get()) != null) {
        long t = System.nanoTime();
        String status;
        try {
          status =
              Integer.toString(
                  client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
          status = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        long elapsed = System.nanoTime() - t;
        if (count == nanos.length) {
          nanos = java.util.Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsed;
        statuses.merge(status, 1, Integer::sum);
      }
      return this;
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    client.close();
  }
}
