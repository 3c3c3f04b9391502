package io.tessera.graphstore;

import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way products are listed and read by key, for every API: the {@link ProductIndex} of keys
 * in {@code domain/name} order (with the lifecycle and planned/physical facts listings filter on)
 * and the {@link ProductCache} of products as last read. Both follow the change feed, so the model
 * is subscribed to the store by whoever wires it.
 *
 * <p>A reader takes a {@link #stamp()} before it opens its read transaction and passes it back with
 * what it reads inside it; a change announced before the stamp was taken is then always seen.
 */
public final class ProductReadModel implements ChangeListener {
  private final GraphStore store;
  private final ProductRepository products;
  private final ProductCache cache;
  private final ProductIndex index;

  /**
   * @param cacheSize how many products are kept in memory between requests
   */
  public ProductReadModel(
      GraphStore store, ProductRepository products, IriMinter iris, int cacheSize) {
    this.store = store;
    this.products = products;
    this.cache = new ProductCache(iris.base() + "/product/", cacheSize);
    this.index =
        new ProductIndex(
            iris.base() + "/product/",
            key -> {
              ProductKey k = ProductKey.parse(key);
              return iris.product(k.domain(), k.name());
            },
            iris.productGraphPrefix());
  }

  /** What the cache and the index had seen of the change feed when it was taken. */
  public record Stamp(long cache, long index) {}

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    cache.onCommit(changes);
    index.onCommit(changes);
  }

  /** The current {@link Stamp}; take it before opening the read transaction it is used in. */
  public Stamp stamp() {
    return new Stamp(cache.generation(), index.generation());
  }

  /**
   * Keys ({@code domain/name}) of the products matching the filter whose graph the scope allows,
   * forwards after {@code filter.after()} or backwards before it, inside the caller's read
   * transaction.
   */
  public List<String> keys(
      GraphReader r, Stamp stamp, ProductFilter filter, boolean backwards, VisibilityScope scope) {
    return index.keys(r, stamp.index(), filter, backwards, scope);
  }

  /** A product inside the caller's read transaction: the cached one, else read and kept. */
  public Product product(GraphReader r, ProductKey key, Stamp stamp) {
    Product kept = cache.get(key);
    if (kept != null) {
      return kept;
    }
    Product read = products.find(r, key.domain(), key.name()).orElse(null);
    if (read != null) {
      cache.put(key, read, stamp.cache());
    }
    return read;
  }

  /** A product by key: the cached one, else read in its own transaction and kept. */
  public Optional<Product> find(ProductKey key) {
    Product kept = cache.get(key);
    if (kept != null) {
      return Optional.of(kept);
    }
    Stamp stamp = stamp();
    return Optional.ofNullable(store.read(r -> product(r, key, stamp)));
  }

  /** A product kept by the cache, or null (no store read). */
  public Product cached(ProductKey key) {
    return cache.get(key);
  }

  /**
   * A page of products in key order whose graph the scope allows, read in one transaction: what the
   * index lists, each product from the cache or the store.
   */
  public List<Product> page(ProductFilter filter, VisibilityScope scope) {
    Stamp stamp = stamp();
    return store.read(
        r -> {
          List<Product> page = new ArrayList<>();
          for (String key : keys(r, stamp, filter, false, scope)) {
            Product p = product(r, ProductKey.parse(key), stamp);
            if (p != null) {
              page.add(p);
            }
          }
          return page;
        });
  }
}
