package io.tessera.catalogserver.events;

import io.micronaut.http.sse.Event;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.governance.AccessScope;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The open server-sent event streams of the change feed, at most {@link EventsConfig#maxStreams()}
 * on this node. Each stream has a virtual thread that reads the feed from its cursor when the
 * client asks for more, then sleeps until {@link CatalogEventLog#onAppend} wakes it (new events) or
 * the heartbeat interval passes (it then sends a comment line, and recomputes the caller's scope so
 * that a policy or agreement change reaches an open stream).
 */
@Singleton
public class ChangeStreams {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeStreams.class);
  private static final int READ = 100;

  private final ChangeFeed feed;
  private final AccessScopes scopes;
  private final EventsConfig config;
  private final Semaphore permits;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();

  public ChangeStreams(
      ChangeFeed feed, CatalogEventLog log, AccessScopes scopes, EventsConfig config) {
    this.feed = feed;
    this.scopes = scopes;
    this.config = config;
    this.permits = new Semaphore(config.maxStreams());
    log.onAppend(position -> open.forEach(Stream::wake));
  }

  /** How many streams are open. */
  public int openStreams() {
    return open.size();
  }

  /**
   * Opens a stream of the events after the cursor that pass the types and the caller's scope.
   *
   * @throws ProblemException {@code 503 unavailable} when the node has no room for another stream
   */
  public Publisher<Event<String>> open(long after, TypeFilter types, AccessScope scope) {
    if (!permits.tryAcquire()) {
      throw new ProblemException(
          ProblemType.UNAVAILABLE,
          "this server already serves "
              + config.maxStreams()
              + " change streams; retry later or page through GET /api/v1/changes");
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            permits.release();
          }
        };
    try {
      return Flux.<Event<String>>create(
              sink -> {
                Stream stream = new Stream(sink, after, types, scope);
                open.add(stream);
                sink.onRequest(n -> stream.wake());
                sink.onDispose(
                    () -> {
                      stream.close();
                      open.remove(stream);
                      release.run();
                    });
                Thread.ofVirtual().name("tessera-change-stream").start(stream::run);
              },
              FluxSink.OverflowStrategy.BUFFER)
          .doFinally(signal -> release.run());
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
  }

  @PreDestroy
  void close() {
    open.forEach(Stream::complete);
  }

  private final class Stream {
    private final FluxSink<Event<String>> sink;
    private final TypeFilter types;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean closed;
    private AccessScope scope;
    private long cursor;

    Stream(FluxSink<Event<String>> sink, long after, TypeFilter types, AccessScope scope) {
      this.sink = sink;
      this.cursor = after;
      this.types = types;
      this.scope = scope;
    }

    void wake() {
      if (wakeUp.availablePermits() == 0) {
        wakeUp.release();
      }
    }

    void close() {
      closed = true;
      wake();
    }

    void complete() {
      close();
      sink.complete();
    }

    void run() {
      try {
        while (!closed) {
          if (sink.requestedFromDownstream() > 0 && send()) {
            continue; // a full page: there may be more
          }
          if (!wakeUp.tryAcquire(config.heartbeat().toMillis(), TimeUnit.MILLISECONDS) && !closed) {
            sink.next(Event.of("").comment("heartbeat"));
            scope = scopes.of(scope.principal());
          }
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        sink.complete();
      } catch (RuntimeException e) {
        LOG.warn("change stream at cursor {} failed", cursor, e);
        sink.error(e);
      }
    }

    /** Sends what the client asked for; true when the page was full. */
    private boolean send() {
      int wanted = (int) Math.min(READ, sink.requestedFromDownstream());
      ChangeFeed.Page page = feed.read(cursor, wanted, types, scope);
      for (CatalogEvent e : page.events()) {
        sink.next(Event.of(CloudEventsJson.event(e).toString()).id(Long.toString(e.position())));
      }
      boolean moved = page.next() != cursor;
      cursor = page.next();
      return moved && page.events().size() == wanted;
    }
  }
}
