package io.tessera.catalogserver.graphql;

import io.tessera.governance.AccessScope;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductKey;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/**
 * Applies the caller's {@link AccessScope} to what the GraphQL resolvers return: objects the caller
 * may not discover become null (and are left out of lists); details of objects the caller may
 * discover but not read are withheld by the nodes built here.
 */
@Singleton
public class Visibility {
  private final IriMinter iris;

  public Visibility(IriMinter iris) {
    this.iris = iris;
  }

  ProductNode product(AccessScope scope, Product product) {
    if (product == null) {
      return null;
    }
    String graph = iris.productGraph(product.domain(), product.name());
    if (!scope.mayDiscover(graph)) {
      return null;
    }
    return new ProductNode(
        product, iris.product(product.domain(), product.name()), scope.mayRead(graph));
  }

  boolean mayDiscoverProduct(AccessScope scope, ProductKey key) {
    return scope.mayDiscover(iris.productGraph(key.domain(), key.name()));
  }

  DomainNode domain(AccessScope scope, Domain domain) {
    if (domain == null || !scope.mayDiscover(iris.domainGraph(domain.name()))) {
      return null;
    }
    return new DomainNode(domain, iris.domain(domain.name()));
  }

  DatasetNode dataset(AccessScope scope, CatalogDataset dataset) {
    if (dataset == null
        || !scope.discover().allowsAll(dataset.contentGraphs())
        || !scope.discover().allowsAny(dataset.mentionGraphs())) {
      return null;
    }
    boolean readable =
        scope.read().allowsAll(dataset.contentGraphs())
            && scope.mayRead(iris.datasetGraph(dataset.ref().namespace(), dataset.ref().name()));
    return new DatasetNode(dataset, readable);
  }

  JobNode job(AccessScope scope, JobNode job) {
    return job == null || !scope.mayDiscover(iris.jobGraph(job.namespace(), job.name()))
        ? null
        : job;
  }

  RunNode run(AccessScope scope, RunNode run) {
    // a run's graph sits under its job's graph: whatever hides the job hides its runs
    return run == null || !scope.mayDiscover(iris.jobGraphOf(run.jobIri())) ? null : run;
  }

  String datasetIri(String namespace, String name) {
    return iris.dataset(namespace, name);
  }

  String jobIri(String namespace, String name) {
    return iris.job(namespace, name);
  }

  String runIri(String runId) {
    return iris.run(runId);
  }
}
