package io.tessera.catalogserver.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import org.reactivestreams.Publisher;

/**
 * The catalog's change feed over HTTP: pages of CloudEvents from a cursor, and a server-sent event
 * stream that follows the feed as it grows. Both show only what the caller may see ({@link
 * ChangeFeedScope}); see docs/observability.md.
 */
@Tag(
    name = "Changes",
    description = "The change feed as CloudEvents, paged or as server-sent events")
@Controller("/api/v1/changes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChangeFeedController {
  /** The header carrying the cursor to ask from next. */
  public static final String NEXT_CURSOR = "Tessera-Next-Cursor";

  private final ChangeFeed feed;
  private final ChangeStreams streams;
  private final EventsConfig config;

  public ChangeFeedController(ChangeFeed feed, ChangeStreams streams, EventsConfig config) {
    this.feed = feed;
    this.streams = streams;
    this.config = config;
  }

  /**
   * Events after {@code after} (without it: from the oldest event held), oldest first. JSON {@code
   * {"events": [...], "next": cursor}}, or a CloudEvents batch (a JSON array) when the client
   * accepts {@code application/cloudevents-batch+json}; the next cursor is also in {@value
   * #NEXT_CURSOR}.
   */
  @Get(produces = {MediaType.APPLICATION_JSON, CloudEventsJson.BATCH})
  public HttpResponse<String> changes(
      @Nullable @QueryValue String after,
      @Nullable @QueryValue String limit,
      @Nullable @QueryValue String types,
      @Nullable @Header(HttpHeaders.ACCEPT) String accept,
      AccessScope scope) {
    long cursor = feed.start(cursor(after, "after"));
    int max = limit(limit);
    ChangeFeed.Page page = feed.read(cursor, max, types(types), scope);
    boolean batch = accept != null && accept.contains(CloudEventsJson.BATCH);
    String body =
        batch
            ? CloudEventsJson.batch(page.events()).toString()
            : CloudEventsJson.page(page.events(), page.next()).toString();
    return HttpResponse.ok(body)
        .contentType(batch ? CloudEventsJson.BATCH : MediaType.APPLICATION_JSON)
        .header(NEXT_CURSOR, Long.toString(page.next()));
  }

  /**
   * Server-sent events: each event's {@code id} is its cursor and its data the CloudEvent as JSON;
   * a reconnecting client's {@code Last-Event-ID} resumes after that event (it wins over {@code
   * after}); without either the stream starts now (only new events). Comment lines keep a quiet
   * stream open.
   */
  @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<String>> stream(
      @Nullable @QueryValue String after,
      @Nullable @QueryValue String types,
      @Nullable @Header("Last-Event-ID") String lastEventId,
      AccessScope scope) {
    Long resume = cursor(lastEventId, "Last-Event-ID");
    Long from = resume != null ? resume : cursor(after, "after");
    long cursor = from == null ? feed.now() : feed.start(from);
    return streams.open(cursor, types(types), scope);
  }

  private static Long cursor(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long cursor = Long.parseLong(value.strip());
      if (cursor >= 0) {
        return cursor;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST, name + " must be a cursor (a whole number, 0 or more)");
  }

  private int limit(String value) {
    if (value == null || value.isBlank()) {
      return Math.min(100, config.maxLimit());
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= config.maxLimit()) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST, "limit must be between 1 and " + config.maxLimit());
  }

  private static TypeFilter types(String value) {
    try {
      return TypeFilter.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
    }
  }
}
