package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Typed reads of one document's fields that record an error, prefixed with the document's position,
 * for every value that is missing or of the wrong kind.
 */
record FieldChecks(String prefix, List<FieldError> out) {

  void add(String field, String message) {
    out.add(new FieldError(field.isEmpty() ? prefix : prefix + "." + field, message));
  }

  void unknown(JsonNode node, String path, Set<String> allowed) {
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!allowed.contains(key)) {
                add(
                    path.isEmpty() ? key : path + "." + key,
                    "unknown field; expected one of "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
              }
            });
  }

  String text(JsonNode parent, String path, boolean required) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    JsonNode value = parent.path(key);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        add(path, "required");
      }
      return null;
    }
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      add(path, "must be a text value");
      return null;
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      if (required) {
        add(path, "required; must not be empty");
      }
      return null;
    }
    return text;
  }

  JsonNode object(JsonNode parent, String key, boolean required) {
    JsonNode value = parent.path(key);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        add(key, "required");
      }
      return null;
    }
    if (!value.isObject()) {
      add(key, "must be a mapping");
      return null;
    }
    return value;
  }

  JsonNode list(JsonNode parent, String path, String key) {
    JsonNode value = parent.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!value.isArray()) {
      add(path + "." + key, "must be a list");
      return JsonNodeFactory.instance.arrayNode();
    }
    return value;
  }

  String slug(JsonNode parent, String path, String key, boolean required) {
    String value = text(parent, path + "." + key, required);
    if (value != null && !IriMinter.isSlug(value)) {
      add(
          path + "." + key,
          "'"
              + value
              + "' is not a valid name: use lowercase letters, digits and dashes, at most 63 characters, starting with a letter or digit");
      return null;
    }
    return value;
  }

  List<String> slugList(JsonNode parent, String path, String key) {
    JsonNode list = list(parent, path, key);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      values.addAll(slugText(list.get(i), path + "." + key + "[" + i + "]"));
    }
    return values.stream().distinct().toList();
  }

  List<String> slugText(JsonNode value, String path) {
    String text = value.isTextual() ? value.asText().strip().toLowerCase(Locale.ROOT) : null;
    if (text == null || !IriMinter.isSlug(text)) {
      add(
          path,
          "must be a classification name such as public, internal, confidential, restricted or pii");
      return List.of();
    }
    return List.of(text);
  }

  List<String> textList(JsonNode parent, String path, String key) {
    JsonNode list = list(parent, path, key);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode value = list.get(i);
      if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 100) {
        add(path + "." + key + "[" + i + "]", "must be a non-empty text of at most 100 characters");
      } else {
        values.add(value.asText().strip());
      }
    }
    return values.stream().distinct().toList();
  }

  /**
   * A required absolute IRI with one of the {@link #SAFE_SCHEMES}: an IRI a reader may be shown as
   * a link, so never {@code javascript:}, {@code data:} or {@code file:}.
   */
  String iri(JsonNode parent, String path, String key) {
    String value = text(parent, path + "." + key, true);
    if (value == null) {
      return null;
    }
    IRIx iri;
    try {
      iri = IRIx.create(value);
      if (!iri.isAbsolute()) {
        throw new IRIException("relative");
      }
    } catch (IRIException ex) {
      add(
          path + "." + key,
          "'"
              + value
              + "' is not a link: write an e-mail address as mailto:team@example.com or a web"
              + " address starting with https://");
      return null;
    }
    String scheme = iri.scheme() == null ? "" : iri.scheme().toLowerCase(Locale.ROOT);
    String rest = value.substring(value.indexOf(':') + 1);
    if (SAFE_SCHEMES.contains(scheme)
        && (rest.isBlank()
            || (scheme.equals("mailto") && !rest.contains("@"))
            || (scheme.startsWith("http") && !rest.matches("//[^/?#@\\s]+([/?#].*)?")))) {
      add(path + "." + key, "'" + value + "' names no one; use e.g. mailto:team@example.com");
      return null;
    }
    if (!SAFE_SCHEMES.contains(scheme)) {
      add(
          path + "." + key,
          "the IRI scheme '"
              + scheme
              + "' is not allowed; use one of "
              + String.join(", ", SAFE_SCHEMES)
              + " (e.g. mailto:team@example.com)");
      return null;
    }
    return value;
  }

  /** The schemes an IRI-valued field may use. */
  static final List<String> SAFE_SCHEMES = List.of("https", "http", "mailto", "urn");
}
