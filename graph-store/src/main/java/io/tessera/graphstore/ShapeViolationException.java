package io.tessera.graphstore;

import java.util.List;
import java.util.stream.Collectors;

/** A write was rejected because the resulting graphs do not conform to the shapes. */
public class ShapeViolationException extends GraphStoreException {
  private final List<Violation> violations;

  public ShapeViolationException(List<Violation> violations) {
    super(
        "the write does not conform to the catalog shapes: "
            + violations.stream()
                .map(v -> v.focusNode() + " " + v.path() + ": " + v.message())
                .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
