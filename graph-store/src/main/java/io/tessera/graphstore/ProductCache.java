package io.tessera.graphstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data products as last read from the store, kept between GraphQL requests until the change feed
 * reports a change of that product (or of the whole store). Reading a product means copying its two
 * named graphs and mapping some 150 triples; a page of 50 products costs far more that way than the
 * page itself, so pages and product lookups read only the products that are not here.
 *
 * <p>Never stale: the store announces a commit's changes before its write returns, and a reader
 * takes the {@link #generation()} before it opens its read transaction and hands it back with what
 * it read. Every announced product change moves the generation on (under the same lock as {@link
 * #put}), so a product read before a change is either evicted by it or refused after it. Products
 * are immutable records, so one instance is safely shared by concurrent requests; what a caller may
 * see of it is still decided per request, by the caller.
 *
 * <p>Bounded: at most {@code maxEntries} products, least recently used first out.
 */
final class ProductCache implements ChangeListener {
  private final String productPrefix;
  private final int maxEntries;
  private final Map<ProductKey, Product> entries;
  private long generation;

  ProductCache(String productPrefix, int maxEntries) {
    this.productPrefix = productPrefix;
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ProductKey, Product> eldest) {
            return size() > ProductCache.this.maxEntries;
          }
        };
  }

  /** Take this before opening the read transaction whose products are then {@link #put}. */
  synchronized long generation() {
    return generation;
  }

  /** The product as last read, or null when it is not kept. */
  synchronized Product get(ProductKey key) {
    return entries.get(key);
  }

  /**
   * Keeps a product read in a transaction opened after {@code readGeneration} was taken, unless a
   * product changed since then.
   */
  synchronized void put(ProductKey key, Product product, long readGeneration) {
    if (maxEntries > 0 && readGeneration == generation) {
      entries.put(key, product);
    }
  }

  /** How many products are kept now. */
  synchronized int size() {
    return entries.size();
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    boolean all = false;
    List<ProductKey> changed = new ArrayList<>();
    for (ChangeEvent change : changes) {
      switch (change.kind()) {
        case DATA_PRODUCT -> {
          if (change.entityIri().startsWith(productPrefix)) {
            changed.add(ProductKey.parse(change.entityIri().substring(productPrefix.length())));
          } else {
            all = true;
          }
        }
        case STORE -> all = true;
        default -> {}
      }
    }
    if (!all && changed.isEmpty()) {
      return;
    }
    synchronized (this) {
      generation++;
      if (all) {
        entries.clear();
      } else {
        changed.forEach(entries::remove);
      }
    }
  }
}
