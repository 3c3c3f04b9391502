package io.tessera.catalogserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.descriptors.standards.StandardDescriptors;
import io.tessera.descriptors.standards.StandardImportException;
import io.tessera.descriptors.standards.StandardMerge;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request's parsed documents into validated ones: at most {@code
 * tessera.max-descriptor-documents} of them, published standards (ODPS, ODCS) translated to {@code
 * tessera/v1}, the ODCS contracts of a product merged into its ODPS document ({@link
 * StandardMerge}: the contract is reported as part of the product), every document validated. The
 * field errors of all documents are collected and reported together; any error rejects the whole
 * request.
 */
@Singleton
final class RequestValidation {
  private final DescriptorValidator validator;
  private final TesseraConfig config;
  private final StandardDescriptors standards = new StandardDescriptors();
  private final StandardMerge merge = new StandardMerge();

  RequestValidation(DescriptorValidator validator, TesseraConfig config) {
    this.validator = validator;
    this.config = config;
  }

  /**
   * The validated documents, in request order.
   *
   * @throws InvalidDescriptorException carrying every field error found
   */
  List<ValidatedDocument> validate(List<JsonNode> documents, String fallbackDomain) {
    if (documents.size() > config.maxDescriptorDocuments()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "a request may carry at most "
              + config.maxDescriptorDocuments()
              + " documents; split it");
    }
    List<FieldError> errors = new ArrayList<>();
    List<JsonNode> translated = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      translated.add(translate(i, documents.get(i), fallbackDomain, errors));
    }
    List<JsonNode> merged = merge.merge(documents, translated);
    List<ValidatedDocument> valid = new ArrayList<>();
    for (int i = 0; i < merged.size(); i++) {
      JsonNode document = merged.get(i);
      if (document != null) {
        ValidatedDocument result = validator.validate(i, document, errors);
        if (result != null) {
          valid.add(result);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidDescriptorException.rejected(errors);
    }
    return valid;
  }

  private JsonNode translate(
      int index, JsonNode document, String fallbackDomain, List<FieldError> errors) {
    try {
      return standards.translate(document, fallbackDomain).<JsonNode>map(n -> n).orElse(document);
    } catch (StandardImportException e) {
      errors.add(new FieldError("documents[" + index + "]." + e.field(), e.getMessage()));
      return null;
    }
  }
}
