package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TesseraOntology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facts policies look at, read with one query from a real TDB2 store. */
class ProductFactsTest {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final DatasetRef PROMISED = new DatasetRef("postgres://db:5432", "sales.orders");
  private static final DatasetRef BOUND = new DatasetRef("s3://lake", "sales/orders_v2");
  private static final DatasetRef READ = new DatasetRef("kafka://bus", "clicks");

  private GraphStore store;

  @BeforeEach
  void openStore() {
    store =
        new TdbGraphStore(
            new GraphStoreConfig(null, Duration.ofSeconds(30), IRIS.vocabularyGraph()),
            new TesseraOntology());
    ProductRepository products = new ProductRepository(store, IRIS);
    store.write(
        w -> {
          new DomainRepository(store, IRIS)
              .put(w, new Domain("sales", "Sales", null, "mailto:sales@x.example", null, 1));
          products.put(
              w,
              product(
                  "orders",
                  Lifecycle.values()[2],
                  List.of("pii", "confidential"),
                  List.of("gold", "finance"),
                  new Port(
                      "orders-table",
                      PortType.TABLE,
                      null,
                      PROMISED,
                      null,
                      List.of(new FieldDef("email", "string", false, null, List.of("pii"))),
                      new PortBinding(
                          BOUND, Instant.parse("2026-11-20T10:00:00Z"), IRIS.run("r1")))));
          products.put(w, product("bare", Lifecycle.values()[0], List.of(), List.of(), null));
        });
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  @Test
  void shouldReadClassificationsTagsLifecycleAndTheGraphsOfPromisedAndBoundDatasets() {
    Map<String, ProductFacts> all = store.read(r -> ProductFacts.read(r, IRIS, null));

    assertThat(all).containsOnlyKeys("sales/orders", "sales/bare");
    ProductFacts orders = all.get("sales/orders");
    assertThat(orders.domain()).isEqualTo("sales");
    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.classifications()).containsExactlyInAnyOrder("pii", "confidential");
    assertThat(orders.tags()).containsExactlyInAnyOrder("gold", "finance");
    assertThat(orders.lifecycle()).isEqualTo(Lifecycle.values()[2].slug());
    assertThat(orders.graphs())
        .containsExactlyInAnyOrder(
            IRIS.productGraph("sales", "orders"),
            IRIS.datasetGraph(PROMISED.namespace(), PROMISED.name()),
            IRIS.datasetGraph(BOUND.namespace(), BOUND.name()));
    assertThat(orders.graphs()).doesNotContain(IRIS.datasetGraph(READ.namespace(), READ.name()));

    ProductFacts bare = all.get("sales/bare");
    assertThat(bare.classifications()).isEmpty();
    assertThat(bare.tags()).isEmpty();
    assertThat(bare.graphs()).containsExactly(IRIS.productGraph("sales", "bare"));
    assertThat(bare.lifecycle()).isEqualTo(Lifecycle.values()[0].slug());
  }

  @Test
  void shouldReadOneProductWhenItsIriIsGiven() {
    Map<String, ProductFacts> one =
        store.read(r -> ProductFacts.read(r, IRIS, IRIS.product("sales", "orders")));
    assertThat(one).containsOnlyKeys("sales/orders");
    assertThat(one.get("sales/orders").values(Operand.PRODUCT_TAG))
        .isEqualTo(Set.of("gold", "finance"));
    Map<String, ProductFacts> gone =
        store.read(r -> ProductFacts.read(r, IRIS, IRIS.product("sales", "gone")));
    assertThat(gone).isEmpty();
  }

  private static Product product(
      String name, Lifecycle lifecycle, List<String> classes, List<String> tags, Port output) {
    Port input = new Port("clicks-in", PortType.TABLE, null, READ, null, List.of(), null);
    return new Product(
        "sales",
        name,
        "Title " + name,
        null,
        null,
        "mailto:owner@x.example",
        lifecycle,
        classes,
        tags,
        output == null ? List.of() : List.of(output),
        List.of(input),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }
}
