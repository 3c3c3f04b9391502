package io.tessera.catalogserver.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a server-sent event stream on a thread of its own and hands over its events (and comment
 * lines) one by one, so that a test waits for what it expects with a bound instead of blocking.
 */
final class SseReader implements AutoCloseable {
  /** One event ({@code id}, {@code data}) or comment ({@code comment} set). */
  record SseEvent(String id, String data, String comment) {}

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final Thread thread;

  SseReader(HttpResponse<InputStream> response) {
    this.response = response;
    this.thread = Thread.ofVirtual().start(this::read);
  }

  int status() {
    return response.statusCode();
  }

  /** The next event or comment, or null after the bound. */
  SseEvent next(long seconds) throws InterruptedException {
    return events.poll(seconds, TimeUnit.SECONDS);
  }

  /** The next event with data (comments skipped), or null after the bound. */
  SseEvent nextEvent(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      SseEvent e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e != null && e.data() != null && !e.data().isEmpty()) {
        return e;
      }
    }
    return null;
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      StringBuilder data = null;
      String comment = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null || comment != null) {
            events.add(new SseEvent(id, data == null ? null : data.toString(), comment));
          }
          id = null;
          data = null;
          comment = null;
        } else if (line.startsWith(":")) {
          comment = line.substring(1).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          String value = line.substring(5);
          value = value.startsWith(" ") ? value.substring(1) : value;
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    } catch (IOException e) {
      // closed by the test
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
    thread.interrupt();
  }
}
