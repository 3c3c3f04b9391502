package io.tessera.lineage;

import java.util.List;
import java.util.stream.Collectors;

/** An OpenLineage event was rejected; every problem names the JSON path it is about. */
public class InvalidEventException extends LineageException {
  private final List<EventError> errors;

  public InvalidEventException(List<EventError> errors) {
    super(
        "invalid OpenLineage event: "
            + errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<EventError> errors() {
    return errors;
  }

  /** One problem: the JSON path (e.g. {@code run.runId}) and what is wrong with it. */
  public record EventError(String field, String message) {}
}
