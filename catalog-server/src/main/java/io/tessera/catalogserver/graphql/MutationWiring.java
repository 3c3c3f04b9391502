package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.graphstore.ProductRepository;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/**
 * {@code Mutation}: applying descriptors, retiring a product, claiming a dataset; requesting access
 * and deciding requests, registering interest, reading the inbox.
 */
@Singleton
final class MutationWiring implements TypeWiring {
  private final ApplyService apply;
  private final Visibility visibility;
  private final RevisionRepository revisions;
  private final ProductRepository products;
  private final ObservationReports reports;
  private final IriMinter iris;
  private final ExchangeService exchange;

  MutationWiring(
      ApplyService apply,
      Visibility visibility,
      RevisionRepository revisions,
      ProductRepository products,
      ObservationReports reports,
      IriMinter iris,
      ExchangeService exchange) {
    this.apply = apply;
    this.visibility = visibility;
    this.revisions = revisions;
    this.products = products;
    this.reports = reports;
    this.iris = iris;
    this.exchange = exchange;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Mutation")
        .dataFetcher("applyDescriptors", new ApplyDescriptorsDataFetcher(apply))
        .dataFetcher("retireProduct", new RetireProductDataFetcher(apply, visibility))
        .dataFetcher(
            "claimDataset",
            new ClaimDatasetDataFetcher(apply, revisions, products, reports, visibility, iris))
        .dataFetcher("requestAccess", new ExchangeRequestAccessDataFetcher(exchange))
        .dataFetcher(
            "approveAccessRequest",
            transition(AccessRequestTransitionDataFetcher.Transition.APPROVE))
        .dataFetcher(
            "rejectAccessRequest", transition(AccessRequestTransitionDataFetcher.Transition.REJECT))
        .dataFetcher(
            "withdrawAccessRequest",
            transition(AccessRequestTransitionDataFetcher.Transition.WITHDRAW))
        .dataFetcher(
            "revokeAccessRequest", transition(AccessRequestTransitionDataFetcher.Transition.REVOKE))
        .dataFetcher("registerInterest", new ExchangeRegisterInterestDataFetcher(exchange))
        .dataFetcher("withdrawInterest", new ExchangeWithdrawInterestDataFetcher(exchange))
        .dataFetcher("markInboxItemRead", new ExchangeMarkReadDataFetcher(exchange))
        .build();
  }

  private AccessRequestTransitionDataFetcher transition(
      AccessRequestTransitionDataFetcher.Transition transition) {
    return new AccessRequestTransitionDataFetcher(exchange, transition);
  }
}
