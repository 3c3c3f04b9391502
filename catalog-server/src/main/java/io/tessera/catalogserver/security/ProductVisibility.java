package io.tessera.catalogserver.security;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/**
 * The one rule every route about a product starts with: a product the caller may not discover
 * answers exactly like one that does not exist ({@code 404}, "no data product d/n"), and so do
 * names that cannot be a product's.
 */
@Singleton
public class ProductVisibility {
  private final IriMinter iris;
  private final ProductReadModel products;

  public ProductVisibility(IriMinter iris, ProductReadModel products) {
    this.iris = iris;
    this.products = products;
  }

  /** Fails like a missing product unless the names are slugs and the caller may discover it. */
  public void require(String domain, String name, AccessScope scope) {
    requireNames(domain, name);
    if (!scope.mayDiscover(iris.productGraph(domain, name))) {
      throw notFound(domain, name);
    }
  }

  /** The product, when it exists and the caller may discover it; otherwise fails like missing. */
  public Product find(String domain, String name, AccessScope scope) {
    require(domain, name, scope);
    return products.find(new ProductKey(domain, name)).orElseThrow(() -> notFound(domain, name));
  }

  /** Fails like a missing product unless both names are slugs. */
  public static void requireNames(String domain, String name) {
    if (!IriMinter.isSlug(domain) || !IriMinter.isSlug(name)) {
      throw notFound(domain, name);
    }
  }

  /** The answer for a product that does not exist, or that the caller may not discover. */
  public static ProblemException notFound(String domain, String name) {
    return new ProblemException(ProblemType.NOT_FOUND, "no data product " + domain + "/" + name);
  }
}
