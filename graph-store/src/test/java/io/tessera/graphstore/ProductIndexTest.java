package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TesseraOntology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product index and the product cache against the graph they stand in for: the index lists
 * exactly the keys {@link ProductRepository#keys} lists, for every filter and both directions, and
 * keeps doing so across creates, changes and deletes; the cache never keeps what a change made old.
 */
class ProductIndexTest {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String PREFIX = IRIS.base() + "/product/";

  private GraphStore store;
  private ProductRepository products;
  private ProductIndex index;

  @BeforeEach
  void storeWithProducts() {
    store =
        new TdbGraphStore(
            new GraphStoreConfig(null, Duration.ofSeconds(30), IRIS.vocabularyGraph()),
            new TesseraOntology());
    products = new ProductRepository(store, IRIS);
    DomainRepository domains = new DomainRepository(store, IRIS);
    store.write(
        w -> {
          for (String d : List.of("a", "b", "b-2", "c")) {
            domains.put(w, new Domain(d, "Domain " + d, null, "mailto:d@x.example", null, 1));
          }
        });
    index =
        new ProductIndex(
            PREFIX,
            key -> {
              ProductKey k = ProductKey.parse(key);
              return IRIS.product(k.domain(), k.name());
            },
            IRIS.productGraphPrefix());
    store.subscribe(index);
    store.write(
        w -> {
          int i = 0;
          for (String d : List.of("a", "b", "b-2", "c")) {
            for (int n = 0; n < 7; n++, i++) {
              products.put(
                  w, product(d, "p" + n, i % 3 == 0 ? Lifecycle.DESIGN : Lifecycle.CONSUME));
              if (i % 2 == 0) {
                bind(w, d, "p" + n);
              }
            }
          }
        });
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void shouldListTheSameKeysAsTheGraphForEveryFilterAndDirection() {
    assertSameKeysAsTheGraph();
  }

  @Test
  void shouldFollowCreatesChangesAndDeletes() {
    assertSameKeysAsTheGraph();
    store.write(w -> products.put(w, product("b", "new", Lifecycle.BUILD)));
    store.write(w -> products.put(w, product("a", "p1", Lifecycle.DEPRECATED)));
    store.write(w -> products.remove(w, "c", "p3"));
    assertSameKeysAsTheGraph();
    assertThat(keys(new ProductFilter("b", Lifecycle.BUILD, null, null, 100), false))
        .containsExactly("b/new");
    assertThat(keys(new ProductFilter("c", null, null, null, 100), false)).doesNotContain("c/p3");
    // a port bound by lineage turns a planned product physical
    store.write(w -> bind(w, "b", "new"));
    assertThat(keys(new ProductFilter("b", null, true, null, 100), false)).contains("b/new");
    assertSameKeysAsTheGraph();
  }

  @Test
  void shouldNotMissAChangeAnnouncedAfterTheReaderTookItsGeneration() {
    long generation = index.generation();
    store.read(r -> index.keys(r, generation, new ProductFilter(null, null, null, null, 1), false));
    // a reader whose generation predates the change may not see it, but must not forget it
    long stale = index.generation();
    store.write(w -> products.put(w, product("a", "late", Lifecycle.BUILD)));
    store.read(r -> index.keys(r, stale, new ProductFilter(null, null, null, null, 1), false));
    assertThat(keys(new ProductFilter("a", Lifecycle.BUILD, null, null, 100), false))
        .containsExactly("a/late");
  }

  @Test
  void shouldNeverKeepAProductReadBeforeAChange() {
    ProductCache cache = new ProductCache(PREFIX, 10);
    store.subscribe(cache);
    ProductKey key = new ProductKey("a", "p0");
    long before = cache.generation();
    Product old = products.find("a", "p0").orElseThrow();
    store.write(w -> products.put(w, product("a", "p0", Lifecycle.RETIRED)));
    cache.put(key, old, before); // read before the change, put after it: refused
    assertThat(cache.get(key)).isNull();

    long now = cache.generation();
    Product current = products.find("a", "p0").orElseThrow();
    cache.put(key, current, now);
    assertThat(cache.get(key)).isSameAs(current);
    store.write(w -> products.put(w, product("a", "p0", Lifecycle.CONSUME)));
    assertThat(cache.get(key)).isNull(); // the change evicted it
    cache.put(new ProductKey("a", "p1"), current, cache.generation());
    assertThat(cache.size()).isEqualTo(1);
  }

  private void assertSameKeysAsTheGraph() {
    List<ProductFilter> filters = new ArrayList<>();
    for (String domain : new String[] {null, "a", "b", "b-2", "c", "none"}) {
      for (Lifecycle lifecycle : new Lifecycle[] {null, Lifecycle.DESIGN, Lifecycle.CONSUME}) {
        for (Boolean physical : new Boolean[] {null, true, false}) {
          for (String cursor : new String[] {null, "b/p3", "a", "zzz"}) {
            for (int limit : new int[] {1, 3, 100}) {
              filters.add(new ProductFilter(domain, lifecycle, physical, cursor, limit));
            }
          }
        }
      }
    }
    String graphs = IRIS.productGraphPrefix();
    List<VisibilityScope> scopes =
        List.of(
            VisibilityScope.allGraphsExcept(Set.of(graphs + "a/p1", graphs + "b/p3", graphs + "c")),
            VisibilityScope.onlyGraphs(Set.of(graphs + "b", graphs + "a/p2")),
            VisibilityScope.onlyGraphs(Set.of()));
    for (ProductFilter filter : filters) {
      for (boolean backwards : new boolean[] {false, true}) {
        List<String> expected = store.read(r -> products.keys(r, filter, backwards));
        assertThat(keys(filter, backwards))
            .as("%s backwards=%s", filter, backwards)
            .isEqualTo(expected);
        ProductFilter unlimited =
            new ProductFilter(
                filter.domain(), filter.lifecycle(), filter.physical(), filter.after(), 10_000);
        List<String> all = store.read(r -> products.keys(r, unlimited, backwards));
        for (VisibilityScope scope : scopes) {
          long generation = index.generation();
          List<String> scoped =
              store.read(r -> index.keys(r, generation, filter, backwards, scope));
          assertThat(scoped)
              .as("%s backwards=%s %s", filter, backwards, scope.graphs())
              .isEqualTo(
                  all.stream()
                      .filter(key -> scope.allows(graphs + key))
                      .limit(filter.limit())
                      .toList());
        }
      }
    }
  }

  private List<String> keys(ProductFilter filter, boolean backwards) {
    long generation = index.generation();
    return store.read(r -> index.keys(r, generation, filter, backwards));
  }

  private void bind(GraphWriter w, String domain, String name) {
    products.bind(
        w,
        new ProductRepository.PortKey(domain, name, "out"),
        new PortBinding(
            new DatasetRef("postgres://db:5432", domain + "." + name),
            Instant.parse("2026-11-02T00:00:00Z"),
            "urn:run:" + domain + "-" + name));
  }

  private static Product product(String domain, String name, Lifecycle lifecycle) {
    DatasetRef dataset = new DatasetRef("postgres://db:5432", domain + "." + name);
    return new Product(
        domain,
        name,
        "Product " + name,
        null,
        null,
        "mailto:team@x.example",
        lifecycle,
        List.of(),
        List.of(),
        List.of(new Port("out", PortType.TABLE, null, dataset, null, List.of(), null)),
        List.of(),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }
}
