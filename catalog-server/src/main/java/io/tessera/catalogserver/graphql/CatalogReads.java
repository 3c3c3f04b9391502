package io.tessera.catalogserver.graphql;

import io.tessera.catalogserver.api.AppliedPolicyView;
import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.DatasetLinks;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.LineageAssembler;
import io.tessera.graphstore.ObservedJob;
import io.tessera.graphstore.ObservedRun;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.graphstore.ProductReadModel.Stamp;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Every graph read the GraphQL resolvers make, each a batch answered from one store read
 * transaction, whatever the number of keys. Counts the store reads it makes so that the bound on
 * reads per query can be observed (see {@link #storeReads()}).
 */
@Singleton
public class CatalogReads {
  private final GraphStore store;
  private final ProductRepository products;
  private final DomainRepository domains;
  private final CatalogEntities entities;
  private final LineageAssembler lineage;
  private final IriMinter iris;
  private final AtomicLong reads = new AtomicLong();
  private final ProductReadModel model;
  private final PolicyEvaluator policies;

  public CatalogReads(
      GraphStore store,
      ProductRepository products,
      DomainRepository domains,
      IriMinter iris,
      ProductReadModel model,
      PolicyEvaluator policies) {
    this.store = store;
    this.policies = policies;
    this.products = products;
    this.domains = domains;
    this.entities = new CatalogEntities(store, iris);
    this.lineage = new LineageAssembler(iris);
    this.iris = iris;
    this.model = model;
  }

  /**
   * What the product read model had seen of the change feed; take it before opening a read
   * transaction whose products and keys go through {@link #product} and {@link #keys}.
   */
  Stamp stamp() {
    return model.stamp();
  }

  /**
   * Keys of the products matching the filter whose graph the scope allows, from the product index
   * (see {@link ProductReadModel}), inside the caller's read transaction.
   */
  List<String> keys(
      GraphReader r, Stamp stamp, ProductFilter filter, boolean backwards, VisibilityScope scope) {
    return model.keys(r, stamp, filter, backwards, scope);
  }

  /** How many store reads (read transactions) GraphQL resolvers have made since start-up. */
  public long storeReads() {
    return reads.get();
  }

  /** Runs work in one counted read transaction. */
  <T> T read(Function<GraphReader, T> work) {
    reads.incrementAndGet();
    return store.read(work);
  }

  /** Runs a read of another component (one store read) and counts it. */
  <T> T call(java.util.function.Supplier<T> work) {
    reads.incrementAndGet();
    return work.get();
  }

  /**
   * Products by key; unknown keys are absent from the map. Products kept by the product cache cost
   * no store read; the others are read in one.
   */
  Map<ProductKey, Product> products(Collection<ProductKey> keys) {
    Map<ProductKey, Product> found = new HashMap<>();
    List<ProductKey> missing = new ArrayList<>();
    for (ProductKey key : keys) {
      Product kept = model.cached(key);
      if (kept != null) {
        found.put(key, kept);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      Stamp stamp = stamp();
      read(
          r -> {
            for (ProductKey key : missing) {
              Product p = product(r, key, stamp);
              if (p != null) {
                found.put(key, p);
              }
            }
            return null;
          });
    }
    return found;
  }

  /**
   * A product inside the caller's read transaction: the cached one, else read and kept.
   *
   * @param stamp the {@link #stamp()} taken before the transaction was opened
   */
  Product product(GraphReader r, ProductKey key, Stamp stamp) {
    return model.product(r, key, stamp);
  }

  /**
   * The policies that apply to each product, from the policy evaluator's compiled policies (which
   * read the store only when policies or products changed); counted as one read per batch.
   */
  Map<ProductKey, List<AppliedPolicyView>> policies(Collection<ProductKey> keys) {
    Map<String, ProductKey> byKey = new LinkedHashMap<>();
    keys.forEach(k -> byKey.put(k.domain() + "/" + k.name(), k));
    Map<String, List<AppliedPolicy>> applying = call(() -> policies.applying(byKey.keySet()));
    Map<ProductKey, List<AppliedPolicyView>> found = new HashMap<>();
    applying.forEach(
        (key, list) ->
            found.put(
                byKey.get(key),
                list.stream()
                    .map(
                        a ->
                            AppliedPolicyView.of(
                                a, iris.policy(a.policy().domain(), a.policy().name())))
                    .toList()));
    return found;
  }

  /** Domains by name; unknown names are absent. */
  Map<String, Domain> domains(Collection<String> names) {
    reads.incrementAndGet();
    return domains.find(names);
  }

  /** Every domain by name. */
  Map<String, Domain> domains() {
    reads.incrementAndGet();
    Map<String, Domain> byName = new LinkedHashMap<>();
    domains.list().forEach(d -> byName.put(d.name(), d));
    return byName;
  }

  /** Datasets by IRI; unknown IRIs are absent. */
  Map<String, CatalogDataset> datasets(Collection<String> datasetIris) {
    reads.incrementAndGet();
    Map<String, CatalogDataset> found = new HashMap<>();
    entities.datasets(datasetIris).forEach(d -> found.put(d.iri(), d));
    return found;
  }

  /**
   * Whether each dataset has been observed, without reading the rest of it; unknown IRIs absent.
   */
  Map<String, Boolean> physical(Collection<String> datasetIris) {
    reads.incrementAndGet();
    return entities.physical(datasetIris);
  }

  /** Jobs, schema versions and quality around datasets, by dataset IRI. */
  Map<String, DatasetLinks> datasetLinks(Collection<String> datasetIris) {
    return read(
        r -> {
          Map<String, DatasetLinks> found = new HashMap<>();
          for (String datasetIri : datasetIris) {
            found.put(datasetIri, lineage.datasetLinks(r, datasetIri));
          }
          return found;
        });
  }

  /** Jobs by IRI; unknown IRIs are absent. */
  Map<String, JobNode> jobs(Collection<String> jobIris) {
    return read(
        r -> {
          Map<String, JobNode> found = new HashMap<>();
          for (String jobIri : jobIris) {
            ObservedJob job = lineage.job(r, jobIri);
            if (job != null) {
              found.put(jobIri, JobNode.of(job));
            }
          }
          return found;
        });
  }

  /** Runs by IRI; unknown IRIs are absent. */
  Map<String, RunNode> runs(Collection<String> runIris) {
    return read(
        r -> {
          Map<String, RunNode> found = new HashMap<>();
          for (String runIri : runIris) {
            ObservedRun run = lineage.run(r, runIri);
            if (run != null) {
              found.put(runIri, RunNode.of(run));
            }
          }
          return found;
        });
  }
}
