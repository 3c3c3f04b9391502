package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import io.tessera.ontology.RequiresSharedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@RequiresSharedCorpus
class StandardExportsTest {

  private static final String DEFAULT_ID = "https://tessera.local/product/sales/orders";

  /** Every field a tessera/v1 product can have, several of which neither standard can carry. */
  private static final String FULL =
      """
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: sales, name: orders}
      spec:
        title: Customer orders
        description: Every confirmed customer order, one row per order line.
        purpose: Revenue reporting
        owner: https://example.com/teams/sales-data
        lifecycle: build
        classification: [pii]
        tags: [orders, revenue]
        outputPorts:
          - name: orders-table
            type: table
            description: The order lines
            dataset: {namespace: "postgres://warehouse:5432", name: sales.public.orders}
            schema:
              - {name: order_id, type: string, required: true, description: The order}
              - {name: amount, type: decimal}
              - {name: email, type: string, classification: [pii, contact]}
            slo: {freshness: PT24H, schemaStability: true}
          - name: orders-stream
            type: topic
            contract: orders-contract
            dataset: {namespace: "kafka://broker:9092", name: sales.orders}
        inputPorts:
          - dataset: {namespace: "kafka://broker:9092", name: checkout.events}
          - name: customers
            contract: customers-contract
        groups:
          - {namespace: "postgres://warehouse:5432", name: sales.public.order_audit}
      """;

  private static final String PORTLESS =
      """
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: sales, name: churn-idea}
      spec:
        owner: mailto:sales-data@example.com
        lifecycle: ideation
      """;

  private final StandardDescriptors standards = new StandardDescriptors();
  private final StandardExports exports = new StandardExports();
  private final StandardSchemas schemas = new StandardSchemas();
  private final CanonicalJson canonical = new CanonicalJson();

  static Stream<Path> importable() {
    return Stream.of("odps", "odcs")
        .flatMap(standard -> StandardFixtures.yamlFiles(standard).stream());
  }

  @Test
  void shouldExportEveryTesseraFieldAsValidOdpsThatImportsBackUnchanged() {
    ObjectNode product = product(FULL);

    ObjectNode odps = exports.odps(product, DEFAULT_ID);

    assertThat(schemas.odpsErrors(odps)).isEmpty();
    assertThat(odps.path("name").asText()).isEqualTo("Customer orders");
    assertThat(odps.path("status").asText()).isEqualTo("build");
    assertThat(odps.path("id").asText()).isEqualTo(DEFAULT_ID);
    assertThat(odps.at("/description/purpose").asText()).isEqualTo("Revenue reporting");
    assertThat(odps.at("/team/members/0/username").asText())
        .isEqualTo("https://example.com/teams/sales-data");
    assertThat(odps.at("/outputPorts/1/contractId").asText()).isEqualTo("orders-contract");
    assertThat(customProperties(odps.at("/outputPorts/0")))
        .contains("tessera.dataset", "tessera.schema", "tessera.slo");
    assertThat(customProperties(odps))
        .contains("tessera.spec.owner", "tessera.spec.groups", "tessera.spec.classification")
        .doesNotContain("tessera.spec.title", "tessera.spec.tags", "tessera.spec.lifecycle");
    assertRoundTrip(product, odps);
  }

  @Test
  void shouldExportEveryTesseraFieldAsValidOdcsThatImportsBackUnchanged() {
    ObjectNode product = product(FULL);

    ObjectNode odcs = exports.odcs(product, DEFAULT_ID);

    assertThat(schemas.odcsErrors(odcs)).isEmpty();
    assertThat(odcs.path("dataProduct").asText()).isEqualTo("Customer orders");
    assertThat(odcs.path("schema")).hasSize(2);
    JsonNode orderId = odcs.at("/schema/0/properties/0");
    assertThat(orderId.path("name").asText()).isEqualTo("order_id");
    assertThat(orderId.path("logicalType").asText()).isEqualTo("string");
    assertThat(orderId.path("required").asBoolean()).isTrue();
    assertThat(odcs.at("/schema/0/properties/1/physicalType").asText()).isEqualTo("decimal");
    assertThat(odcs.at("/schema/0/physicalName").asText()).isEqualTo("sales.public.orders");
    assertThat(customProperties(odcs)).contains("tessera.spec.inputPorts");
    assertRoundTrip(product, odcs);
  }

  @Test
  void shouldExportAProductWithoutPortsInBothStandards() {
    ObjectNode product = product(PORTLESS);

    ObjectNode odps = exports.odps(product, DEFAULT_ID);
    ObjectNode odcs = exports.odcs(product, DEFAULT_ID);

    assertThat(schemas.odpsErrors(odps)).isEmpty();
    assertThat(schemas.odcsErrors(odcs)).isEmpty();
    assertThat(odps.path("status").asText()).isEqualTo("proposed");
    assertThat(odps.at("/team/members/0/username").asText()).isEqualTo("sales-data@example.com");
    assertThat(customProperties(odps)).doesNotContain("tessera.spec.owner");
    assertRoundTrip(product, odps);
    assertRoundTrip(product, odcs);
  }

  @ParameterizedTest
  @MethodSource("importable")
  void shouldExportEveryImportedExampleInBothStandardsAndImportItBackUnchanged(Path file) {
    ObjectNode imported =
        standards.translate(StandardFixtures.read(file), "imported").orElseThrow();

    ObjectNode odps = exports.odps(imported, DEFAULT_ID);
    ObjectNode odcs = exports.odcs(imported, DEFAULT_ID);

    assertThat(schemas.odpsErrors(odps)).as("ODPS of " + file).isEmpty();
    assertThat(schemas.odcsErrors(odcs)).as("ODCS of " + file).isEmpty();
    assertRoundTrip(imported, odps);
    assertRoundTrip(imported, odcs);
  }

  @Test
  void shouldBeToldByTheSchemasWhenAnExportBreaksThem() {
    ObjectNode odps = exports.odps(product(FULL), DEFAULT_ID);
    ObjectNode odcs = exports.odcs(product(FULL), DEFAULT_ID);
    odps.remove("id");
    ((ObjectNode) odps.at("/outputPorts/0")).remove("version");
    ((ObjectNode) odcs.at("/schema/0/properties/0")).put("logicalType", "decimal");

    assertThat(schemas.odpsErrors(odps)).hasSize(2);
    assertThat(schemas.odcsErrors(odcs)).isNotEmpty();
  }

  @Test
  void shouldReadTheYamlItWritesBackAsTheSameDocument() {
    ObjectNode odps = exports.odps(product(FULL), DEFAULT_ID);

    JsonNode reread =
        new DescriptorParser()
            .parse(exports.yaml(odps).getBytes(StandardCharsets.UTF_8), false)
            .getFirst();

    assertThat(canonical.write(reread)).isEqualTo(canonical.write(odps));
  }

  @Test
  void shouldLetTheStandardsOwnFieldsWinWhereNoTesseraPropertyRestatesThem() {
    ObjectNode odps = exports.odps(product(FULL), DEFAULT_ID);
    odps.put("name", "Customer orders v2");
    odps.put("status", "active");

    ObjectNode reimported = standards.translate(odps, null).orElseThrow();

    assertThat(reimported.at("/spec/title").asText()).isEqualTo("Customer orders v2");
    assertThat(reimported.at("/spec/lifecycle").asText()).isEqualTo("consume");
  }

  @Test
  void shouldRefuseATesseraPropertyThatNamesNoField() {
    ObjectNode odps = exports.odps(product(PORTLESS), DEFAULT_ID);
    TesseraProperties.attach(
        odps, List.of(TesseraProperties.property("tessera.specs.title", odps.get("name"))));

    assertThatThrownBy(() -> standards.translate(odps, null))
        .isInstanceOf(StandardImportException.class)
        .hasMessageContaining("tessera.specs.title")
        .extracting(e -> ((StandardImportException) e).field())
        .asString()
        .matches("customProperties\\[\\d+]\\.property");
  }

  private void assertRoundTrip(ObjectNode product, ObjectNode exported) {
    JsonNode reread =
        new DescriptorParser()
            .parse(exports.yaml(exported).getBytes(StandardCharsets.UTF_8), false)
            .getFirst();
    ObjectNode reimported = standards.translate(reread, null).orElseThrow();
    assertThat(canonical.write(reimported)).isEqualTo(canonical.write(product));
    List<FieldError> errors = new ArrayList<>();
    assertThat(new DescriptorValidator().validate(0, reimported, errors)).isNotNull();
    assertThat(errors).isEmpty();
  }

  private static ObjectNode product(String yaml) {
    ObjectNode product = (ObjectNode) StandardFixtures.yaml(yaml);
    List<FieldError> errors = new ArrayList<>();
    assertThat(new DescriptorValidator().validate(0, product, errors)).isNotNull();
    assertThat(errors).isEmpty();
    return product;
  }

  private static List<String> customProperties(JsonNode element) {
    List<String> names = new ArrayList<>();
    element.path("customProperties").forEach(p -> names.add(p.path("property").asText()));
    return names;
  }
}
