package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.catalogserver.ingest.ProducersConfig;
import io.tessera.governance.AgreementRepository;
import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.DatasetClaims;
import io.tessera.governance.Decision;
import io.tessera.governance.Evaluation;
import io.tessera.governance.EventWriteAuthorization;
import io.tessera.governance.Explanation;
import io.tessera.governance.Finding;
import io.tessera.governance.FindingStore;
import io.tessera.governance.LineageMentions;
import io.tessera.governance.LineageRedaction;
import io.tessera.governance.Operand;
import io.tessera.governance.Policy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.ProductRedaction;
import io.tessera.governance.SparqlViews;
import io.tessera.governance.ToxicCombinationDetector;
import io.tessera.governance.WriteAuthorization;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageQueries;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/**
 * Wires the governance module: the policy repository, the evaluator that turns policies into a
 * caller's read scope, toxic-combination detection over lineage (findings kept by the server's
 * {@link FindingStore}), and lineage redaction. The evaluator, the lineage mentions and the
 * detector listen to the graph's change feed, and so do the dataset claims that scope producers.
 * Also who may write what ({@link WriteAuthorization}) and the SPARQL view of a caller ({@link
 * SparqlViews}).
 */
@Factory
@SerdeImport(Policy.class)
@SerdeImport(Policy.Targets.class)
@SerdeImport(Policy.Effect.class)
@SerdeImport(Policy.Action.class)
@SerdeImport(Policy.Rule.class)
@SerdeImport(Policy.Constraint.class)
@SerdeImport(Policy.ToxicCombination.class)
@SerdeImport(Operand.class)
@SerdeImport(Decision.class)
@SerdeImport(Policy.Access.class)
@SerdeImport(Policy.Approval.class)
@SerdeImport(Evaluation.class)
@SerdeImport(Explanation.class)
@SerdeImport(Finding.class)
@SerdeImport(AppliedPolicy.class)
@SerdeImport(AppliedPolicy.Target.class)
@SerdeImport(AppliedPolicy.TargetKind.class)
public class GovernanceFactory {

  @Singleton
  PolicyRepository policyRepository(GraphStore store, IriMinter iris) {
    return new PolicyRepository(store, iris);
  }

  @Singleton
  LineageMentions lineageMentions(GraphStore store, IriMinter iris) {
    LineageMentions mentions = new LineageMentions(store, iris);
    store.subscribe(mentions);
    return mentions;
  }

  /** The clock agreements expire by (tests replace it). */
  @Singleton
  java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  @Singleton
  AgreementRepository agreementRepository(GraphStore store, IriMinter iris) {
    return new AgreementRepository(store, iris);
  }

  @Singleton
  PolicyEvaluator policyEvaluator(
      GraphStore store,
      PolicyRepository repository,
      IriMinter iris,
      FindingStore findings,
      LineageMentions mentions,
      AgreementRepository agreements,
      java.time.Clock clock) {
    PolicyEvaluator evaluator =
        new PolicyEvaluator(store, repository, iris, findings, mentions, agreements, clock);
    store.subscribe(evaluator);
    return evaluator;
  }

  /** Compiles the policies in the background at start-up, so the first request does not wait. */
  @EventListener
  void warmUp(StartupEvent event) {
    event.getSource().getBean(PolicyEvaluator.class).warmUp();
  }

  /** Started with the server, so findings are recorded from the first lineage event. */
  @Context
  @Bean(preDestroy = "close")
  ToxicCombinationDetector toxicCombinationDetector(
      GraphStore store,
      LineageQueries lineage,
      PolicyEvaluator evaluator,
      FindingStore findings,
      IriMinter iris) {
    ToxicCombinationDetector detector =
        new ToxicCombinationDetector(store, lineage, evaluator, findings, iris);
    store.subscribe(detector);
    return detector;
  }

  @Singleton
  LineageRedaction lineageRedaction(IriMinter iris) {
    return new LineageRedaction(iris);
  }

  @Singleton
  ProductRedaction productRedaction(IriMinter iris) {
    return new ProductRedaction(iris);
  }

  @Singleton
  SparqlViews sparqlViews(IriMinter iris, LineageMentions mentions, PolicyEvaluator evaluator) {
    return new SparqlViews(iris, mentions, evaluator);
  }

  /** Which domains claim each dataset, for scoping producers on the lineage ingest path. */
  @Singleton
  DatasetClaims datasetClaims(GraphStore store, IriMinter iris) {
    DatasetClaims claims = new DatasetClaims(store, iris);
    store.subscribe(claims);
    return claims;
  }

  @Singleton
  WriteAuthorization writeAuthorization() {
    return new WriteAuthorization();
  }

  /** Which OpenLineage events a producer may post, scoped as {@code ProducersConfig} says. */
  @Singleton
  EventWriteAuthorization eventWriteAuthorization(
      WriteAuthorization authorization, DatasetClaims claims, ProducersConfig producers) {
    return new EventWriteAuthorization(authorization, claims, producers.unownedOpen());
  }
}
