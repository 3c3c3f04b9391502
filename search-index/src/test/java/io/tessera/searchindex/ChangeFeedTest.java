package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.RdfFormat;
import io.tessera.graphstore.ReadScope;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index follows the graph's change feed: a commit becomes searchable (how soon: bench/). */
class ChangeFeedTest {
  private IndexedCatalog catalog;
  private ProductRepository products;

  @BeforeEach
  void index() {
    catalog = IndexedCatalog.open();
    products = new ProductRepository(catalog.store, IRIS);
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  @Test
  void shouldFindANewProductOnceItIsCommitted() {
    // the one-second target is measured by the benchmark harness, not asserted here: a loaded
    // machine must not fail the test, so it only waits, with a generous bound
    catalog.store.write(w -> products.put(w, giftCards("Gift Cards")));

    boolean found =
        pollUntil(
            Duration.ofSeconds(60),
            () -> topIri("gift cards"),
            IRIS.product("sales", "gift-cards")::equals);

    assertThat(found).as("searchable after the commit").isTrue();
    assertThat(catalog.search("balance_eur").hits().getFirst().iri())
        .isEqualTo(TestCatalog.column("sales", "gift-cards", "gift-cards-table", "balance_eur"));
  }

  @Test
  void shouldReplaceAProductsDocumentsWhenItChanges() {
    catalog.store.write(w -> products.put(w, giftCards("Gift Card Ledger")));
    catalog.awaitGraph();
    assertThat(catalog.search("ledger").total())
        .as("the product, and its port, columns and dataset through their context")
        .isEqualTo(5);
    catalog.store.write(w -> products.put(w, giftCards("Store Credit Vouchers").withRevision(2)));
    catalog.awaitGraph();

    assertThat(catalog.search("Store Credit Vouchers").hits().getFirst().iri())
        .isEqualTo(IRIS.product("sales", "gift-cards"));
    assertThat(catalog.search("ledger").total()).isZero();
    assertThat(
            catalog.search("").facet(FacetDimension.TAG).stream()
                .filter(c -> c.value().equals("gift-cards"))
                .findFirst()
                .orElseThrow()
                .count())
        .as("product, port and two columns carry the tag once each")
        .isEqualTo(4);
  }

  @Test
  void shouldForgetADeletedProductItsPortsColumnsAndWhatItPromised() {
    String orders = IRIS.product("sales", "orders");
    String dataset = IRIS.dataset("postgres://warehouse:5432", "sales.public.orders");
    String changes = IRIS.dataset("kafka://events:9092", "sales.orders.changes");

    catalog.store.write(w -> products.remove(w, "sales", "orders"));
    catalog.awaitGraph();

    List<SearchHit> all = catalog.all(SearchRequest.of("").withLimit(100), ReadScope.everything());
    assertThat(all).noneMatch(h -> h.iri().startsWith(orders));
    assertThat(all)
        .noneMatch(h -> h.iri().equals(changes)); // only the deleted product mentioned it
    SearchHit stillRead =
        all.stream().filter(h -> h.iri().equals(dataset)).findFirst().orElseThrow();
    assertThat(stillRead.values(FacetDimension.DOMAIN))
        .as("other products only read it, so no domain owns it any more")
        .isEmpty();
    assertThat(stillRead.values(FacetDimension.STATE)).containsExactly("planned");
    assertThat(catalog.search("voucher_code").hits()).isEmpty();
  }

  @Test
  void shouldAddAndDropADatasetAndATermWithTheirOnlyMention() {
    String rawDataset = IRIS.dataset("s3://landing", "raw/gift_card_events");
    String secret = IRIS.classification("top-secret");
    Product reading =
        TestCatalog.product(
            "sales",
            "gift-cards",
            "Gift Card Ledger",
            "Balances of gift cards.",
            Lifecycle.DESIGN,
            List.of("top-secret"),
            List.of(),
            List.of(),
            List.of(TestCatalog.input("s3://landing", "raw/gift_card_events")));
    catalog.store.write(w -> products.put(w, reading));
    catalog.awaitGraph();
    assertThat(catalog.search("raw/gift_card_events").hits().getFirst().iri())
        .isEqualTo(rawDataset);
    assertThat(catalog.search("top-secret").hits().getFirst().iri()).isEqualTo(secret);

    catalog.store.write(w -> products.put(w, giftCards("Gift Card Ledger").withRevision(2)));
    catalog.awaitGraph();

    List<SearchHit> all = catalog.all(SearchRequest.of("").withLimit(100), ReadScope.everything());
    assertThat(all).extracting(SearchHit::iri).doesNotContain(rawDataset, secret);
    assertThat(all).extracting(SearchHit::iri).contains(IRIS.classification("pii"));
  }

  @Test
  void shouldIndexADatasetAndJobThatLineageAnnouncesAndMergeWithWhatProductsSay() {
    String clickstream = TestCatalog.CLICKSTREAM;
    Product promising =
        TestCatalog.product(
            "sales",
            "web-sessions",
            "Web Sessions",
            "Sessions built from the clickstream.",
            Lifecycle.DESIGN,
            List.of("internal"),
            List.of("web"),
            List.of(
                new Port(
                    "clickstream",
                    PortType.TOPIC,
                    null,
                    new DatasetRef("kafka://events:9092", "clickstream.raw"),
                    null,
                    List.of(new FieldDef("referrer", "string", false, "Referring page", List.of())),
                    null)),
            List.of());
    catalog.store.write(w -> products.put(w, promising));
    catalog.awaitGraph();

    SearchHit merged = catalog.search("clickstream.raw").hits().getFirst();
    assertThat(merged.iri()).isEqualTo(clickstream);
    assertThat(merged.values(FacetDimension.DOMAIN)).containsExactly("sales");
    assertThat(merged.values(FacetDimension.STATE)).containsExactly("physical");
    assertThat(merged.values(FacetDimension.PLATFORM)).containsExactly("kafka");
    assertThat(catalog.search("referrer page_url").hits().getFirst().iri()).isEqualTo(clickstream);
    assertThat(catalog.search("etl.load_clickstream").hits().getFirst().iri())
        .isEqualTo(TestCatalog.LOAD_JOB);
  }

  @Test
  void shouldRebuildWhenTheWholeStoreIsReplaced() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    catalog.store.export(out, RdfFormat.TRIG);
    String trig = out.toString(UTF_8).replace("Customer Orders", "Client Orders");
    int rebuildsBefore = catalog.index.status().rebuilds();

    catalog.store.importAll(new ByteArrayInputStream(trig.getBytes(UTF_8)), RdfFormat.TRIG);
    catalog.awaitGraph(Duration.ofSeconds(30)); // a full rebuild, not a one-entity change

    assertThat(catalog.index.status().rebuilds()).isEqualTo(rebuildsBefore + 1);
    assertThat(catalog.search("Client Orders").hits().getFirst().iri())
        .isEqualTo(IRIS.product("sales", "orders"));
  }

  private String topIri(String query) {
    List<SearchHit> hits = catalog.search(query).hits();
    return hits.isEmpty() ? null : hits.getFirst().iri();
  }

  /** Probes every few milliseconds until the condition holds or the deadline passes. */
  private static <T> boolean pollUntil(Duration deadline, Supplier<T> probe, Predicate<T> done) {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (done.test(probe.get())) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return done.test(probe.get());
  }

  private static Product giftCards(String title) {
    return TestCatalog.product(
        "sales",
        "gift-cards",
        title,
        "Balances of gift cards and store credit.",
        Lifecycle.DESIGN,
        List.of("internal"),
        List.of("gift-cards"),
        List.of(
            TestCatalog.port(
                "gift-cards-table",
                PortType.TABLE,
                "postgres://warehouse:5432",
                "sales.public.gift_cards",
                TestCatalog.field("card_id", "string", "Card number"),
                TestCatalog.field("balance_eur", "decimal", "Remaining balance"))),
        List.of());
  }
}
