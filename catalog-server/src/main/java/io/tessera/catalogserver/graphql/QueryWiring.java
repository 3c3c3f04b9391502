package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.catalogserver.api.LineageAsOf;
import io.tessera.catalogserver.api.ProductReads;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.governance.LineageRedaction;
import io.tessera.graphstore.ProductKey;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Singleton;

/**
 * {@code Query}: the entry points, by id, by name, listed, searched and traced; the exchange's
 * requests, agreements, demand and inbox.
 */
@Singleton
final class QueryWiring implements TypeWiring {
  private final CatalogReads reads;
  private final Visibility visibility;
  private final GraphQLConfig config;
  private final IriMinter iris;
  private final ObservationReports reports;
  private final LineageQueries lineage;
  private final LineageRedaction redaction;
  private final SearchIndex index;
  private final ExchangeService exchange;
  private final ProductReads productReads;
  private final LineageAsOf lineageAsOf;

  QueryWiring(
      CatalogReads reads,
      Visibility visibility,
      GraphQLConfig config,
      IriMinter iris,
      ObservationReports reports,
      LineageQueries lineage,
      LineageRedaction redaction,
      SearchIndex index,
      ExchangeService exchange,
      ProductReads productReads,
      LineageAsOf lineageAsOf) {
    this.productReads = productReads;
    this.lineageAsOf = lineageAsOf;
    this.reads = reads;
    this.visibility = visibility;
    this.config = config;
    this.iris = iris;
    this.reports = reports;
    this.lineage = lineage;
    this.redaction = redaction;
    this.index = index;
    this.exchange = exchange;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Query")
        .dataFetcher("node", new NodeDataFetcher(visibility, false))
        .dataFetcher("nodes", new NodeDataFetcher(visibility, true))
        .dataFetcher("domains", new DomainsDataFetcher(reads, visibility, config))
        .dataFetcher("domain", new DomainDataFetcher(visibility, env -> env.getArgument("name")))
        .dataFetcher("products", new ProductsDataFetcher(reads, visibility, config))
        .dataFetcher(
            "product",
            new ProductDataFetcher(
                visibility,
                env -> new ProductKey(env.getArgument("domain"), env.getArgument("name"))))
        .dataFetcher(
            "dataset",
            new DatasetDataFetcher(
                visibility,
                env -> iris.dataset(env.getArgument("namespace"), env.getArgument("name"))))
        .dataFetcher(
            "job",
            new JobDataFetcher(
                visibility, env -> iris.job(env.getArgument("namespace"), env.getArgument("name"))))
        .dataFetcher(
            "unownedDatasets", new UnownedDatasetsDataFetcher(reports, reads, visibility, config))
        .dataFetcher("lineage", new LineageDataFetcher(lineage, redaction, iris, lineageAsOf))
        .dataFetcher("productAsOf", new ProductAsOfDataFetcher(productReads))
        .dataFetcher("productsAsOf", new ProductsAsOfDataFetcher(productReads))
        .dataFetcher("columnLineage", new ColumnLineageDataFetcher(lineage, redaction, iris))
        .dataFetcher("search", new SearchDataFetcher(index))
        .dataFetcher("suggest", new SuggestDataFetcher(index, config))
        .dataFetcher("me", new MeDataFetcher())
        .dataFetcher("accessRequests", new AccessRequestsDataFetcher(exchange))
        .dataFetcher("accessRequest", new AccessRequestDataFetcher(exchange))
        .dataFetcher("agreements", new ExchangeAgreementsDataFetcher(exchange))
        .dataFetcher("inbox", new ExchangeInboxDataFetcher(exchange))
        .dataFetcher("demand", new ExchangeDemandDataFetcher(exchange))
        .dataFetcher("purposeCodes", new ExchangePurposeCodesDataFetcher(exchange))
        .build();
  }
}
