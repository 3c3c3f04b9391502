package io.tessera.descriptors;

import io.tessera.descriptors.ValidatedDocument.DomainDocument;
import io.tessera.descriptors.ValidatedDocument.PolicyDocument;
import io.tessera.descriptors.ValidatedDocument.ProductDocument;
import io.tessera.governance.PolicyRepository;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import io.tessera.graphstore.ProductRepository;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes validated documents into their graphs in one transaction (domains first, then products,
 * then policies), each at the revision planned for it; a dry run validates the same writes and
 * rolls them back. Recording the revisions with the write is the caller's part: it runs {@link
 * #writes} inside its own commit.
 */
public final class DocumentWrites {
  private final GraphStore store;
  private final DomainRepository domains;
  private final ProductRepository products;
  private final PolicyRepository policies;

  public DocumentWrites(
      GraphStore store,
      DomainRepository domains,
      ProductRepository products,
      PolicyRepository policies) {
    this.store = store;
    this.domains = domains;
    this.products = products;
    this.policies = policies;
  }

  /**
   * A document to write and the revision it is written as.
   *
   * @param revision the revision number domains and products carry in the graph
   */
  public record Revised(ValidatedDocument doc, int revision) {}

  /** The graph writes of the documents, to run in one write transaction. */
  public Consumer<GraphWriter> writes(List<Revised> changed) {
    return w -> {
      changed.stream().filter(p -> p.doc() instanceof DomainDocument).forEach(p -> write(w, p));
      changed.stream().filter(p -> p.doc() instanceof ProductDocument).forEach(p -> write(w, p));
      changed.stream().filter(p -> p.doc() instanceof PolicyDocument).forEach(p -> write(w, p));
    };
  }

  /**
   * Validates the writes of the documents and rolls them back.
   *
   * @throws io.tessera.graphstore.ShapeViolationException when a written graph does not conform
   */
  public void dryRun(List<Revised> changed) {
    store.dryRun(writes(changed));
  }

  private void write(GraphWriter writer, Revised p) {
    int revision = p.revision();
    switch (p.doc()) {
      case DomainDocument d -> domains.put(writer, d.domain().withRevision(revision));
      case ProductDocument d -> products.put(writer, d.product().withRevision(revision));
      case PolicyDocument d -> policies.put(writer, d.policy());
    }
  }
}
