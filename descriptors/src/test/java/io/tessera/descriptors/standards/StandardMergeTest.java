package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardMergeTest {

  private static final String ODPS =
      """
      apiVersion: v1.0.0
      kind: DataProduct
      id: orders-product
      name: Customer orders
      domain: sales
      status: active
      description: {purpose: Revenue reporting}
      tags: [orders]
      team:
        members: [{username: sales-lead@example.com, role: owner}]
      outputPorts:
        - {name: orders, version: 1.0.0, type: tables, contractId: orders-contract,
           description: Order lines for reporting}
        - {name: refunds, version: 1.0.0, contractId: refunds-contract}
      inputPorts:
        - {name: checkout, version: 1.0.0, contractId: checkout-contract}
      """;

  private static final String ODCS =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: orders-contract
      version: 2.0.0
      status: draft
      name: Orders contract
      dataProduct: Customer orders
      domain: sales
      description: {purpose: The contract for orders, usage: Join on order_id}
      tags: [finance]
      team:
        members: [{username: contract-steward@example.com, role: owner}]
      servers:
        - {server: prod, type: postgres, environment: prod, host: warehouse, port: 5432,
           database: sales, schema: public}
      schema:
        - name: order_lines
          physicalName: orders
          description: One row per order line
          properties:
            - {name: order_id, logicalType: string, required: true}
            - {name: email, logicalType: string, classification: pii}
        - name: order_totals
          physicalName: order_totals
          properties:
            - {name: total, logicalType: number}
      """;

  private final StandardDescriptors standards = new StandardDescriptors();
  private final StandardMerge merge = new StandardMerge();

  @Test
  void shouldKeepTheProductLevelFieldsOfTheOdpsDocument() {
    JsonNode spec = merged(ODPS, ODCS).path("spec");

    assertThat(spec.path("title").asText()).isEqualTo("Customer orders");
    assertThat(spec.path("owner").asText()).isEqualTo("mailto:sales-lead@example.com");
    assertThat(spec.path("purpose").asText()).isEqualTo("Revenue reporting");
    assertThat(spec.path("lifecycle").asText()).isEqualTo("consume");
    assertThat(spec.path("identifier").asText()).isEqualTo("orders-product");
    assertThat(spec.path("source").asText()).isEqualTo("odps:v1.0.0");
  }

  @Test
  void shouldUniteTagsAndTakeTheClassificationOnlyTheContractKnows() {
    JsonNode spec = merged(ODPS, ODCS).path("spec");

    assertThat(texts(spec.path("tags"))).containsExactly("orders", "finance");
    assertThat(texts(spec.path("classification"))).containsExactly("pii");
  }

  @Test
  void shouldGiveTheContractsSchemaAndDatasetToThePortThatNamesTheContract() {
    JsonNode ports = merged(ODPS, ODCS).at("/spec/outputPorts");

    assertThat(ports).hasSize(3);
    JsonNode orders = ports.get(0);
    assertThat(orders.path("name").asText()).isEqualTo("orders");
    assertThat(orders.path("description").asText()).isEqualTo("Order lines for reporting");
    assertThat(orders.path("contract").asText()).isEqualTo("orders-contract");
    assertThat(orders.at("/dataset/namespace").asText()).isEqualTo("postgres://warehouse:5432");
    assertThat(orders.at("/dataset/name").asText()).isEqualTo("sales.public.orders");
    assertThat(texts(orders.path("schema").findValues("name")))
        .containsExactly("order_id", "email");
    JsonNode refunds = ports.get(1);
    assertThat(refunds.path("name").asText()).isEqualTo("refunds");
    assertThat(refunds.has("schema")).isFalse();
    JsonNode totals = ports.get(2);
    assertThat(totals.path("name").asText()).isEqualTo("order-totals");
    assertThat(totals.at("/dataset/name").asText()).isEqualTo("sales.public.order_totals");
  }

  @Test
  void shouldMatchAContractPortByNameBeforeByContract() {
    String odps = ODPS.replace("- {name: refunds,", "- {name: order-totals,");

    JsonNode ports = merged(odps, ODCS).at("/spec/outputPorts");

    assertThat(ports).hasSize(2);
    assertThat(ports.get(1).path("name").asText()).isEqualTo("order-totals");
    assertThat(ports.get(1).path("contract").asText()).isEqualTo("refunds-contract");
    assertThat(ports.get(1).at("/schema/0/name").asText()).isEqualTo("total");
  }

  @Test
  void shouldTakeTheContractsOwnerAndDescriptionWhenTheProductGivesNone() {
    String odps =
        ODPS.replace("description: {purpose: Revenue reporting}\n", "")
            .replaceAll("team:\n  members: \\[[^]]*]\n", "");

    JsonNode spec = merged(odps, ODCS).path("spec");

    assertThat(spec.path("owner").asText()).isEqualTo("mailto:contract-steward@example.com");
    assertThat(spec.path("purpose").asText()).isEqualTo("The contract for orders");
    assertThat(spec.path("title").asText()).isEqualTo("Customer orders");
  }

  @Test
  void shouldLeaveDocumentsOfOtherProductsAndTheOrderOfTheRequestAlone() {
    JsonNode odps = StandardFixtures.yaml(ODPS);
    JsonNode other =
        StandardFixtures.yaml(ODCS.replace("dataProduct: Customer orders", "dataProduct: Refunds"));
    JsonNode odcs = StandardFixtures.yaml(ODCS);
    List<JsonNode> originals = List.of(odcs, other, odps);

    List<JsonNode> result = merge.merge(originals, translate(originals));

    assertThat(result.get(0)).isNull();
    assertThat(result.get(1).at("/metadata/name").asText()).isEqualTo("refunds");
    assertThat(result.get(2).at("/metadata/name").asText()).isEqualTo("customer-orders");
    assertThat(result.get(2).at("/spec/outputPorts/0/schema")).hasSize(2);
  }

  @Test
  void shouldMergeIntoADocumentThatValidates() {
    ObjectNode product = merged(ODPS, ODCS);

    List<FieldError> errors = new ArrayList<>();
    assertThat(new DescriptorValidator().validate(0, product, errors)).isNotNull();
    assertThat(errors).isEmpty();
  }

  @Test
  void shouldMergeTheOdpsAndOdcsExportsOfAProductIntoTheSameProduct() {
    ObjectNode product =
        (ObjectNode)
            StandardFixtures.yaml(
                """
                apiVersion: tessera/v1
                kind: DataProduct
                metadata: {domain: customer, name: profiles}
                spec:
                  title: Customer Profiles
                  description: One row per customer.
                  purpose: Personalisation.
                  owner: mailto:crm@example.com
                  lifecycle: consume
                  classification: [pii]
                  tags: [customer]
                  outputPorts:
                    - name: profiles-table
                      type: table
                      dataset: {namespace: "postgres://crm:5432", name: crm.public.profiles}
                      schema:
                        - {name: customer_id, type: string, required: true}
                        - {name: email, type: string, classification: pii}
                      slo: {freshness: PT24H}
                """);
    StandardExports exports = new StandardExports();
    List<JsonNode> originals =
        List.of(exports.odps(product, "urn:x"), exports.odcs(product, "urn:x"));

    List<JsonNode> result = merge.merge(originals, translate(originals));

    CanonicalJson canonical = new CanonicalJson();
    assertThat(result.get(1)).isNull();
    assertThat(canonical.write(result.get(0))).isEqualTo(canonical.write(product));
  }

  private ObjectNode merged(String odps, String odcs) {
    List<JsonNode> originals = List.of(StandardFixtures.yaml(odps), StandardFixtures.yaml(odcs));
    List<JsonNode> result = merge.merge(originals, translate(originals));
    assertThat(result.get(1)).isNull();
    return (ObjectNode) result.get(0);
  }

  private List<JsonNode> translate(List<JsonNode> originals) {
    return originals.stream()
        .<JsonNode>map(document -> standards.translate(document, null).orElseThrow())
        .toList();
  }

  private static List<String> texts(Iterable<JsonNode> nodes) {
    List<String> texts = new ArrayList<>();
    nodes.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
