package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.api.AppliedPolicyView;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.DatasetLinks;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductKey;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * The DataLoaders of one GraphQL request. Each collects the keys its resolvers ask for while one
 * level of the query executes and answers them all with one batch read of {@link CatalogReads}, so
 * that a page of 100 products with their ports, owners and datasets costs a handful of store reads,
 * not hundreds. Loaders cache per request only.
 */
@Singleton
public class CatalogLoaders {
  static final String PRODUCTS = "products";
  static final String DOMAINS = "domains";
  static final String DATASETS = "datasets";
  static final String DATASET_LINKS = "datasetLinks";
  static final String JOBS = "jobs";
  static final String RUNS = "runs";
  static final String POLICIES = "policies";
  static final String PHYSICAL = "physical";

  private final CatalogReads reads;

  public CatalogLoaders(CatalogReads reads) {
    this.reads = reads;
  }

  /** A fresh registry for one request. */
  DataLoaderRegistry registry() {
    DataLoaderRegistry registry = new DataLoaderRegistry();
    registry.register(PRODUCTS, mapped(reads::products));
    registry.register(DOMAINS, mapped((Set<String> names) -> reads.domains(names)));
    registry.register(DATASETS, mapped(reads::datasets));
    registry.register(DATASET_LINKS, mapped(reads::datasetLinks));
    registry.register(JOBS, mapped(reads::jobs));
    registry.register(RUNS, mapped(reads::runs));
    registry.register(POLICIES, mapped(reads::policies));
    registry.register(PHYSICAL, mapped(reads::physical));
    return registry;
  }

  static CompletableFuture<Product> product(DataFetchingEnvironment env, ProductKey key) {
    return env.<ProductKey, Product>getDataLoader(PRODUCTS).load(key);
  }

  static CompletableFuture<Domain> domain(DataFetchingEnvironment env, String name) {
    return env.<String, Domain>getDataLoader(DOMAINS).load(name);
  }

  static CompletableFuture<CatalogDataset> dataset(DataFetchingEnvironment env, String iri) {
    return env.<String, CatalogDataset>getDataLoader(DATASETS).load(iri);
  }

  static CompletableFuture<DatasetLinks> links(DataFetchingEnvironment env, String iri) {
    return env.<String, DatasetLinks>getDataLoader(DATASET_LINKS)
        .load(iri)
        .thenApply(l -> l == null ? DatasetLinks.NONE : l);
  }

  static CompletableFuture<JobNode> job(DataFetchingEnvironment env, String iri) {
    return env.<String, JobNode>getDataLoader(JOBS).load(iri);
  }

  static CompletableFuture<RunNode> run(DataFetchingEnvironment env, String iri) {
    return env.<String, RunNode>getDataLoader(RUNS).load(iri);
  }

  static CompletableFuture<Boolean> physical(DataFetchingEnvironment env, String iri) {
    return env.<String, Boolean>getDataLoader(PHYSICAL)
        .load(iri)
        .thenApply(p -> Boolean.TRUE.equals(p));
  }

  static CompletableFuture<List<AppliedPolicyView>> policies(
      DataFetchingEnvironment env, ProductKey key) {
    return env.<ProductKey, List<AppliedPolicyView>>getDataLoader(POLICIES)
        .load(key)
        .thenApply(p -> p == null ? List.of() : p);
  }

  private static <K, V> DataLoader<K, V> mapped(Function<Set<K>, Map<K, V>> batch) {
    return DataLoaderFactory.newMappedDataLoader(
        (Set<K> keys) -> CompletableFuture.completedFuture(batch.apply(keys)));
  }
}
