package io.tessera.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules by which a promised dataset matches a written one through the symlinks facet. */
class SymlinkBindingTest {
  static final IriMinter IRIS = new IriMinter("https://catalog.example");
  static final DatasetRef PATH = new DatasetRef("file", "/tmp/warehouse/customer_totals_tbl");
  static final DatasetRef TABLE =
      new DatasetRef("file:/tmp/warehouse", "default.customer_totals_tbl");
  static final String RUN = "0190f1a2-3b4c-7d5e-8f60-000000000201";

  private GraphStore store;
  private ProductRepository products;
  private LineageProjector projector;
  private final EventParser parser = new EventParser();
  private final AtomicLong position = new AtomicLong();

  @BeforeEach
  void open() {
    store =
        new TdbGraphStore(GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
    products = new ProductRepository(store, IRIS);
    projector = new LineageProjector(store, products, IRIS);
    DomainRepository domains = new DomainRepository(store, IRIS);
    store.write(
        w -> domains.put(w, new Domain("sales", "Sales", null, "mailto:s@example.com", null, 1)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldBindAPortPromisingATableNameThroughTheTableSymlinkOfTheWrittenPath() {
    declare("totals", TABLE);

    project(run("COMPLETE", output(PATH, symlink(TABLE, "TABLE"))));

    PortBinding binding = binding("totals");
    assertThat(binding.dataset()).isEqualTo(PATH);
    assertThat(binding.through()).isEqualTo(new PortBinding.Symlink(TABLE, "TABLE"));
    assertThat(binding.evidence()).isEqualTo(IRIS.run(RUN));
    assertThat(binding.explanation())
        .isEqualTo(
            "bound through the table name default.customer_totals_tbl (namespace"
                + " file:/tmp/warehouse) reported as a symlink of"
                + " file:/tmp/warehouse/customer_totals_tbl");
    assertThat(products.find("sales", "totals").orElseThrow().physical()).isTrue();
  }

  @Test
  void shouldNotBindThroughASymlinkOnAStartEvent() {
    declare("totals", TABLE);

    project(run("START", output(PATH, symlink(TABLE, "TABLE"))));

    assertThat(binding("totals")).isNull();
  }

  @Test
  void shouldBindByNamespaceAndNameWhenThePortPromisesThePathItself() {
    declare("by-path", PATH);

    project(run("COMPLETE", output(PATH, symlink(TABLE, "TABLE"))));

    assertThat(binding("by-path"))
        .isEqualTo(new PortBinding(PATH, binding("by-path").boundAt(), IRIS.run(RUN)));
    assertThat(binding("by-path").through()).isNull();
    assertThat(binding("by-path").explanation())
        .isEqualTo(
            "bound by namespace and name: a run was seen writing"
                + " file:/tmp/warehouse/customer_totals_tbl");
  }

  @Test
  void shouldPreferAnOutputWithThePromisedNameOverAnotherOutputsSymlink() {
    DatasetRef staging = new DatasetRef("file", "/tmp/staging/customer_totals");
    declare("totals", TABLE);

    // the first output only reports the promised table as a symlink; the second is the table
    project(run("COMPLETE", output(staging, symlink(TABLE, "TABLE")) + "," + output(TABLE, "")));

    assertThat(binding("totals").dataset()).isEqualTo(TABLE);
    assertThat(binding("totals").through()).isNull();
  }

  @Test
  void shouldBindEveryPortWhoseDatasetIsOneOfSeveralSymlinks() {
    DatasetRef glue = new DatasetRef("arn:aws:glue:eu-west-1:123456789012", "table/sales/totals");
    declare("totals", TABLE);
    declare("glue-totals", glue);

    project(run("COMPLETE", output(PATH, symlink(TABLE, "TABLE") + "," + symlink(glue, "TABLE"))));

    assertThat(binding("totals").through().identifier()).isEqualTo(TABLE);
    assertThat(binding("glue-totals").through().identifier()).isEqualTo(glue);
    assertThat(binding("glue-totals").dataset()).isEqualTo(PATH);
  }

  @Test
  void shouldBindThroughANonTableSymlinkAndSayWhichTypeMatched() {
    // Hive reports the table and gives its storage location as a LOCATION symlink
    DatasetRef hiveTable = new DatasetRef("hive://localhost:9083", "test.t1");
    DatasetRef location = new DatasetRef("file", "/opt/hive/data/warehouse/test.db/t1");
    declare("t1-files", location);

    project(run("COMPLETE", output(hiveTable, symlink(location, "LOCATION"))));

    PortBinding binding = binding("t1-files");
    assertThat(binding.dataset()).isEqualTo(hiveTable);
    assertThat(binding.through()).isEqualTo(new PortBinding.Symlink(location, "LOCATION"));
    assertThat(binding.explanation())
        .startsWith("bound through the location identifier /opt/hive/data/warehouse/test.db/t1")
        .endsWith("reported as a symlink of hive://localhost:9083/test.t1");
  }

  @Test
  void shouldNotMatchTheSameTableNameInAnotherNamespace() {
    declare("elsewhere", new DatasetRef("file:/srv/other-warehouse", TABLE.name()));

    project(run("COMPLETE", output(PATH, symlink(TABLE, "TABLE"))));

    assertThat(binding("elsewhere")).isNull();
    assertThat(products.find("sales", "elsewhere").orElseThrow().physical()).isFalse();
  }

  @Test
  void shouldBindAProductDeclaredAfterTheEventsThroughTheSymlink() {
    store.subscribe(new LateBinding(store, products, IRIS));
    project(run("COMPLETE", output(PATH, symlink(TABLE, "TABLE"))));

    declare("totals", TABLE);

    PortBinding binding = binding("totals");
    assertThat(binding.dataset()).isEqualTo(PATH);
    assertThat(binding.through()).isEqualTo(new PortBinding.Symlink(TABLE, "TABLE"));
    assertThat(binding.evidence()).isEqualTo(IRIS.run(RUN));
  }

  @Test
  void shouldKeepTheSymlinkBindingWhenTheProductIsReappliedAndTheLineageRebuilt() {
    declare("totals", TABLE);
    String event = run("COMPLETE", output(PATH, symlink(TABLE, "TABLE")));
    project(event);
    PortBinding first = binding("totals");

    declare("totals", TABLE);
    projector.clear();
    position.set(0);
    project(event);

    assertThat(binding("totals")).isEqualTo(first);
    assertThat(products.find("sales", "totals").orElseThrow().physical()).isTrue();
  }

  private void declare(String name, DatasetRef promised) {
    Port port = new Port(name + "-port", PortType.TABLE, null, promised, null, List.of(), null);
    store.write(
        w ->
            products.put(
                w,
                new Product(
                    "sales",
                    name,
                    "Product " + name,
                    null,
                    null,
                    "mailto:s@example.com",
                    Lifecycle.DESIGN,
                    List.of(),
                    List.of(),
                    List.of(port),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    1,
                    null)));
  }

  private PortBinding binding(String product) {
    return products.find("sales", product).orElseThrow().outputPorts().getFirst().binding();
  }

  private static String symlink(DatasetRef ref, String type) {
    return """
        {"namespace":"%s","name":"%s","type":"%s"}"""
        .formatted(ref.namespace(), ref.name(), type);
  }

  private static String output(DatasetRef ref, String symlinks) {
    String facets =
        symlinks.isEmpty()
            ? ""
            : """
                "symlinks":{"_producer":"x","_schemaURL":"y","identifiers":[%s]}"""
                .formatted(symlinks);
    return """
        {"namespace":"%s","name":"%s","facets":{%s}}"""
        .formatted(ref.namespace(), ref.name(), facets);
  }

  private static String run(String type, String outputs) {
    return """
        {"eventType":"%s","eventTime":"2026-03-01T10:05:00Z","producer":"https://example.com/test",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"spark_local","name":"customer_totals.write"},
         "inputs":[],
         "outputs":[%s]}
        """
        .formatted(type, RUN, outputs);
  }

  private void project(String... events) {
    List<JournalEntry> entries = new ArrayList<>();
    for (String json : events) {
      entries.add(
          new JournalEntry(
              position.incrementAndGet(), parser.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
    projector.project(entries);
  }
}
