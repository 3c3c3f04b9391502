package io.tessera.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DescriptorOutlineTest {

  private static final String PRODUCT =
      """
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: fjord, name: accounts}
      spec:
        title: Accounts
        owner: mailto:fjord@example.com
        lifecycle: consume
        classification: [pii]
        groups:
          - {namespace: "postgres://lk:5432", name: fjord.public.audit}
        outputPorts:
          - name: accounts-table
            type: table
            contract: accounts-contract
            dataset: {namespace: "postgres://lk:5432", name: fjord.public.accounts}
            schema: [{name: iban, type: string}]
            slo: {freshness: PT1H}
        inputPorts:
          - name: raw
            dataset: {namespace: "postgres://lk:5432", name: fjord.public.raw}
      """;

  @Test
  void shouldKeepWhatTheCatalogEntryShowsAndDropDatasetsSchemasSlosAndGroups() {
    ObjectNode product =
        (ObjectNode)
            new DescriptorParser().parse(PRODUCT.getBytes(StandardCharsets.UTF_8), false).get(0);

    ObjectNode outline = DescriptorOutline.of(product);

    assertThat(outline.at("/metadata/name").asText()).isEqualTo("accounts");
    assertThat(outline.at("/spec/title").asText()).isEqualTo("Accounts");
    assertThat(outline.at("/spec/classification/0").asText()).isEqualTo("pii");
    assertThat(outline.at("/spec/outputPorts/0").toString())
        .isEqualTo(
            "{\"name\":\"accounts-table\",\"type\":\"table\",\"contract\":\"accounts-contract\"}");
    assertThat(outline.at("/spec/inputPorts/0").toString()).isEqualTo("{\"name\":\"raw\"}");
    assertThat(outline.toString()).doesNotContain("fjord.public", "iban", "PT1H", "groups");
    assertThat(product.toString()).contains("iban");
  }
}
