package io.tessera.catalogserver.apply;

import io.tessera.descriptors.ValidatedDocument.DomainDocument;
import io.tessera.descriptors.ValidatedDocument.PolicyDocument;
import io.tessera.descriptors.ValidatedDocument.ProductDocument;
import io.tessera.governance.PolicyRepository;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import io.tessera.graphstore.ProductRepository;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the changed documents of a plan into their graphs in one transaction (domains first, then
 * products, then policies) together with their revisions; a dry run validates the same writes and
 * rolls them back, recording nothing.
 */
@Singleton
final class DocumentWrites {
  private final GraphStore store;
  private final RevisionedWrites revisionedWrites;
  private final DomainRepository domains;
  private final ProductRepository products;
  private final PolicyRepository policies;

  DocumentWrites(
      GraphStore store,
      RevisionedWrites revisionedWrites,
      DomainRepository domains,
      ProductRepository products,
      PolicyRepository policies) {
    this.store = store;
    this.revisionedWrites = revisionedWrites;
    this.domains = domains;
    this.products = products;
    this.policies = policies;
  }

  /**
   * Writes (or dry-runs) the plan's changed documents; a plan with none writes nothing.
   *
   * @throws io.tessera.graphstore.ShapeViolationException when a written graph does not conform
   */
  void write(List<Planned> plan, boolean dryRun) {
    List<Planned> changed = plan.stream().filter(Planned::changed).toList();
    Consumer<GraphWriter> writes =
        w -> {
          changed.stream().filter(p -> p.doc() instanceof DomainDocument).forEach(p -> write(w, p));
          changed.stream()
              .filter(p -> p.doc() instanceof ProductDocument)
              .forEach(p -> write(w, p));
          changed.stream().filter(p -> p.doc() instanceof PolicyDocument).forEach(p -> write(w, p));
        };
    if (dryRun) {
      store.dryRun(writes);
    } else if (!changed.isEmpty()) {
      revisionedWrites.write(changed.stream().map(Planned::record).toList(), writes);
    }
  }

  private void write(GraphWriter writer, Planned p) {
    int revision = p.result().revision();
    switch (p.doc()) {
      case DomainDocument d -> domains.put(writer, d.domain().withRevision(revision));
      case ProductDocument d -> products.put(writer, d.product().withRevision(revision));
      case PolicyDocument d -> policies.put(writer, d.policy());
    }
  }
}
