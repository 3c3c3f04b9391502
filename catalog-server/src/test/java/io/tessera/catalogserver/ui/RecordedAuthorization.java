package io.tessera.catalogserver.ui;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the {@code Authorization} header of every API request, so a browser test can check what
 * the UI sent. Active only where {@code tessera.ui-test.record-authorization} is on.
 */
@ServerFilter("/api/**")
@Requires(property = "tessera.ui-test.record-authorization", value = "true")
public class RecordedAuthorization {
  /** One API request: its path and its Authorization header ({@code null} when absent). */
  public record Seen(String path, String authorization) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  @RequestFilter
  void record(HttpRequest<?> request) {
    seen.add(
        new Seen(
            request.getPath(),
            request.getHeaders().get("Authorization", String.class).orElse(null)));
  }

  /** Every API request since the last {@link #clear()}, in order. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public void clear() {
    seen.clear();
  }
}
