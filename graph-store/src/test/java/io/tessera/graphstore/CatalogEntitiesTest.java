package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PROV;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TESS;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading domains, products, merged datasets, jobs and terms for derived views. */
class CatalogEntitiesTest {
  static final IriMinter IRIS = ProductRepositoryTest.IRIS;
  static final DatasetRef ORDERS = ProductRepositoryTest.ORDERS;
  static final String ORDERS_IRI = IRIS.dataset(ORDERS.namespace(), ORDERS.name());
  static final String LINEAGE_GRAPH = IRIS.base() + "/graph/lineage/dataset/orders";
  static final String JOB = IRIS.job("airflow://prod", "load_orders");

  private GraphStore store;
  private CatalogEntities entities;

  @BeforeEach
  void open() {
    store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), TdbGraphStoreTest.ONTOLOGY);
    entities = new CatalogEntities(store, IRIS);
    DomainRepository domains = new DomainRepository(store, IRIS);
    ProductRepository products = new ProductRepository(store, IRIS);
    store.write(
        w -> {
          domains.put(w, new Domain("sales", "Sales", null, "mailto:sales@example.com", null, 1));
          products.put(w, ProductRepositoryTest.orders(Lifecycle.DESIGN, ORDERS));
          products.put(w, reader());
        });
    products.bindObservedDataset(ORDERS, Instant.parse("2026-01-07T09:20:18Z"), "urn:uuid:1");
    store.write(
        w -> {
          w.replaceGraph(LINEAGE_GRAPH, lineage().getGraph());
          w.changed(ORDERS_IRI, ChangeEvent.EntityKind.DATASET, ChangeEvent.ChangeType.UPSERT);
        });
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldMergeADatasetOverEveryGraphThatMentionsIt() {
    CatalogDataset dataset = entities.dataset(ORDERS_IRI).orElseThrow();

    assertThat(dataset.ref()).isEqualTo(ORDERS);
    assertThat(dataset.descriptions()).containsExactly("Orders as the warehouse holds them");
    assertThat(dataset.observedColumns())
        .extracting(CatalogDataset.Column::name)
        .containsExactly("order_id", "amount");
    assertThat(dataset.promisedColumns())
        .extracting(CatalogDataset.Column::name)
        .containsExactly("order_id", "email");
    assertThat(dataset.promisedColumns().get(1).classification()).containsExactly("pii");
    assertThat(dataset.producers())
        .extracting(CatalogDataset.Producer::key)
        .containsExactly("sales/orders");
    assertThat(dataset.producers().getFirst().domain()).isEqualTo("sales");
    assertThat(dataset.physical()).isTrue();
    assertThat(dataset.contentGraphs())
        .containsExactlyInAnyOrder(
            IRIS.productGraph("sales", "orders"),
            IRIS.observedGraph("sales", "orders"),
            LINEAGE_GRAPH);
    assertThat(dataset.mentionGraphs()).contains(IRIS.productGraph("sales", "order-lines"));
    assertThat(dataset.contentGraphs()).doesNotContain(IRIS.productGraph("sales", "order-lines"));
  }

  @Test
  void shouldTellWhetherDatasetsArePhysicalExactlyAsTheWholeReadDoes() {
    String checkout = IRIS.dataset("kafka://broker:9092", "checkout.events");
    String grouped = IRIS.dataset("s3://legacy", "exports/orders");
    String unknown = IRIS.dataset("s3://x", "y");
    List<String> datasets = List.of(ORDERS_IRI, checkout, grouped, unknown);

    assertThat(entities.physical(datasets))
        .isEqualTo(physicalFromWholeRead(datasets))
        .containsEntry(ORDERS_IRI, true)
        .containsEntry(checkout, false)
        .containsEntry(grouped, false)
        .doesNotContainKey(unknown);

    // without its lineage graph, the orders table is still observed through its port's binding
    store.write(w -> w.removeGraph(LINEAGE_GRAPH));
    assertThat(entities.physical(datasets))
        .isEqualTo(physicalFromWholeRead(datasets))
        .containsEntry(ORDERS_IRI, true);
  }

  private Map<String, Boolean> physicalFromWholeRead(List<String> datasets) {
    Map<String, Boolean> physical = new LinkedHashMap<>();
    entities.datasets(datasets).forEach(d -> physical.put(d.iri(), d.physical()));
    return physical;
  }

  @Test
  void shouldReadADatasetOnlyReadByAProductAsPlannedWithoutContent() {
    CatalogDataset checkout =
        entities.dataset(IRIS.dataset("kafka://broker:9092", "checkout.events")).orElseThrow();

    assertThat(checkout.physical()).isFalse();
    assertThat(checkout.producers()).isEmpty();
    assertThat(checkout.contentGraphs()).isEmpty();
    assertThat(checkout.mentionGraphs()).containsExactly(IRIS.productGraph("sales", "orders"));
  }

  @Test
  void shouldCountAGroupingProductAsTheDatasetsProducer() {
    CatalogDataset grouped =
        entities.dataset(IRIS.dataset("s3://legacy", "exports/orders")).orElseThrow();

    assertThat(grouped.producers())
        .extracting(CatalogDataset.Producer::key)
        .containsExactly("sales/orders");
    assertThat(grouped.contentGraphs()).containsExactly(IRIS.productGraph("sales", "orders"));
  }

  @Test
  void shouldReadJobsTermsDomainsAndProductsByIri() {
    assertThat(entities.job(JOB)).get().extracting(CatalogJob::label).isEqualTo("Load orders");
    CatalogTerm pii = entities.term(IRIS.classification("pii")).orElseThrow();
    assertThat(pii.notation()).isEqualTo("pii");
    assertThat(pii.contentGraphs()).isEmpty();
    assertThat(pii.mentionGraphs()).containsExactly(IRIS.productGraph("sales", "orders"));
    assertThat(entities.domain(IRIS.domain("sales")))
        .get()
        .extracting(Domain::title)
        .isEqualTo("Sales");
    assertThat(entities.product(IRIS.product("sales", "orders")))
        .get()
        .extracting(Product::physical)
        .isEqualTo(true);
    assertThat(entities.product(IRIS.product("sales", "nothing"))).isEmpty();
    assertThat(entities.dataset(IRIS.dataset("s3://x", "y"))).isEmpty();
    assertThat(entities.term(IRIS.domain("sales"))).as("a domain is not a term").isEmpty();
  }

  @Test
  void shouldVisitEveryEntityOfTheCatalogOnce() {
    List<String> seen = new ArrayList<>();
    int[] announced = new int[1];
    entities.readAll(
        new CatalogVisitor() {
          @Override
          public void start(int count) {
            announced[0] = count;
          }

          @Override
          public void domain(Domain domain) {
            seen.add("domain " + domain.name());
          }

          @Override
          public void product(Product product) {
            seen.add("product " + product.name());
          }

          @Override
          public void dataset(CatalogDataset dataset) {
            seen.add("dataset " + dataset.ref().name());
          }

          @Override
          public void job(CatalogJob job) {
            seen.add("job " + job.name());
          }

          @Override
          public void term(CatalogTerm term) {
            seen.add("term " + term.notation());
          }
        });

    assertThat(seen)
        .containsExactlyInAnyOrder(
            "domain sales",
            "product orders",
            "product order-lines",
            "dataset sales.public.orders",
            "dataset orders",
            "dataset checkout.events",
            "dataset exports/orders",
            "job load_orders",
            "term pii");
    assertThat(announced[0]).isEqualTo(seen.size());
  }

  private static Product reader() {
    return new Product(
        "sales",
        "order-lines",
        "Order Lines",
        null,
        null,
        "mailto:sales@example.com",
        Lifecycle.IDEATION,
        List.of(),
        List.of(),
        List.of(),
        List.of(new Port("orders", PortType.TABLE, null, ORDERS, null, List.of(), null)),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  private static Model lineage() {
    Model m = ModelFactory.createDefaultModel();
    Resource schema = m.createResource(ORDERS_IRI + "/schema/1").addProperty(RDF.type, TESS.Schema);
    int ordinal = 0;
    for (String name : List.of("order_id", "amount")) {
      schema.addProperty(
          TESS.field,
          m.createResource(ORDERS_IRI + "/field/" + name)
              .addProperty(RDF.type, TESS.Field)
              .addProperty(RDFS.label, name)
              .addLiteral(TESS.ordinal, m.createTypedLiteral(ordinal++, XSDDatatype.XSDinteger)));
    }
    Resource dataset =
        m.createResource(ORDERS_IRI)
            .addProperty(RDF.type, DCAT.Dataset)
            .addProperty(TESS.olNamespace, ORDERS.namespace())
            .addProperty(TESS.olName, ORDERS.name())
            .addProperty(DCTerms.description, "Orders as the warehouse holds them")
            .addProperty(DCTerms.conformsTo, schema);
    m.createResource(JOB)
        .addProperty(RDF.type, PROV.Plan)
        .addProperty(RDFS.label, "Load orders")
        .addProperty(TESS.olNamespace, "airflow://prod")
        .addProperty(TESS.olName, "load_orders")
        .addProperty(TESS.writes, dataset);
    return m;
  }
}
