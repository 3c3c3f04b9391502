package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import io.tessera.ontology.RequiresSharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StandardDescriptorsTest {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

  private final StandardDescriptors descriptors = new StandardDescriptors();

  static Stream<Path> corpus() {
    return Stream.of("odps", "odcs", "datacontract")
        .flatMap(standard -> StandardFixtures.yamlFiles(standard).stream());
  }

  @RequiresSharedCorpus
  @ParameterizedTest
  @MethodSource("corpus")
  void shouldTranslateEveryPublishedExampleIntoADataProduct(Path file) {
    ObjectNode product =
        descriptors.translate(StandardFixtures.read(file), "imported").orElseThrow();

    assertThat(product.path("apiVersion").asText()).isEqualTo("tessera/v1");
    assertThat(product.path("kind").asText()).isEqualTo("DataProduct");
    assertThat(product.at("/metadata/domain").asText()).matches(SLUG);
    assertThat(product.at("/metadata/name").asText()).matches(SLUG);
    JsonNode spec = product.path("spec");
    assertThat(spec.path("title").asText()).isNotBlank();
    assertThat(spec.path("owner").asText()).matches("^(mailto|urn):.+");
    assertThat(spec.path("lifecycle").asText())
        .isIn("ideation", "design", "build", "deploy", "consume", "deprecated", "retired");
    assertThat(spec.path("identifier").asText()).isNotBlank();
    assertThat(spec.path("source").asText()).matches("^(od[pc]s:v|dcs:)\\d.*");
    assertThat(spec.path("outputPorts")).isNotEmpty();
    List<String> portNames = new ArrayList<>();
    spec.path("outputPorts").forEach(port -> portNames.add(port.path("name").asText()));
    assertThat(portNames).allMatch(name -> SLUG.matcher(name).matches()).doesNotHaveDuplicates();
    List<FieldError> errors = new ArrayList<>();
    assertThat(new DescriptorValidator().validate(0, product, errors)).isNotNull();
    assertThat(errors).isEmpty();
  }

  @RequiresSharedCorpus
  @ParameterizedTest
  @ValueSource(strings = {"dpds/dpd-full.json", "dpds/minimal.dpd.json"})
  void shouldNotRecogniseOtherDescriptorStandards(String file) {
    assertThat(descriptors.translate(StandardFixtures.read(file), "imported")).isEmpty();
  }

  @Test
  void shouldLeaveTesseraDocumentsAlone() {
    JsonNode document =
        StandardFixtures.yaml(
            """
            apiVersion: tessera/v1
            kind: DataProduct
            metadata: {domain: sales, name: orders}
            spec: {title: Orders, owner: "mailto:sales@example.com"}
            """);

    assertThat(descriptors.translate(document, "sales")).isEmpty();
  }

  @Test
  void shouldNotRecogniseScalarsOrArrays() {
    assertThat(descriptors.translate(StandardFixtures.yaml("just text"), null)).isEmpty();
    assertThat(descriptors.translate(StandardFixtures.yaml("[1, 2]"), null)).isEmpty();
    assertThat(descriptors.translate(null, null)).isEmpty();
  }

  @RequiresSharedCorpus
  @Test
  void shouldRecordWhichStandardAndVersionADocumentCameFrom() {
    ObjectNode odps =
        descriptors
            .translate(StandardFixtures.read("odps/simple-data-product.odps.yaml"), "sales")
            .orElseThrow();
    ObjectNode odcs =
        descriptors
            .translate(StandardFixtures.read("odcs/kafka-schema.odcs.yaml"), "sales")
            .orElseThrow();

    assertThat(odps.at("/spec/source").asText()).isEqualTo("odps:v0.9.0");
    assertThat(odps.at("/spec/identifier").asText())
        .isEqualTo("064c4630-8aad-4dc0-ba95-0f69940e6b18");
    assertThat(odcs.at("/spec/source").asText()).isEqualTo("odcs:v3.0.2");
    assertThat(odcs.at("/spec/identifier").asText()).isEqualTo("orders");
    ObjectNode dcs =
        descriptors
            .translate(StandardFixtures.read("datacontract/covid-cases.datacontract.yaml"), "sales")
            .orElseThrow();
    assertThat(dcs.at("/spec/source").asText()).isEqualTo("dcs:0.9.3");
    assertThat(dcs.at("/spec/identifier").asText()).isEqualTo("covid_cases");
  }

  @Test
  void shouldRejectOdcsContractWithoutSchemaObjects() {
    JsonNode contract =
        StandardFixtures.yaml(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: empty-contract
            status: draft
            domain: sales
            servers:
              - {server: db, type: postgres, host: db, port: 5432, database: shop, schema: public}
            """);

    assertThatThrownBy(() -> descriptors.translate(contract, null))
        .isInstanceOfSatisfying(
            StandardImportException.class, error -> assertThat(error.field()).isEqualTo("schema"))
        .hasMessageContaining("schema object");
  }

  @Test
  void shouldRejectUnsupportedServerTypeAndListTheSupportedOnes() {
    JsonNode contract =
        StandardFixtures.yaml(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: clicks
            status: active
            domain: web
            servers:
              - {server: ch, type: clickhouse, host: ch, port: 8123, database: web}
            schema:
              - {name: clicks, physicalName: clicks}
            """);

    assertThatThrownBy(() -> descriptors.translate(contract, null))
        .isInstanceOfSatisfying(
            StandardImportException.class,
            error -> assertThat(error.field()).isEqualTo("servers[0].type"))
        .hasMessageStartingWith("unsupported server type 'clickhouse'")
        .hasMessageContaining("postgres")
        .hasMessageContaining("kafka")
        .hasMessageContaining("snowflake");
  }

  @Test
  void shouldRejectSchemaObjectWithoutAnyName() {
    JsonNode contract =
        StandardFixtures.yaml(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            status: active
            domain: sales
            schema:
              - {name: orders}
              - {physicalType: table, description: nameless}
            """);

    assertThatThrownBy(() -> descriptors.translate(contract, null))
        .isInstanceOfSatisfying(
            StandardImportException.class,
            error -> assertThat(error.field()).isEqualTo("schema[1].name"));
  }

  @Test
  void shouldRejectServerThatLacksAFieldTheDatasetNameNeeds() {
    JsonNode contract =
        StandardFixtures.yaml(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            status: active
            domain: sales
            servers:
              - {server: db, type: postgres, host: db, schema: public}
            schema:
              - {name: orders}
            """);

    assertThatThrownBy(() -> descriptors.translate(contract, null))
        .isInstanceOfSatisfying(
            StandardImportException.class,
            error -> assertThat(error.field()).isEqualTo("servers[0].database"));
  }

  @Test
  void shouldRejectDocumentWithoutDomainWhenNoFallbackIsGiven() {
    JsonNode product =
        StandardFixtures.yaml(
            """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-1
            status: draft
            name: Lonely
            """);

    assertThatThrownBy(() -> descriptors.translate(product, null))
        .isInstanceOfSatisfying(
            StandardImportException.class, error -> assertThat(error.field()).isEqualTo("domain"));
  }

  @Test
  void shouldRejectOdpsProductWithoutId() {
    JsonNode product =
        StandardFixtures.yaml(
            """
            apiVersion: v1.0.0
            kind: DataProduct
            status: draft
            name: Nameless
            domain: sales
            """);

    assertThatThrownBy(() -> descriptors.translate(product, null))
        .isInstanceOfSatisfying(
            StandardImportException.class, error -> assertThat(error.field()).isEqualTo("id"));
  }

  @Test
  void shouldRejectOdcsVersionTwoWithAHintToUpgrade() {
    JsonNode contract =
        StandardFixtures.yaml(
            """
            apiVersion: v2.2.2
            kind: DataContract
            uuid: 53581432-6c55-4ba2-a65f-72344a91553a
            datasetDomain: seller
            """);

    assertThatThrownBy(() -> descriptors.translate(contract, null))
        .isInstanceOfSatisfying(
            StandardImportException.class,
            error -> assertThat(error.field()).isEqualTo("apiVersion"))
        .hasMessageContaining("v3");
  }
}
