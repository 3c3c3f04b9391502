package io.tessera.catalogserver.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 7807 problem detail. {@code type} is stable per kind of problem (see {@link ProblemType});
 * {@code errors} names the fields of a rejected document, {@code violations} the shape violations
 * of a rejected graph write.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    List<ShapeViolation> violations) {

  /** The media type of problem documents. */
  public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");

  /** A field of a submitted document that is wrong, and what to do about it. */
  @Serdeable
  public record FieldError(String field, String message) {}

  /** A SHACL violation: node, property path and the rule's message. */
  @Serdeable
  public record ShapeViolation(String focusNode, String path, String message) {}
}
