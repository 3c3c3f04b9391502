package io.tessera.descriptors;

import io.tessera.descriptors.ValidatedDocument.DomainDocument;
import io.tessera.descriptors.ValidatedDocument.PolicyDocument;
import io.tessera.descriptors.ValidatedDocument.ProductDocument;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks references across a request's documents and the catalog: every domain a document names
 * exists in the graph or is declared in the same request, and no entity is declared twice.
 */
public final class ReferenceCheck {
  private final DomainRepository domains;

  public ReferenceCheck(DomainRepository domains) {
    this.domains = domains;
  }

  /**
   * Checks the documents as the catalog stands in the reader's transaction.
   *
   * @throws InvalidDescriptorException carrying every broken reference and duplicate
   */
  public void check(GraphReader reader, List<ValidatedDocument> docs) {
    Set<String> requestDomains =
        docs.stream()
            .filter(DomainDocument.class::isInstance)
            .map(d -> ((DomainDocument) d).domain().name())
            .collect(Collectors.toSet());
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (ValidatedDocument doc : docs) {
      String at = "documents[" + doc.index() + "]";
      String key =
          switch (doc) {
            case DomainDocument d -> "Domain " + d.domain().name();
            case ProductDocument p ->
                "DataProduct " + p.product().domain() + "/" + p.product().name();
            case PolicyDocument p -> "Policy " + p.policy().key();
          };
      Integer first = seen.putIfAbsent(key, doc.index());
      if (first != null) {
        errors.add(
            new FieldError(
                at + ".metadata.name", key + " is already declared by documents[" + first + "]"));
      }
      switch (doc) {
        case DomainDocument d -> {
          String parent = d.domain().parent();
          if (parent != null
              && !requestDomains.contains(parent)
              && !domains.exists(reader, parent)) {
            errors.add(
                new FieldError(at + ".spec.parent", "domain '" + parent + "' does not exist"));
          }
        }
        case ProductDocument p -> {
          String domain = p.product().domain();
          if (!requestDomains.contains(domain) && !domains.exists(reader, domain)) {
            errors.add(
                new FieldError(
                    at + ".metadata.domain",
                    "domain '"
                        + domain
                        + "' does not exist; declare it with kind: Domain first or in the same request"));
          }
        }
        case PolicyDocument p -> {
          String domain = p.policy().domain();
          if (domain != null
              && !requestDomains.contains(domain)
              && !domains.exists(reader, domain)) {
            errors.add(
                new FieldError(at + ".metadata.domain", "domain '" + domain + "' does not exist"));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidDescriptorException.rejected(errors);
    }
  }
}
