package io.tessera.catalogserver.lineage;

import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.InvalidEventException;
import io.tessera.lineage.LineageEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one OpenLineage event: validates it, appends it to the journal (durably, once per identity)
 * and wakes the projection. An invalid event is rejected whole and changes nothing.
 */
@Singleton
public class LineageIngestService {
  private static final Logger LOG = LoggerFactory.getLogger(LineageIngestService.class);
  private final EventParser parser;
  private final LineageJournal journal;
  private final LineageProjection projection;

  public LineageIngestService(
      EventParser parser, LineageJournal journal, LineageProjection projection) {
    this.parser = parser;
    this.journal = journal;
    this.projection = projection;
  }

  /** Accepts an event. */
  public LineageJournal.Appended accept(byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("body", "the request body is empty; send one OpenLineage event as JSON");
    }
    LineageEvent event;
    try {
      event = parser.parse(body);
    } catch (InvalidEventException e) {
      throw new ProblemException(
          ProblemType.INVALID_EVENT,
          e.errors().size() + " problem(s) in the OpenLineage event; it was not stored",
          e.errors().stream()
              .map(err -> new Problem.FieldError(err.field(), err.message()))
              .toList());
    }
    LineageJournal.Appended appended;
    try {
      appended =
          journal.append(event, parser.identity(event), new String(body, StandardCharsets.UTF_8));
    } catch (JournalException e) {
      LOG.error("an OpenLineage event could not be journaled and was refused", e);
      throw new ProblemException(
          ProblemType.UNAVAILABLE, "the event could not be stored and was not accepted; retry");
    }
    if (!appended.duplicate()) {
      projection.signal(appended.id());
    }
    return appended;
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemType.INVALID_EVENT,
        "the OpenLineage event was not stored",
        java.util.List.of(new Problem.FieldError(field, message)));
  }
}
