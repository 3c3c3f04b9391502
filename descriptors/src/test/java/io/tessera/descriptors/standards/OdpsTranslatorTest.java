package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.ontology.RequiresSharedCorpus;
import org.junit.jupiter.api.Test;

class OdpsTranslatorTest {

  private final OdpsTranslator translator = new OdpsTranslator();

  @RequiresSharedCorpus
  @Test
  void shouldMapDraftProductToDesignInItsDeclaredDomain() {
    ObjectNode product = fixture("customer-data-product.odps.yaml");

    assertThat(product.at("/metadata/domain").asText()).isEqualTo("seller");
    assertThat(product.at("/metadata/name").asText()).isEqualTo("customer-data-product");
    JsonNode spec = product.path("spec");
    assertThat(spec.path("title").asText()).isEqualTo("Customer Data Product");
    assertThat(spec.path("lifecycle").asText()).isEqualTo("design");
    assertThat(spec.path("purpose").asText()).isEqualTo("Enterprise view of a customer.");
    assertThat(spec.path("description").asText())
        .isEqualTo(
            "Enterprise view of a customer. Usage: Check the various artefacts for their own"
                + " description. Limitations: No known limitations.");
    assertThat(spec.path("tags")).extracting(JsonNode::asText).containsExactly("customer");
    assertThat(spec.path("classification")).isEmpty();
  }

  @RequiresSharedCorpus
  @Test
  void shouldTakeTheOwnerRoleMemberEmailAsMailtoOwner() {
    ObjectNode product = fixture("customer-data-product.odps.yaml");

    assertThat(product.at("/spec/owner").asText()).isEqualTo("mailto:john.doe@retailcorp.com");
  }

  @RequiresSharedCorpus
  @Test
  void shouldGiveEachVersionOfASameNamedPortADistinctName() {
    ObjectNode product = fixture("customer-data-product.odps.yaml");

    assertThat(product.at("/spec/outputPorts"))
        .extracting(port -> port.path("name").asText())
        .containsExactly(
            "rawtransactions",
            "rawtransactions-v2-0-0",
            "consolidatedtransactions",
            "fulltransactionswithreturns");
    assertThat(product.at("/spec/inputPorts"))
        .extracting(port -> port.path("name").asText())
        .containsExactly(
            "payments", "payments-v2-0-0", "onlinetransactions", "onlinetransactions-v1-1-0");
  }

  @RequiresSharedCorpus
  @Test
  void shouldKeepContractIdsAndTypesWithoutInventingDatasets() {
    ObjectNode product = fixture("customer-data-product.odps.yaml");

    JsonNode output = product.at("/spec/outputPorts/1");
    assertThat(output.path("type").asText()).isEqualTo("table");
    assertThat(output.path("description").asText()).isEqualTo("Raw Transactions");
    assertThat(output.path("contract").asText()).isEqualTo("c2798941-1b7e-4b03-9e0d-955b1a872b33");
    assertThat(output.has("dataset")).isFalse();
    JsonNode input = product.at("/spec/inputPorts/1");
    assertThat(input.path("contract").asText()).isEqualTo("dbb7b1eb-7628-436e-8914-2a00638ba6da");
    assertThat(input.has("dataset")).isFalse();
  }

  @RequiresSharedCorpus
  @Test
  void shouldUseTheFallbackDomainWhenTheProductNamesNone() {
    ObjectNode product = fixture("simple-data-product.odps.yaml");

    assertThat(product.at("/metadata/domain").asText()).isEqualTo("fallback");
    assertThat(product.at("/metadata/name").asText()).isEqualTo("simple-data-product");
    assertThat(product.at("/spec/lifecycle").asText()).isEqualTo("consume");
    assertThat(product.at("/spec/owner").asText()).isEqualTo("urn:tessera:domain:fallback");
    assertThat(product.at("/spec/outputPorts/0/name").asText()).isEqualTo("processed-data");
    assertThat(product.at("/spec/inputPorts/0/name").asText()).isEqualTo("source-data");
  }

  @Test
  void shouldMapPortTypesAndNameProductAfterItsIdWhenUnnamed() {
    ObjectNode product =
        translator.translate(
            StandardFixtures.yaml(
                """
                apiVersion: v1.0.0
                kind: DataProduct
                id: 2f7e-Products
                status: sunset
                domain: Ćatalog Team
                team: {name: Catalog Crew, members: [{username: Jane Roe, role: productOwner}]}
                outputPorts:
                  - {name: events, version: 1.0.0, type: topic}
                  - {name: service, version: 1.0.0, type: api}
                  - {name: dumps, version: 1.0.0, type: files}
                  - {name: other, version: 1.0.0, type: dashboard}
                """),
            null);

    assertThat(product.at("/metadata/name").asText()).isEqualTo("2f7e-products");
    assertThat(product.at("/metadata/domain").asText()).isEqualTo("catalog-team");
    assertThat(product.at("/spec/title").asText()).isEqualTo("2f7e-Products");
    assertThat(product.at("/spec/lifecycle").asText()).isEqualTo("design");
    assertThat(product.at("/spec/owner").asText()).isEqualTo("urn:tessera:user:Jane%20Roe");
    assertThat(product.at("/spec/outputPorts"))
        .extracting(port -> port.path("type").asText())
        .containsExactly("topic", "api", "file", "table");
  }

  @Test
  void shouldRejectOutputPortWithoutName() {
    JsonNode product =
        StandardFixtures.yaml(
            """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-1
            status: active
            domain: sales
            outputPorts:
              - {name: orders, version: 1.0.0}
              - {version: 1.0.0, contractId: c-2}
            """);

    assertThatThrownBy(() -> translator.translate(product, null))
        .isInstanceOfSatisfying(
            StandardImportException.class,
            error -> assertThat(error.field()).isEqualTo("outputPorts[1].name"));
  }

  private ObjectNode fixture(String file) {
    return translator.translate(StandardFixtures.read("odps/" + file), "fallback");
  }
}
