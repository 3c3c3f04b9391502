package io.tessera.catalogserver.ingest;

import io.tessera.catalogserver.persistence.DatabaseUnreachable;
import io.tessera.catalogserver.persistence.JournalException;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.EventWriteAuthorization;
import io.tessera.governance.Principal;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.InvalidEventException;
import io.tessera.lineage.LineageEvent;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one OpenLineage event: validates it, checks that the posting producer may write every
 * dataset it outputs (governance's {@link EventWriteAuthorization}), appends it to the journal
 * (durably, once per identity, with its poster) and wakes the projection. An invalid or refused
 * event is rejected whole and changes nothing.
 */
@Singleton
public class LineageIngestService {
  private static final Logger LOG = LoggerFactory.getLogger(LineageIngestService.class);

  /**
   * How long an event waits for room in a full projection backlog; after that it is appended anyway
   * (acknowledging stored events matters more than the bound). Shorter than the OpenLineage
   * clients' default request timeout (5 s in the Java and Python clients), so that a held producer
   * is answered before it gives up.
   */
  static final Duration BACKLOG_WAIT = Duration.ofSeconds(4);

  private final EventParser parser;
  private final LineageJournal journal;
  private final LineageProjection projection;
  private final EventWriteAuthorization authorization;

  public LineageIngestService(
      EventParser parser,
      LineageJournal journal,
      LineageProjection projection,
      EventWriteAuthorization authorization) {
    this.parser = parser;
    this.journal = journal;
    this.projection = projection;
    this.authorization = authorization;
  }

  /**
   * Accepts an event of the server's own (the demo's), without a producer's scope; returns once it
   * is committed to the journal.
   */
  public LineageJournal.Appended accept(byte[] body) {
    LineageEvent event = admit(body, null);
    LineageJournal.Appended appended;
    try {
      appended =
          journal.append(event, parser.identity(event), new String(body, StandardCharsets.UTF_8));
    } catch (JournalException e) {
      throw unavailable(e);
    }
    appended(appended);
    return appended;
  }

  /**
   * Accepts an event without holding the calling thread while its commit group is written: an
   * invalid event is refused at once (thrown), a valid one is appended and the result completes
   * once it is committed to the journal, or exceptionally with a {@link ProblemException} if it
   * could not be stored (then it was not accepted).
   *
   * @param producer who posts it: it must be allowed to write every output dataset, and is recorded
   *     as the event's poster
   * @throws AccessDeniedException naming the first output dataset the producer may not write, and
   *     the domain (or namespace) it would need; nothing is journaled
   */
  public CompletableFuture<LineageJournal.Appended> acceptAsync(byte[] body, Principal producer) {
    LineageEvent event = admit(body, producer);
    CompletableFuture<LineageJournal.Appended> stored;
    try {
      stored =
          journal.appendAsync(
              event,
              parser.identity(event),
              new String(body, StandardCharsets.UTF_8),
              producer.subject());
    } catch (JournalException e) {
      throw unavailable(e);
    }
    CompletableFuture<LineageJournal.Appended> accepted = new CompletableFuture<>();
    stored
        .orTimeout(30, TimeUnit.SECONDS)
        .whenComplete(
            (appended, failure) -> {
              if (failure != null) {
                accepted.completeExceptionally(
                    unavailable(
                        new JournalException("cannot append the event to the journal", failure)));
              } else {
                appended(appended);
                accepted.complete(appended);
              }
            });
    return accepted;
  }

  /**
   * Parses and validates an event; then, if the projection's backlog is at its bound, waits (at
   * most {@link #BACKLOG_WAIT}) for the projection to make room before the event is appended.
   */
  private LineageEvent admit(byte[] body, Principal producer) {
    LineageEvent event = validate(body);
    if (producer != null) {
      authorization.requireMayWrite(producer, event);
    }
    try {
      if (!projection.awaitRoom(BACKLOG_WAIT)) {
        LOG.debug("the projection backlog stayed at its bound; appending anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(new JournalException("interrupted while waiting for the projection", e));
    }
    return event;
  }

  private LineageEvent validate(byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("body", "the request body is empty; send one OpenLineage event as JSON");
    }
    try {
      return parser.parse(body);
    } catch (InvalidEventException e) {
      throw new ProblemException(
          ProblemType.INVALID_EVENT,
          e.errors().size() + " problem(s) in the OpenLineage event; it was not stored",
          e.errors().stream()
              .map(err -> new Problem.FieldError(err.field(), err.message()))
              .toList());
    }
  }

  private void appended(LineageJournal.Appended appended) {
    if (!appended.duplicate()) {
      projection.signal(appended.id());
    }
  }

  private static ProblemException unavailable(JournalException e) {
    if (DatabaseUnreachable.causedBy(e)) {
      LOG.warn(
          "the database cannot be reached: an OpenLineage event was refused ({})", e.getMessage());
      return ProblemException.databaseUnavailable();
    }
    LOG.error("an OpenLineage event could not be journaled and was refused", e);
    return new ProblemException(
        ProblemType.UNAVAILABLE, "the event could not be stored and was not accepted; retry");
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemType.INVALID_EVENT,
        "the OpenLineage event was not stored",
        List.of(new Problem.FieldError(field, message)));
  }
}
