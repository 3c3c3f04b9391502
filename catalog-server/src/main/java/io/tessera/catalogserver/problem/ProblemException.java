package io.tessera.catalogserver.problem;

import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.graphstore.InvalidFilterException;
import java.util.List;

/** An error the server reports as a problem document with a given type. */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  /**
   * The problem a rejected descriptor request is: {@code invalid-descriptor}, naming each wrong
   * field. The one place where the descriptors module's errors become problems.
   */
  public static ProblemException of(InvalidDescriptorException e) {
    return new ProblemException(
        ProblemType.INVALID_DESCRIPTOR,
        e.getMessage(),
        e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
  }

  /** A listing filter naming nothing is an {@code invalid-request}. */
  public static ProblemException of(InvalidFilterException e) {
    return new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
  }

  /**
   * The relational database cannot be reached: {@code 503 database-unavailable}, nothing written.
   */
  public static ProblemException databaseUnavailable() {
    return new ProblemException(ProblemType.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_WRITE);
  }

  /** The detail of a write refused because the database cannot be reached. */
  public static final String DATABASE_UNAVAILABLE_WRITE =
      "the catalog's database cannot be reached; nothing was written; retry";

  /** The detail of a read that needed the database when it could not be reached. */
  public static final String DATABASE_UNAVAILABLE_READ =
      "the catalog's database cannot be reached; retry";

  public ProblemType type() {
    return type;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
