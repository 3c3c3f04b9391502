package io.tessera.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 7807 problem the server answered with.
 *
 * @param status the HTTP status
 * @param type the problem's stable type, or null
 * @param title a short summary, or null
 * @param detail what went wrong, or null
 * @param errors the wrong fields ({@code documents[1].spec.owner}), in order
 * @param violations shape violations, as text
 */
public record Problem(
    int status,
    String type,
    String title,
    String detail,
    List<FieldError> errors,
    List<String> violations) {

  /** One wrong field. */
  public record FieldError(String field, String message) {}

  public Problem {
    errors = List.copyOf(errors);
    violations = List.copyOf(violations);
  }

  /**
   * Reads a problem from the body of an error answer (anything that is not one gives the status).
   */
  public static Problem of(int status, JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    body.path("errors")
        .forEach(
            e ->
                errors.add(
                    new FieldError(e.path("field").asText(""), e.path("message").asText(""))));
    List<String> violations = new ArrayList<>();
    body.path("violations")
        .forEach(
            v ->
                violations.add(
                    v.path("focusNode").asText("")
                        + " "
                        + v.path("path").asText("")
                        + ": "
                        + v.path("message").asText("")));
    return new Problem(
        status,
        body.path("type").asText(null),
        body.path("title").asText(null),
        body.path("detail").asText(body.path("message").asText(null)),
        errors,
        violations);
  }

  /** {@code 400 The descriptor is invalid: 2 error(s) in the descriptor; nothing was applied}. */
  public String summary() {
    StringBuilder text = new StringBuilder().append(status);
    if (title != null && !title.isBlank()) {
      text.append(' ').append(title);
    }
    if (detail != null && !detail.isBlank() && !detail.equals(title)) {
      text.append(": ").append(detail);
    }
    return text.toString();
  }
}
