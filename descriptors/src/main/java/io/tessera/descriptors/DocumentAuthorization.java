package io.tessera.descriptors;

import io.tessera.descriptors.ValidatedDocument.DomainDocument;
import io.tessera.descriptors.ValidatedDocument.PolicyDocument;
import io.tessera.descriptors.ValidatedDocument.ProductDocument;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphReader;
import java.util.List;

/**
 * Who may write which document: a domain's owner writes its products and policies and updates the
 * domain; a new domain needs the owner of its parent, or an admin; a global policy needs an admin.
 */
public final class DocumentAuthorization {
  private final DomainRepository domains;
  private final WriteAuthorization authorization;

  public DocumentAuthorization(DomainRepository domains, WriteAuthorization authorization) {
    this.domains = domains;
    this.authorization = authorization;
  }

  /**
   * Checks every document, with the domains as they stand in the reader's transaction.
   *
   * @throws io.tessera.governance.AccessDeniedException naming the first missing permission
   */
  public void authorize(GraphReader reader, List<ValidatedDocument> docs, Principal principal) {
    for (ValidatedDocument doc : docs) {
      switch (doc) {
        case DomainDocument d -> {
          String name = d.domain().name();
          if (domains.exists(reader, name)) {
            authorization.requireDomainOwner(principal, name);
          } else if (d.domain().parent() != null) {
            authorization.requireDomainOwner(principal, d.domain().parent());
          } else {
            authorization.requireAdmin(principal);
          }
        }
        case ProductDocument p -> authorization.requireDomainOwner(principal, p.product().domain());
        case PolicyDocument p -> {
          if (p.policy().domain() == null) {
            authorization.requireAdmin(principal);
          } else {
            authorization.requireDomainOwner(principal, p.policy().domain());
          }
        }
      }
    }
  }
}
