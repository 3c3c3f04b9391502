package io.tessera.descriptors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.Product;
import io.tessera.ontology.IriMinter;

/** A descriptor document that passed validation, with the canonical form it is hashed in. */
public sealed interface ValidatedDocument {
  /** The document's position in the request. */
  int index();

  /** The document as applied (after translation from a standard, if any). */
  ObjectNode source();

  /** The IRI of the entity it declares. */
  default String iri(IriMinter iris) {
    return switch (this) {
      case DomainDocument d -> iris.domain(d.domain().name());
      case ProductDocument p -> iris.product(p.product().domain(), p.product().name());
      case PolicyDocument p -> iris.policy(p.policy().domain(), p.policy().name());
    };
  }

  /** The kind of entity it declares: {@code Domain}, {@code DataProduct} or {@code Policy}. */
  default String kind() {
    return switch (this) {
      case DomainDocument d -> "Domain";
      case ProductDocument p -> "DataProduct";
      case PolicyDocument p -> "Policy";
    };
  }

  /**
   * The domain of the entity it declares, as revisions record it: a domain's own name, {@code
   * global} for a global policy.
   */
  default String domainName() {
    return switch (this) {
      case DomainDocument d -> d.domain().name();
      case ProductDocument p -> p.product().domain();
      case PolicyDocument p -> p.policy().domain() == null ? "global" : p.policy().domain();
    };
  }

  /** The name of the entity it declares. */
  default String name() {
    return switch (this) {
      case DomainDocument d -> d.domain().name();
      case ProductDocument p -> p.product().name();
      case PolicyDocument p -> p.policy().name();
    };
  }

  /** A domain document. */
  record DomainDocument(int index, ObjectNode source, Domain domain) implements ValidatedDocument {}

  /** A policy document. */
  record PolicyDocument(int index, ObjectNode source, io.tessera.governance.Policy policy)
      implements ValidatedDocument {}

  /** A data product document. */
  record ProductDocument(int index, ObjectNode source, Product product)
      implements ValidatedDocument {}
}
