package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Translates documents written in a published standard into {@code tessera/v1} descriptors.
 *
 * <p>Recognised are the Open Data Product Standard (ODPS: {@code kind: DataProduct}, an {@code
 * apiVersion} starting with {@code v0.} or {@code v1.}), the Open Data Contract Standard (ODCS:
 * {@code kind: DataContract}, {@code apiVersion} {@code v3.x}) and the Data Contract Specification
 * (DCS, datacontract.com: a {@code dataContractSpecification} field, versions 0.9.x and 1.0.x to
 * 1.2.x). All become a {@code kind: DataProduct} document shaped as described in {@code
 * docs/descriptors.md}, with two extra fields for the apply service to record: {@code
 * spec.identifier} (the standard's {@code id}) and {@code spec.source} ({@code odps:<apiVersion>},
 * {@code odcs:<apiVersion>} or {@code dcs:<version>}).
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class StandardDescriptors {

  private final OdpsTranslator odps = new OdpsTranslator();
  private final OdcsTranslator odcs = new OdcsTranslator();
  private final DcsTranslator dcs = new DcsTranslator();

  /** Creates the translator. */
  public StandardDescriptors() {}

  /**
   * Translates one document.
   *
   * @param document a parsed YAML or JSON document
   * @param fallbackDomain the domain slug to use when the document names none (e.g. the request's
   *     {@code ?domain=}); may be null
   * @return the {@code tessera/v1} document; empty when the document is not a recognised standard
   *     (e.g. already {@code tessera/v1})
   * @throws StandardImportException when the document is a recognised standard that cannot be
   *     translated; {@link StandardImportException#field()} names the field in {@code document}
   */
  public Optional<ObjectNode> translate(JsonNode document, String fallbackDomain) {
    if (document == null || !document.isObject()) {
      return Optional.empty();
    }
    if (document.has(DcsTranslator.VERSION_FIELD)) {
      return Optional.of(dcs.translate(document, fallbackDomain));
    }
    String kind = SourceFields.text(document, "kind");
    String apiVersion = SourceFields.text(document, "apiVersion");
    if (apiVersion == null) {
      return Optional.empty();
    }
    if ("DataProduct".equals(kind) && isOdpsVersion(apiVersion)) {
      return Optional.of(odps.translate(document, fallbackDomain));
    }
    if ("DataContract".equals(kind) && apiVersion.startsWith("v3.")) {
      return Optional.of(odcs.translate(document, fallbackDomain));
    }
    if ("DataContract".equals(kind) && apiVersion.startsWith("v2.")) {
      throw new StandardImportException(
          "apiVersion",
          "ODCS " + apiVersion + " is not supported: upgrade the contract to ODCS v3.x");
    }
    return Optional.empty();
  }

  /** Whether {@code document} is an ODPS data product (as sent, before translation). */
  static boolean isOdps(JsonNode document) {
    String apiVersion = SourceFields.text(document, "apiVersion");
    return document != null
        && !document.has(DcsTranslator.VERSION_FIELD)
        && "DataProduct".equals(SourceFields.text(document, "kind"))
        && apiVersion != null
        && isOdpsVersion(apiVersion);
  }

  /** Whether {@code document} is an ODCS v3 data contract (as sent, before translation). */
  static boolean isOdcs(JsonNode document) {
    String apiVersion = SourceFields.text(document, "apiVersion");
    return document != null
        && !document.has(DcsTranslator.VERSION_FIELD)
        && "DataContract".equals(SourceFields.text(document, "kind"))
        && apiVersion != null
        && apiVersion.startsWith("v3.");
  }

  private static boolean isOdpsVersion(String apiVersion) {
    return apiVersion.startsWith("v0.") || apiVersion.startsWith("v1.");
  }
}
