package io.tessera.catalogserver.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.io.ResourceResolver;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.governance.LineageRedaction;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductRepository;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds the {@link GraphQL} engine from {@code graphql/schema.graphqls} and the data fetchers. */
@Factory
public class GraphQLFactory {
  /** The schema file, on the classpath. */
  public static final String SCHEMA = "classpath:graphql/schema.graphqls";

  /** Longer query texts are parsed and validated on every request rather than cached. */
  private static final int MAX_CACHED_QUERY = 64 * 1024;

  @Singleton
  GraphQL graphQL(
      ResourceResolver resources,
      GraphQLConfig config,
      CatalogReads reads,
      Visibility visibility,
      ProductRepository products,
      RevisionRepository revisions,
      ApplyService apply,
      LineageQueries lineage,
      LineageRedaction redaction,
      ObservationReports reports,
      SearchIndex index,
      IriMinter iris,
      AuditLog audit) {
    TypeDefinitionRegistry types;
    try (InputStream in =
        resources
            .getResourceAsStream(SCHEMA)
            .orElseThrow(() -> new IllegalStateException("missing " + SCHEMA))) {
      types = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GraphQLErrors errors = new GraphQLErrors(audit);
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(DateTimeScalar.INSTANCE)
            .type(TypeRuntimeWiring.newTypeWiring("Node").typeResolver(nodeTypes()))
            .type(
                TypeRuntimeWiring.newTypeWiring("Query")
                    .dataFetcher("node", new NodeDataFetcher(visibility, false))
                    .dataFetcher("nodes", new NodeDataFetcher(visibility, true))
                    .dataFetcher("domains", new DomainsDataFetcher(reads, visibility, config))
                    .dataFetcher(
                        "domain", new DomainDataFetcher(visibility, env -> env.getArgument("name")))
                    .dataFetcher("products", new ProductsDataFetcher(reads, visibility, config))
                    .dataFetcher(
                        "product",
                        new ProductDataFetcher(
                            visibility,
                            env ->
                                new ProductKey(env.getArgument("domain"), env.getArgument("name"))))
                    .dataFetcher(
                        "dataset",
                        new DatasetDataFetcher(
                            visibility,
                            env ->
                                iris.dataset(
                                    env.getArgument("namespace"), env.getArgument("name"))))
                    .dataFetcher(
                        "job",
                        new JobDataFetcher(
                            visibility,
                            env -> iris.job(env.getArgument("namespace"), env.getArgument("name"))))
                    .dataFetcher(
                        "unownedDatasets",
                        new UnownedDatasetsDataFetcher(reports, reads, visibility, config))
                    .dataFetcher("lineage", new LineageDataFetcher(lineage, redaction, iris))
                    .dataFetcher(
                        "columnLineage", new ColumnLineageDataFetcher(lineage, redaction, iris))
                    .dataFetcher("search", new SearchDataFetcher(index))
                    .dataFetcher("suggest", new SuggestDataFetcher(index, config))
                    .dataFetcher("me", new MeDataFetcher()))
            .type(
                TypeRuntimeWiring.newTypeWiring("Mutation")
                    .dataFetcher("applyDescriptors", new ApplyDescriptorsDataFetcher(apply))
                    .dataFetcher("retireProduct", new RetireProductDataFetcher(apply, visibility))
                    .dataFetcher(
                        "claimDataset",
                        new ClaimDatasetDataFetcher(
                            apply, revisions, products, reports, visibility, iris)))
            .type(
                TypeRuntimeWiring.newTypeWiring("Domain")
                    .dataFetcher(
                        "parent",
                        new DomainDataFetcher(
                            visibility, env -> env.<DomainNode>getSource().domain().parent()))
                    .dataFetcher("products", new ProductsDataFetcher(reads, visibility, config)))
            .type(
                TypeRuntimeWiring.newTypeWiring("DataProduct")
                    .dataFetcher(
                        "domain",
                        new DomainDataFetcher(
                            visibility, env -> env.<ProductNode>getSource().product().domain()))
                    .dataFetcher("outputPorts", new ProductPortsDataFetcher(true, config))
                    .dataFetcher("inputPorts", new ProductPortsDataFetcher(false, config))
                    .dataFetcher("boundDatasets", new BoundDatasetsDataFetcher(visibility, config))
                    .dataFetcher("revisions", new RevisionsDataFetcher(revisions, config))
                    .dataFetcher("quality", new ProductQualityDataFetcher(visibility, config))
                    .dataFetcher("policies", new ProductPoliciesDataFetcher()))
            .type(
                TypeRuntimeWiring.newTypeWiring("Port")
                    .dataFetcher(
                        "product",
                        new ProductDataFetcher(
                            visibility, env -> env.<PortNode>getSource().product()))
                    .dataFetcher(
                        "dataset",
                        env -> {
                          PortNode port = env.getSource();
                          var ref = port.port().dataset();
                          boolean bound =
                              port.port().binding() != null
                                  && ref != null
                                  && ref.equals(port.port().binding().dataset());
                          return port.readable() && ref != null
                              ? new DatasetNode(
                                  ref,
                                  iris.dataset(ref.namespace(), ref.name()),
                                  null,
                                  true,
                                  bound,
                                  DatasetNode.detailsWanted(env))
                              : null;
                        })
                    .dataFetcher("schema", new PortSchemaDataFetcher(config))
                    .dataFetcher(
                        "boundBy",
                        new RunDataFetcher(
                            visibility,
                            env -> {
                              PortNode port = env.getSource();
                              return port.port().binding() == null
                                  ? null
                                  : port.port().binding().evidence();
                            })))
            .type(
                TypeRuntimeWiring.newTypeWiring("Dataset")
                    .dataFetcher("product", new DatasetProductDataFetcher(visibility))
                    .dataFetcher("description", new DatasetDetailsDataFetcher(false))
                    .dataFetcher("physical", new DatasetDetailsDataFetcher(true))
                    .dataFetcher("fields", new DatasetFieldsDataFetcher(config))
                    .dataFetcher(
                        "versions",
                        new DatasetLinksDataFetcher(
                            DatasetLinksDataFetcher.Link.VERSIONS, visibility, config))
                    .dataFetcher(
                        "producedBy",
                        new DatasetLinksDataFetcher(
                            DatasetLinksDataFetcher.Link.PRODUCED_BY, visibility, config))
                    .dataFetcher(
                        "consumedBy",
                        new DatasetLinksDataFetcher(
                            DatasetLinksDataFetcher.Link.CONSUMED_BY, visibility, config))
                    .dataFetcher(
                        "quality",
                        new DatasetLinksDataFetcher(
                            DatasetLinksDataFetcher.Link.QUALITY, visibility, config))
                    .dataFetcher("lineage", new LineageDataFetcher(lineage, redaction, iris)))
            .type(
                TypeRuntimeWiring.newTypeWiring("SchemaVersion")
                    .dataFetcher("fields", new SchemaVersionFieldsDataFetcher(config))
                    .dataFetcher(
                        "run",
                        new RunDataFetcher(
                            visibility, env -> env.<SchemaVersionNode>getSource().runIri())))
            .type(
                TypeRuntimeWiring.newTypeWiring("QualityMeasurement")
                    .dataFetcher(
                        "run",
                        new RunDataFetcher(
                            visibility, env -> env.<QualityNode>getSource().runIri())))
            .type(
                TypeRuntimeWiring.newTypeWiring("Job")
                    .dataFetcher(
                        "inputs",
                        new JobLinksDataFetcher(
                            JobLinksDataFetcher.Link.INPUTS, visibility, config))
                    .dataFetcher(
                        "outputs",
                        new JobLinksDataFetcher(
                            JobLinksDataFetcher.Link.OUTPUTS, visibility, config))
                    .dataFetcher(
                        "runs",
                        new JobLinksDataFetcher(JobLinksDataFetcher.Link.RUNS, visibility, config)))
            .type(
                TypeRuntimeWiring.newTypeWiring("Run")
                    .dataFetcher(
                        "job",
                        new JobDataFetcher(visibility, env -> env.<RunNode>getSource().jobIri())))
            .type(
                TypeRuntimeWiring.newTypeWiring("SearchHit")
                    .dataFetcher("entity", new SearchHitEntityDataFetcher(visibility, iris)))
            .build();
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring);
    return GraphQL.newGraphQL(schema)
        .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
        .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
        .instrumentation(QueryLimits.of(config))
        .preparsedDocumentProvider(new DocumentCache(config.documentCacheSize(), MAX_CACHED_QUERY))
        .build();
  }

  private static TypeResolver nodeTypes() {
    return env ->
        env.getSchema()
            .getObjectType(
                switch (env.getObject()) {
                  case DomainNode d -> "Domain";
                  case ProductNode p -> "DataProduct";
                  case PortNode p -> "Port";
                  case DatasetNode d -> "Dataset";
                  case FieldNode f -> "Field";
                  case JobNode j -> "Job";
                  case RunNode r -> "Run";
                  default ->
                      throw new IllegalStateException(
                          "no GraphQL type for " + env.getObject().getClass());
                });
  }
}
