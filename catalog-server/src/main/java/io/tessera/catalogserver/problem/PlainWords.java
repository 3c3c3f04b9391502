package io.tessera.catalogserver.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The framework's own error messages ("Failed to convert argument [body] for value [null] due to:
 * Unexpected character…", "Required QueryValue [q] not specified", "Method [PUT] not allowed for
 * URI…") said in words a person who is not a developer can act on. What cannot be recognised keeps
 * the framework's message.
 */
final class PlainWords {
  private static final Pattern METHOD_NOT_ALLOWED =
      Pattern.compile(
          "Method \\[(\\w+)\\] not allowed for URI \\[[^\\]]*\\]\\. Allowed methods: \\[([^\\]]*)\\]");
  private static final Pattern CONTENT_TYPE_NOT_ALLOWED =
      Pattern.compile("Content Type \\[([^\\]]*)\\] not allowed\\. Allowed types: \\[([^\\]]*)\\]");
  private static final Pattern NOT_ACCEPTABLE =
      Pattern.compile(
          "Specified Accept Types \\[([^\\]]*)\\] not supported\\. Supported types: \\[([^\\]]*)\\]");
  private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[^\\]]* )?([\\w$]+)\\]");
  private static final int MAX_VALUE_SHOWN = 60;

  private PlainWords() {}

  /**
   * The message to show for a framework error.
   *
   * @param cause the exception behind the error, if the framework kept it
   * @param message the framework's message
   */
  static String of(Optional<Throwable> cause, String message) {
    if (cause.isPresent()) {
      Optional<String> plain = fromCause(cause.get());
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    return fromMessage(message);
  }

  private static Optional<String> fromCause(Throwable cause) {
    if (cause instanceof ConversionErrorException e) {
      return Optional.of(conversion(e));
    }
    if (cause instanceof UnsatisfiedBodyRouteException) {
      return Optional.of("This request needs a body: send the JSON this address takes.");
    }
    if (cause instanceof UnsatisfiedRouteException e) {
      return Optional.of(quoted(e.getArgument().getName()) + " is required.");
    }
    if (jsonCause(cause).isPresent()) {
      return Optional.of(body(cause));
    }
    return Optional.empty();
  }

  private static String conversion(ConversionErrorException e) {
    Argument<?> argument = e.getArgument();
    if (argument.getAnnotationMetadata().hasAnnotation(Body.class)
        || jsonCause(e.getConversionError().getCause()).isPresent()) {
      return body(e.getConversionError().getCause());
    }
    String value =
        e.getConversionError()
            .getOriginalValue()
            .map(String::valueOf)
            .map(PlainWords::shorten)
            .orElse("");
    return quoted(argument.getName())
        + " must be "
        + expected(argument.getType())
        + (value.isEmpty() ? "." : ", not " + quoted(value) + ".");
  }

  /** Why a body could not be read: where the JSON breaks, or which field has the wrong type. */
  private static String body(Throwable cause) {
    Optional<JsonProcessingException> json = jsonCause(cause);
    if (json.isPresent() && json.get().getLocation() != null) {
      JsonLocation at = json.get().getLocation();
      if (at.getLineNr() > 0) {
        return "The request body is not valid JSON (line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + "): check the quotes, commas and brackets around there.";
      }
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      Matcher property = PROPERTY.matcher(String.valueOf(t.getMessage()));
      if (property.find()) {
        return "The request body could not be read: the field "
            + quoted(property.group(1))
            + " does not have the type this address expects.";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "The request body could not be read: send a JSON object with the fields this address"
        + " takes (the API documentation lists them).";
  }

  private static String fromMessage(String message) {
    if (message == null) {
      return "";
    }
    Matcher method = METHOD_NOT_ALLOWED.matcher(message);
    if (method.find()) {
      return method.group(1)
          + " is not possible at this address; it takes "
          + list(method.group(2))
          + ".";
    }
    Matcher type = CONTENT_TYPE_NOT_ALLOWED.matcher(message);
    if (type.find()) {
      return "This address takes "
          + list(type.group(2))
          + ", not "
          + type.group(1)
          + ": set the Content-Type header to one of them.";
    }
    Matcher accept = NOT_ACCEPTABLE.matcher(message);
    if (accept.find()) {
      return "This address answers in " + list(accept.group(2)) + ", not " + accept.group(1) + ".";
    }
    if ("Page Not Found".equals(message)) {
      return "Nothing is at this address: check the path.";
    }
    return message;
  }

  private static String expected(Class<?> type) {
    if (type == int.class
        || type == long.class
        || type == Integer.class
        || type == Long.class
        || type == short.class
        || type == Short.class) {
      return "a whole number";
    }
    if (type == double.class
        || type == float.class
        || type == Double.class
        || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a date and time such as 2026-01-31T09:00:00Z";
    }
    return "a valid value";
  }

  private static Optional<JsonProcessingException> jsonCause(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return Optional.of(json);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(" or "));
  }

  private static String quoted(String text) {
    return "'" + text + "'";
  }

  private static String shorten(String value) {
    return value.length() <= MAX_VALUE_SHOWN ? value : value.substring(0, MAX_VALUE_SHOWN) + "…";
  }
}
