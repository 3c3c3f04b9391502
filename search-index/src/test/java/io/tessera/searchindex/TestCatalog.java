package io.tessera.searchindex;

import io.tessera.graphstore.ChangeEvent;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The fixed catalog the search tests run against, written through the real graph-store repositories
 * into an in-memory TDB2 store: four domains, nine products (one physical), and one lineage-style
 * graph with a dataset, its schema and a job.
 */
final class TestCatalog {
  static final String BASE = "https://tessera.test";
  static final IriMinter IRIS = new IriMinter(BASE);
  static final String LINEAGE_GRAPH =
      BASE + "/graph/lineage/dataset/kafka%3A%2F%2Fevents%3A9092/clickstream.raw";
  static final String CLICKSTREAM = IRIS.dataset("kafka://events:9092", "clickstream.raw");
  static final String LOAD_JOB = IRIS.job("airflow://prod", "etl.load_clickstream");

  private TestCatalog() {}

  /** A new in-memory store. */
  static GraphStore newStore() {
    return new TdbGraphStore(
        GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
  }

  /** Writes the whole fixed catalog, one commit per entity as domain teams would. */
  static void load(GraphStore store) {
    DomainRepository domains = new DomainRepository(store, IRIS);
    ProductRepository products = new ProductRepository(store, IRIS);
    for (Domain d :
        List.of(
            domain("sales", "Sales", "Web shop orders, order lines and revenue."),
            domain("customer", "Customer", "Customer master data, consent and churn models."),
            domain("logistics", "Logistics", "Warehouses, stock and parcel shipments."),
            domain("finance", "Finance", "Invoices, payments and exchange rates."))) {
      store.write(w -> domains.put(w, d));
    }
    for (Product p : products()) {
      store.write(w -> products.put(w, p));
    }
    store.write(
        w ->
            products.bind(
                w,
                new ProductRepository.PortKey("sales", "orders", "orders-table"),
                new PortBinding(
                    new DatasetRef("postgres://warehouse:5432", "sales.public.orders"),
                    Instant.parse("2026-01-07T09:20:18Z"),
                    "urn:uuid:8057f876-fee9-4d8a-aaf7-36a20feb69c5")));
    writeLineage(store);
  }

  /** The lineage graph, announced as lineage ingestion will announce it. */
  static void writeLineage(GraphStore store) {
    Graph lineage = turtle("/catalog/lineage-clickstream.ttl");
    store.write(
        w -> {
          w.replaceGraph(LINEAGE_GRAPH, lineage);
          w.changed(CLICKSTREAM, ChangeEvent.EntityKind.DATASET, ChangeEvent.ChangeType.UPSERT);
          w.changed(LOAD_JOB, ChangeEvent.EntityKind.JOB, ChangeEvent.ChangeType.UPSERT);
        });
  }

  static List<Product> products() {
    return List.of(
        product(
            "sales",
            "orders",
            "Customer Orders",
            "Every confirmed customer order from the web shop and the mobile app, one row per"
                + " order with status, totals and VAT.",
            Lifecycle.CONSUME,
            List.of("confidential", "pii"),
            List.of("orders", "revenue", "ecommerce"),
            List.of(
                port(
                    "orders-table",
                    PortType.TABLE,
                    "postgres://warehouse:5432",
                    "sales.public.orders",
                    field("order_id", "string", "Order number, e.g. AC-2026-000123"),
                    field("customer_id", "string", "Customer key", "pii"),
                    field("order_status", "string", "placed, paid, shipped or cancelled"),
                    field("net_amount", "decimal", "Order total excluding VAT", "confidential"),
                    field("voucher_code", "string", "Promotion code redeemed"),
                    field("shipping_address", "json", "Delivery address", "pii")),
                port(
                    "order-changes",
                    PortType.TOPIC,
                    "kafka://events:9092",
                    "sales.orders.changes",
                    field("order_id", "string", "Order number"),
                    field("new_status", "string", "Status after the change"))),
            List.of()),
        product(
            "sales",
            "order-lines",
            "Order Lines",
            "One row per SKU on each order, with quantity, list price, discount and margin.",
            Lifecycle.CONSUME,
            List.of("confidential"),
            List.of("orders", "sku", "margin"),
            List.of(
                port(
                    "order-lines-table",
                    PortType.TABLE,
                    "postgres://warehouse:5432",
                    "sales.public.order_lines",
                    field("order_id", "string", "Order number"),
                    field("sku", "string", "Stock keeping unit"),
                    field("quantity", "integer", "Units ordered"),
                    field("gross_margin", "decimal", "Line revenue minus cost", "confidential"))),
            List.of(input("postgres://warehouse:5432", "sales.public.orders"))),
        product(
            "sales",
            "daily-revenue",
            "Daily Revenue by Channel",
            "Gross and net revenue per day and sales channel, in EUR.",
            Lifecycle.DEPLOY,
            List.of("confidential"),
            List.of("revenue", "kpi", "dashboard"),
            List.of(
                port(
                    "daily-revenue-mart",
                    PortType.TABLE,
                    "snowflake://acme",
                    "sales.mart.daily_revenue",
                    field("revenue_date", "date", "Day of the orders"),
                    field("channel", "string", "web, ios or android"),
                    field("gross_revenue", "decimal", "Revenue including VAT"))),
            List.of(input("postgres://warehouse:5432", "sales.public.order_lines"))),
        product(
            "customer",
            "customer-profiles",
            "Customer Profiles",
            "The single customer view: identity, contact details and loyalty tier.",
            Lifecycle.CONSUME,
            List.of("pii", "restricted"),
            List.of("crm", "master-data"),
            List.of(
                port(
                    "customers-table",
                    PortType.TABLE,
                    "postgres://crm:5432",
                    "crm.public.customers",
                    field("customer_id", "string", "Customer key", "pii"),
                    field("email", "string", "Contact email address", "pii"),
                    field("loyalty_tier", "string", "bronze, silver or gold"))),
            List.of()),
        product(
            "customer",
            "churn-risk-scores",
            "Churn Risk Scores",
            "Weekly probability that a customer stops buying, from a gradient boosted model.",
            Lifecycle.BUILD,
            List.of("ml-sensitive", "pii"),
            List.of("machine-learning", "retention"),
            List.of(
                port(
                    "churn-scores-table",
                    PortType.TABLE,
                    "bigquery",
                    "acme-analytics.customer.churn_scores",
                    field("customer_id", "string", "Customer key", "pii"),
                    field("churn_probability", "decimal", "Probability of churn in 90 days"))),
            List.of(input("postgres://crm:5432", "crm.public.customers"))),
        product(
            "logistics",
            "shipments",
            "Shipments",
            "Every parcel handed to a carrier, with tracking number and delivery time.",
            Lifecycle.CONSUME,
            List.of("internal"),
            List.of("parcels", "carriers"),
            List.of(
                port(
                    "shipments-table",
                    PortType.TABLE,
                    "postgres://warehouse:5432",
                    "logistics.public.shipments",
                    field("shipment_id", "string", "Shipment key"),
                    field("carrier_code", "string", "Carrier, e.g. DHL or UPS"),
                    field("tracking_number", "string", "Carrier tracking number"),
                    field("delivered_at", "timestamp", "Time of delivery (UTC)"))),
            List.of(input("postgres://warehouse:5432", "sales.public.orders"))),
        product(
            "logistics",
            "warehouse-inventory",
            "Warehouse Inventory",
            "Stock on hand per SKU and warehouse, as movements happen.",
            Lifecycle.CONSUME,
            List.of("internal"),
            List.of("inventory", "stock", "sku"),
            List.of(
                port(
                    "stock-movements",
                    PortType.TOPIC,
                    "kafka://events:9092",
                    "wms.stock.movements",
                    field("sku", "string", "Stock keeping unit"),
                    field("warehouse_id", "string", "Warehouse code"),
                    field("quantity_on_hand", "integer", "Units in stock after the movement"))),
            List.of()),
        product(
            "finance",
            "invoices",
            "Customer Invoices",
            "Invoices and credit notes sent to customers, with VAT per line.",
            Lifecycle.DESIGN,
            List.of("confidential"),
            List.of("vat", "accounts-receivable"),
            List.of(
                port(
                    "invoice-files",
                    PortType.FILE,
                    "s3://finance-lake",
                    "invoices/2026",
                    field("invoice_number", "string", "Invoice number"),
                    field("vat_amount", "decimal", "VAT charged"))),
            List.of(input("postgres://warehouse:5432", "sales.public.orders"))),
        product(
            "finance",
            "fx-rates",
            "Foreign Exchange Rates",
            "Daily ECB reference rates for every currency we sell in.",
            Lifecycle.CONSUME,
            List.of("public"),
            List.of("fx", "currency", "reference-data"),
            List.of(
                port(
                    "fx-rates-table",
                    PortType.TABLE,
                    "snowflake://acme",
                    "finance.reference.fx_rates",
                    field("currency_pair", "string", "e.g. EUR/USD"),
                    field("rate", "decimal", "Units of quote currency per base unit"))),
            List.of()));
  }

  static Domain domain(String name, String title, String description) {
    return new Domain(name, title, description, "mailto:" + name + "-data@acme.example", null, 1);
  }

  static Product product(
      String domain,
      String name,
      String title,
      String description,
      Lifecycle lifecycle,
      List<String> classification,
      List<String> tags,
      List<Port> outputs,
      List<Port> inputs) {
    return new Product(
        domain,
        name,
        title,
        description,
        null,
        "mailto:" + domain + "-" + name + "@acme.example",
        lifecycle,
        classification,
        tags,
        outputs,
        inputs,
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  static Port port(
      String name, PortType type, String namespace, String dataset, FieldDef... fields) {
    return new Port(
        name, type, null, new DatasetRef(namespace, dataset), null, Arrays.asList(fields), null);
  }

  static Port input(String namespace, String dataset) {
    return new Port(
        dataset.replaceAll("[^a-z0-9]+", "-"),
        PortType.TABLE,
        null,
        new DatasetRef(namespace, dataset),
        null,
        List.of(),
        null);
  }

  static FieldDef field(String name, String type, String description, String... classification) {
    return new FieldDef(name, type, false, description, List.of(classification));
  }

  /** The IRI of a promised column. */
  static String column(String domain, String product, String port, String field) {
    return IRIS.field(IRIS.schema(IRIS.port(domain, product, port)), field);
  }

  private static Graph turtle(String resource) {
    try (InputStream in = TestCatalog.class.getResourceAsStream(resource)) {
      Graph graph = GraphFactory.createDefaultGraph();
      RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
      return graph;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
