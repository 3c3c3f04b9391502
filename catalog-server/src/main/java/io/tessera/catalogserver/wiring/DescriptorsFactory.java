package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.DocumentAuthorization;
import io.tessera.descriptors.DocumentWrites;
import io.tessera.descriptors.JsonDiff;
import io.tessera.descriptors.ParseLimits;
import io.tessera.descriptors.ReferenceCheck;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.WriteAuthorization;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ProductRepository;
import jakarta.inject.Singleton;

/**
 * Wires the descriptors module: the parser, the field-by-field validator, the reference and
 * permission checks of a request, and the graph writes of its documents.
 */
@Factory
@SerdeImport(JsonDiff.Change.class)
public class DescriptorsFactory {

  /** The parser, with the limits of {@code tessera.limits.descriptors-*}. */
  @Singleton
  DescriptorParser descriptorParser(LimitsConfig limits) {
    return new DescriptorParser(
        new ParseLimits(
            (int) Math.min(Integer.MAX_VALUE, limits.descriptorsMaxBody()),
            limits.descriptorsMaxDepth(),
            limits.descriptorsMaxAliases(),
            limits.descriptorsTimeout()));
  }

  @Singleton
  DescriptorValidator descriptorValidator() {
    return new DescriptorValidator();
  }

  @Singleton
  ReferenceCheck referenceCheck(DomainRepository domains) {
    return new ReferenceCheck(domains);
  }

  @Singleton
  DocumentAuthorization documentAuthorization(
      DomainRepository domains, WriteAuthorization authorization) {
    return new DocumentAuthorization(domains, authorization);
  }

  @Singleton
  DocumentWrites documentWrites(
      GraphStore store,
      DomainRepository domains,
      ProductRepository products,
      PolicyRepository policies) {
    return new DocumentWrites(store, domains, products, policies);
  }
}
