package io.tessera.descriptors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.Product;

/** A descriptor document that passed validation, with the canonical form it is hashed in. */
public sealed interface ValidatedDocument {
  /** The document's position in the request. */
  int index();

  /** The document as applied (after translation from a standard, if any). */
  ObjectNode source();

  /** A domain document. */
  record DomainDocument(int index, ObjectNode source, Domain domain) implements ValidatedDocument {}

  /** A policy document. */
  record PolicyDocument(int index, ObjectNode source, io.tessera.governance.Policy policy)
      implements ValidatedDocument {}

  /** A data product document. */
  record ProductDocument(int index, ObjectNode source, Product product)
      implements ValidatedDocument {}
}
