package io.tessera.catalogserver.journal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.tessera.catalogserver.problem.ProblemHandlers;
import io.tessera.catalogserver.problem.ProblemType;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Read-your-writes across nodes. A response to a request that wrote to the catalog carries {@value
 * #POSITION} (the write's catalog journal position); a later request, to any node, that sends it
 * back as {@value #WAIT_FOR} is answered only once that node's graph holds the position, waiting at
 * most {@code tessera.cluster.read-wait} (5 s by default): a node that cannot catch up in that time
 * answers 503 with {@code Retry-After} rather than something older than what the caller wrote.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ReadYourWritesFilter implements Ordered {
  /** The response header with the journal position of the request's write. */
  public static final String POSITION = "Tessera-Journal-Position";

  /** The request header asking the node to have applied a position before answering. */
  public static final String WAIT_FOR = "Tessera-Wait-For-Position";

  private static final String ATTRIBUTE = "tessera.journal-position";

  private final JournaledWrites writes;
  private final Duration maxWait;
  private final Executor blocking;

  public ReadYourWritesFilter(
      JournaledWrites writes,
      @Value("${tessera.cluster.read-wait:5s}") Duration maxWait,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.writes = writes;
    this.maxWait = maxWait;
    this.blocking = blocking;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  /** Records a write's position on the request being served (if any), for its response. */
  static void wrote(long position) {
    ServerRequestContext.currentRequest()
        .ifPresent(
            r -> {
              long before = r.getAttribute(ATTRIBUTE, Long.class).orElse(0L);
              r.setAttribute(ATTRIBUTE, Math.max(before, position));
            });
  }

  /**
   * Waits for the position the caller asks for; a 400 or 503 problem, or nothing. A request without
   * the header (or with a position already applied) goes on at once, on its own thread; only a wait
   * is moved to the blocking executor.
   */
  @RequestFilter
  public CompletionStage<@Nullable HttpResponse<?>> waitFor(HttpRequest<?> request) {
    String wanted = request.getHeaders().get(WAIT_FOR);
    if (wanted == null) {
      return CompletableFuture.completedFuture(null);
    }
    long position = parse(wanted);
    if (position >= 0 && position <= writes.position()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.supplyAsync(() -> decide(request, wanted), blocking);
  }

  private static long parse(String wanted) {
    try {
      return Long.parseLong(wanted.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private @Nullable HttpResponse<?> decide(HttpRequest<?> request, String wanted) {
    long position = parse(wanted);
    if (position < 0) {
      return ProblemHandlers.response(
          request,
          ProblemType.INVALID_REQUEST,
          "'"
              + WAIT_FOR
              + "' must be a journal position (a whole number, 0 or more, from the "
              + POSITION
              + " header of a write's response), not '"
              + clip(wanted)
              + "'.");
    }
    if (position > writes.position()) {
      long head = writes.head();
      if (position > head) {
        return ProblemHandlers.response(
            request,
            ProblemType.INVALID_REQUEST,
            "'"
                + WAIT_FOR
                + "' names journal position "
                + position
                + ", which this catalog has not written (its newest is "
                + head
                + "): it comes from another catalog, or one restored from an older backup.");
      }
    }
    boolean reached;
    try {
      reached = writes.awaitPosition(position, maxWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reached = false;
    }
    if (reached) {
      return null;
    }
    MutableHttpResponse<?> refused =
        ProblemHandlers.response(
            request,
            ProblemType.UNAVAILABLE,
            "this node has applied the catalog journal up to position "
                + writes.position()
                + " and not yet "
                + position
                + " (waited "
                + maxWait.toMillis()
                + " ms); retry, or ask another node");
    refused.getHeaders().set("Retry-After", "1");
    return refused;
  }

  /** Puts the request's write position on its response. */
  @ResponseFilter
  public void addPosition(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(ATTRIBUTE, Long.class)
        .ifPresent(p -> response.getHeaders().set(POSITION, Long.toString(p)));
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
