package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductRepositoryTest {
  static final IriMinter IRIS = new IriMinter("https://catalog.example");
  static final DatasetRef ORDERS =
      new DatasetRef("postgres://warehouse:5432", "sales.public.orders");
  static final String RUN = "https://catalog.example/run/6f1b0b6e-8a9e-4c4e-9a42-1d8d1f0b7c11";

  private GraphStore store;
  private ProductRepository products;
  private DomainRepository domains;

  @BeforeEach
  void open() {
    store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), TdbGraphStoreTest.ONTOLOGY);
    products = new ProductRepository(store, IRIS);
    domains = new DomainRepository(store, IRIS);
    store.write(
        w -> {
          domains.put(
              w,
              new Domain("sales", "Sales", "Selling things", "mailto:sales@example.com", null, 1));
          domains.put(
              w, new Domain("finance", "Finance", null, "mailto:fin@example.com", "sales", 1));
        });
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Product orders(Lifecycle lifecycle, DatasetRef dataset) {
    return new Product(
        "sales",
        "orders",
        "Orders",
        "Every confirmed order line.",
        "Revenue reporting",
        "mailto:sales@example.com",
        lifecycle,
        List.of("pii"),
        List.of("orders", "revenue"),
        List.of(
            new Port(
                "orders-table",
                PortType.TABLE,
                "The orders table",
                dataset,
                null,
                List.of(
                    new FieldDef("order_id", "string", true, "Order key", List.of()),
                    new FieldDef("email", "string", false, null, List.of("pii"))),
                null),
            new Port(
                "orders-stream",
                PortType.TOPIC,
                null,
                new DatasetRef("kafka://broker:9092", "orders"),
                "c-1",
                List.of(),
                null)),
        List.of(
            new Port(
                "checkout",
                PortType.TOPIC,
                null,
                new DatasetRef("kafka://broker:9092", "checkout.events"),
                null,
                List.of(),
                null)),
        List.of(new DatasetRef("s3://legacy", "exports/orders")),
        null,
        "tessera/v1",
        1,
        null);
  }

  @Test
  void shouldFindDomainsByNameAsTheListingHasThem() {
    Map<String, Domain> listed = new java.util.HashMap<>();
    domains.list().forEach(d -> listed.put(d.name(), d));

    assertThat(domains.find(List.of("finance", "nowhere", "Not A Name", "sales")))
        .containsExactly(
            Map.entry("finance", listed.get("finance")), Map.entry("sales", listed.get("sales")));
    assertThat(domains.find("finance")).contains(listed.get("finance"));
    assertThat(listed.get("finance").parent()).isEqualTo("sales");
    assertThat(domains.find("nowhere")).isEmpty();
    assertThat(domains.find("Not A Name")).isEmpty();
  }

  @Test
  void shouldReadBackWhatWasWritten() {
    Product written = orders(Lifecycle.BUILD, ORDERS);
    store.write(w -> products.put(w, written));

    assertThat(products.find("sales", "orders")).contains(written);
    assertThat(domains.list()).extracting(Domain::name).containsExactly("finance", "sales");
    assertThat(domains.find("finance").orElseThrow().parent()).isEqualTo("sales");
  }

  @Test
  void shouldReadBackHowConsumersReachEachPort() {
    Product plain = orders(Lifecycle.BUILD, ORDERS);
    PortAccess byHost =
        new PortAccess("postgres", null, "warehouse", 5432, "sales", null, null, null, null);
    PortAccess byUrl =
        new PortAccess(
            "kafka",
            "kafka://broker:9092",
            null,
            null,
            null,
            "avro",
            "orders",
            null,
            "https://docs.example.com/orders");
    List<Port> ports =
        List.of(
            withAccess(plain.outputPorts().get(0), byHost),
            withAccess(plain.outputPorts().get(1), byUrl));
    Product written =
        new Product(
            plain.domain(),
            plain.name(),
            plain.title(),
            plain.description(),
            plain.purpose(),
            plain.owner(),
            plain.lifecycle(),
            plain.classification(),
            plain.tags(),
            ports,
            plain.inputPorts(),
            plain.groups(),
            plain.identifier(),
            plain.sourceFormat(),
            plain.revision(),
            null);
    store.write(w -> products.put(w, written));

    assertThat(products.find("sales", "orders")).contains(written);
    var graph = products.graph("sales", "orders").orElseThrow();
    var port =
        org.apache.jena.graph.NodeFactory.createURI(IRIS.port("sales", "orders", "orders-table"));
    assertThat(
            graph.contains(
                port,
                org.apache.jena.vocabulary.DCAT.endpointURL.asNode(),
                org.apache.jena.graph.NodeFactory.createURI("postgres://warehouse:5432/sales")))
        .isTrue();
  }

  private static Port withAccess(Port port, PortAccess access) {
    return new Port(
        port.name(),
        port.type(),
        port.description(),
        port.dataset(),
        port.contract(),
        port.schema(),
        port.binding(),
        port.slo(),
        access);
  }

  @Test
  void shouldTurnPhysicalWhenAPromisedDatasetIsObserved() {
    store.write(w -> products.put(w, orders(Lifecycle.BUILD, ORDERS)));
    List<ChangeEvent> seen = new ArrayList<>();
    store.subscribe(seen::addAll);
    Instant observedAt = Instant.parse("2026-03-01T10:15:30Z");

    List<ProductRepository.PortKey> bound = products.bindObservedDataset(ORDERS, observedAt, RUN);

    assertThat(bound)
        .containsExactly(new ProductRepository.PortKey("sales", "orders", "orders-table"));
    Product product = products.find("sales", "orders").orElseThrow();
    assertThat(product.physical()).isTrue();
    assertThat(product.physicalSince()).isEqualTo(observedAt);
    assertThat(product.outputPorts().getFirst().binding())
        .isEqualTo(new PortBinding(ORDERS, observedAt, RUN));
    assertThat(product.outputPorts().get(1).binding()).isNull();
    assertThat(seen)
        .extracting(ChangeEvent::entityIri)
        .containsExactly(IRIS.product("sales", "orders"));
  }

  @Test
  void shouldKeepTheFirstBindingWhenTheDatasetIsObservedAgain() {
    store.write(w -> products.put(w, orders(Lifecycle.BUILD, ORDERS)));
    Instant first = Instant.parse("2026-03-01T10:15:30Z");
    products.bindObservedDataset(ORDERS, first, RUN);

    assertThat(products.bindObservedDataset(ORDERS, first.plusSeconds(60), RUN + "-later"))
        .isEmpty();
    assertThat(products.find("sales", "orders").orElseThrow().physicalSince()).isEqualTo(first);
  }

  @Test
  void shouldKeepBindingOnReapplyButDropItWhenThePortPromisesAnotherDataset() {
    store.write(w -> products.put(w, orders(Lifecycle.BUILD, ORDERS)));
    Instant observedAt = Instant.parse("2026-03-01T10:15:30Z");
    products.bindObservedDataset(ORDERS, observedAt, RUN);

    store.write(w -> products.put(w, orders(Lifecycle.CONSUME, ORDERS)));
    assertThat(products.find("sales", "orders").orElseThrow().physicalSince())
        .isEqualTo(observedAt);

    store.write(
        w ->
            products.put(
                w,
                orders(
                    Lifecycle.CONSUME,
                    new DatasetRef("postgres://warehouse:5432", "sales.public.orders_v2"))));
    Product moved = products.find("sales", "orders").orElseThrow();
    assertThat(moved.physical()).isFalse();
    assertThat(moved.outputPorts()).allSatisfy(p -> assertThat(p.binding()).isNull());
  }

  @Test
  void shouldRefuseToBindAPortThatDoesNotExist() {
    store.write(w -> products.put(w, orders(Lifecycle.BUILD, ORDERS)));

    assertThatThrownBy(
            () ->
                store.write(
                    w ->
                        products.bind(
                            w,
                            new ProductRepository.PortKey("sales", "orders", "nope"),
                            new PortBinding(ORDERS, Instant.now(), RUN))))
        .isInstanceOf(EntityNotFoundException.class);
  }

  @Test
  void shouldListWithFiltersAndKeysetPaging() {
    store.write(
        w -> {
          products.put(w, orders(Lifecycle.BUILD, ORDERS));
          for (String name : List.of("alpha", "beta", "gamma")) {
            Product p = orders(Lifecycle.DESIGN, new DatasetRef("pg://x", name));
            products.put(
                w,
                new Product(
                    "finance",
                    name,
                    name,
                    null,
                    null,
                    p.owner(),
                    Lifecycle.IDEATION,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    1,
                    null));
          }
        });
    products.bindObservedDataset(ORDERS, Instant.parse("2026-03-01T10:15:30Z"), RUN);

    assertThat(products.list(new ProductFilter(null, null, null, null, 10)))
        .extracting(p -> p.domain() + "/" + p.name())
        .containsExactly("finance/alpha", "finance/beta", "finance/gamma", "sales/orders");
    assertThat(products.list(new ProductFilter("finance", null, null, "finance/alpha", 1)))
        .extracting(ProductSummary::name)
        .containsExactly("beta");
    assertThat(products.list(new ProductFilter(null, Lifecycle.BUILD, null, null, 10)))
        .extracting(ProductSummary::name)
        .containsExactly("orders");
    assertThat(products.list(new ProductFilter(null, null, true, null, 10)))
        .extracting(ProductSummary::name)
        .containsExactly("orders");
    assertThat(products.list(new ProductFilter(null, null, false, null, 10))).hasSize(3);
  }

  @Test
  void shouldRemoveBothGraphsOfAProduct() {
    store.write(w -> products.put(w, orders(Lifecycle.BUILD, ORDERS)));
    products.bindObservedDataset(ORDERS, Instant.parse("2026-03-01T10:15:30Z"), RUN);

    store.write(w -> products.remove(w, "sales", "orders"));

    assertThat(products.find("sales", "orders")).isEmpty();
    boolean observed = store.read(r -> r.containsGraph(IRIS.observedGraph("sales", "orders")));
    assertThat(observed).isFalse();
  }
}
