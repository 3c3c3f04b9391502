package io.tessera.catalogserver.api;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The descriptor formats a product is exported in by {@code GET /api/v1/products/{domain}/{name}}:
 * Tessera's own {@code tessera/v1} descriptor, ODPS v1.0.0 or ODCS v3.1.0, each as YAML or JSON.
 * Chosen by {@code ?format=} (YAML unless the {@code Accept} header asks for JSON only) or by one
 * of the media types below in {@code Accept}.
 */
enum DescriptorFormat {
  ODPS("odps", "application/odps+yaml", "application/odps+json"),
  ODCS("odcs", "application/odcs+yaml", "application/odcs+json"),
  TESSERA("tessera", "application/yaml", "application/json");

  static final String YAML = "application/yaml";
  static final String X_YAML = "application/x-yaml";
  static final String TEXT_YAML = "text/yaml";

  private final String name;
  private final String yamlType;
  private final String jsonType;

  DescriptorFormat(String name, String yamlType, String jsonType) {
    this.name = name;
    this.yamlType = yamlType;
    this.jsonType = jsonType;
  }

  /** A format and whether it is written as JSON. */
  record Choice(DescriptorFormat format, boolean json) {
    String contentType() {
      return json ? format.jsonType : format.yamlType + ";charset=utf-8";
    }
  }

  /**
   * The export a request asks for, empty when it asks for none (the product's JSON view or RDF).
   *
   * @param format the {@code format} query value, or null
   * @param accept the {@code Accept} header
   * @throws ProblemException {@code invalid-request} naming the allowed values when {@code format}
   *     is not one of them
   */
  static Optional<Choice> of(String format, String accept) {
    String wanted = accept.toLowerCase(Locale.ROOT);
    if (format != null) {
      DescriptorFormat chosen =
          Arrays.stream(values())
              .filter(f -> f.name.equals(format.strip().toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.INVALID_REQUEST,
                          "format must be one of " + allowed() + "; it was '" + format + "'"));
      return Optional.of(new Choice(chosen, wanted.contains("json") && !wanted.contains("yaml")));
    }
    for (DescriptorFormat f : values()) {
      if (f != TESSERA && wanted.contains(f.yamlType)) {
        return Optional.of(new Choice(f, false));
      }
      if (f != TESSERA && wanted.contains(f.jsonType)) {
        return Optional.of(new Choice(f, true));
      }
    }
    if (wanted.contains(TESSERA.yamlType)
        || wanted.contains(X_YAML)
        || wanted.contains(TEXT_YAML)) {
      return Optional.of(new Choice(TESSERA, false));
    }
    return Optional.empty();
  }

  private static String allowed() {
    return Arrays.stream(values()).map(f -> f.name).collect(Collectors.joining(", "));
  }
}
