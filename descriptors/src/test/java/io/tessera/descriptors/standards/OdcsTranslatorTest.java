package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.ontology.RequiresSharedCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OdcsTranslatorTest {

  private final OdcsTranslator translator = new OdcsTranslator();

  @RequiresSharedCorpus
  @Test
  void shouldMapServerAndPhysicalNameToDatasetIdentity() {
    ObjectNode product = fixture("full-example.odcs.yaml");

    JsonNode port = port(product, "tbl");
    assertThat(port.at("/dataset/namespace").asText()).isEqualTo("postgres://localhost:5432");
    assertThat(port.at("/dataset/name").asText()).isEqualTo("pypl-edw.pp_access_views.tbl_1");
    assertThat(port.path("type").asText()).isEqualTo("table");
    assertThat(port.path("contract").asText()).isEqualTo("53581432-6c55-4ba2-a65f-72344a91553a");
    assertThat(port.path("description").asText()).isEqualTo("Provides core payment metrics");
    assertThat(port(product, "receivers").at("/dataset/name").asText())
        .isEqualTo("pypl-edw.pp_access_views.receivers_master");
  }

  @RequiresSharedCorpus
  @Test
  void shouldPromiseObjectPropertiesUnderTheirPhysicalNames() {
    JsonNode schema = port(fixture("full-example.odcs.yaml"), "tbl").path("schema");

    assertThat(names(schema)).containsExactly("txn_ref_dt", "rcvr_id", "rcvr_cntry_code");
    JsonNode date = schema.get(0);
    assertThat(date.path("type").asText()).isEqualTo("date");
    assertThat(date.path("required").asBoolean(true)).isFalse();
    assertThat(date.path("description").asText()).isEqualTo("Reference date for transaction");
    assertThat(date.path("classification").asText()).isEqualTo("public");
    assertThat(schema.get(1).path("classification").asText()).isEqualTo("restricted");
  }

  @RequiresSharedCorpus
  @Test
  void shouldNameProductAfterDataProductInTheContractDomain() {
    ObjectNode product = fixture("full-example.odcs.yaml");

    assertThat(product.at("/metadata/domain").asText()).isEqualTo("seller");
    assertThat(product.at("/metadata/name").asText()).isEqualTo("my-quantum");
    JsonNode spec = product.path("spec");
    assertThat(spec.path("title").asText()).isEqualTo("my quantum");
    assertThat(spec.path("purpose").asText()).isEqualTo("Views built on top of the seller tables.");
    assertThat(spec.path("description").asText())
        .isEqualTo(
            "Views built on top of the seller tables. Usage: Predict sales over time."
                + " Limitations: Data based on seller perspective, no buyer information.");
    assertThat(spec.path("owner").asText()).isEqualTo("urn:tessera:user:daustin");
    assertThat(spec.path("lifecycle").asText()).isEqualTo("consume");
    assertThat(texts(spec.path("classification"))).containsExactly("public", "restricted");
    assertThat(texts(spec.path("tags"))).containsExactly("transactions");
    assertThat(spec.path("inputPorts")).isEmpty();
  }

  @RequiresSharedCorpus
  @Test
  void shouldMapKafkaServerToTopicPortWithKafkaNamespace() {
    ObjectNode product = fixture("kafka-schema.odcs.yaml");

    JsonNode port = port(product, "orders");
    assertThat(port.path("type").asText()).isEqualTo("topic");
    assertThat(port.at("/dataset/namespace").asText()).isEqualTo("kafka://kafkabroker1:9092");
    assertThat(port.at("/dataset/name").asText()).isEqualTo("orders");
    assertThat(names(port.path("schema"))).containsExactly("cust_id", "prod_id", "qty");
    assertThat(product.at("/metadata/name").asText()).isEqualTo("orders-event-stream");
    assertThat(product.at("/metadata/domain").asText()).isEqualTo("fallback");
    assertThat(product.at("/spec/lifecycle").asText()).isEqualTo("design");
    assertThat(product.at("/spec/owner").asText()).isEqualTo("urn:tessera:domain:fallback");
  }

  @RequiresSharedCorpus
  @Test
  void shouldTellConsumersHowToReachTheServersObjects() {
    JsonNode table = port(fixture("full-example.odcs.yaml"), "tbl").path("access");
    JsonNode topic = port(fixture("kafka-schema.odcs.yaml"), "orders").path("access");

    assertThat(table.path("protocol").asText()).isEqualTo("postgres");
    assertThat(table.path("host").asText()).isEqualTo("localhost");
    assertThat(table.path("port").asInt()).isEqualTo(5432);
    assertThat(table.path("database").asText()).isEqualTo("pypl-edw");
    assertThat(topic.path("url").asText()).isEqualTo("kafka://kafkabroker1:9092");
    assertThat(topic.path("topic").asText()).isEqualTo("orders");
    assertThat(topic.path("format").asText()).isEqualTo("avro");
  }

  @Test
  void shouldGiveNoAccessToAnObjectStoreLocationCarryingCredentials() {
    ObjectNode product =
        translate(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: lake-orders
            version: 1.0.0
            status: active
            servers:
              - {server: lake, type: s3, format: parquet, location: "s3://key:secret@bucket/orders/"}
            schema:
              - {name: orders, properties: [{name: id, logicalType: string}]}
            """);

    assertThat(port(product, "orders").has("access")).isFalse();
  }

  @RequiresSharedCorpus
  @Test
  void shouldImportEveryAdventureWorksTableAsAPortWithItsColumns() {
    ObjectNode product = fixture("postgresql-adventureworks-contract.odcs.yaml");

    JsonNode ports = product.at("/spec/outputPorts");
    assertThat(ports).hasSize(68);
    assertThat(names(ports)).doesNotHaveDuplicates().contains("department", "employee");
    assertThat(ports).allSatisfy(port -> assertThat(port.path("schema")).isNotEmpty());
    assertThat(ports).allSatisfy(port -> assertThat(port.has("dataset")).isFalse());
    assertThat(product.at("/metadata/name").asText())
        .isEqualTo("6aeafdc1-ed62-4c8f-bf0a-da1061c98cdb");
    assertThat(product.at("/spec").has("description")).isFalse();
  }

  @RequiresSharedCorpus
  @Test
  void shouldTurnContractWithOnlyServiceLevelsIntoOneContractPort() {
    ObjectNode product = fixture("database-table-sla.odcs.yaml");

    assertThat(product.at("/metadata/name").asText()).isEqualTo("my-quantum");
    JsonNode ports = product.at("/spec/outputPorts");
    assertThat(ports).hasSize(1);
    assertThat(ports.get(0).path("name").asText()).isEqualTo("my-table");
    assertThat(ports.get(0).path("contract").asText())
        .isEqualTo("53581432-6c55-4ba2-a65f-72344a91553a");
  }

  @Test
  void shouldPreferTheProductionServer() {
    ObjectNode product =
        translate(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            status: active
            domain: sales
            servers:
              - server: dev
                environment: dev
                type: postgres
                host: dev-db
                database: shop
                schema: public
              - server: prod
                environment: prod
                type: snowflake
                account: ACME-PROD
                database: SHOP
                schema: PUBLIC
            schema:
              - {name: orders, physicalName: ORDERS}
            """);

    JsonNode dataset = product.at("/spec/outputPorts/0/dataset");
    assertThat(dataset.path("namespace").asText()).isEqualTo("snowflake://acme-prod");
    assertThat(dataset.path("name").asText()).isEqualTo("SHOP.PUBLIC.ORDERS");
  }

  @Test
  void shouldFlattenNestedPropertiesAndKeepOnlySensitivityLevelsAsClassification() {
    ObjectNode product =
        translate(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: customers
            name: Customers
            status: proposed
            domain: crm
            team:
              - {username: ann@example.com, role: Data Product Owner}
            schema:
              - name: customers
                properties:
                  - {name: id, logicalType: string, required: true, classification: internal}
                  - name: address
                    logicalType: object
                    properties:
                      - {name: street, physicalType: varchar(80), classification: PII}
                  - name: phones
                    logicalType: array
                    items:
                      logicalType: object
                      properties:
                        - {name: number, logicalType: string, classification: "3"}
            """);

    JsonNode schema = product.at("/spec/outputPorts/0/schema");
    assertThat(names(schema))
        .containsExactly("id", "address", "address.street", "phones", "phones.number");
    assertThat(schema.get(0).path("required").asBoolean()).isTrue();
    assertThat(schema.get(2).path("type").asText()).isEqualTo("varchar(80)");
    assertThat(schema.get(1).has("required")).isFalse();
    assertThat(texts(product.at("/spec/classification"))).containsExactly("internal", "pii");
    assertThat(product.at("/spec/owner").asText()).isEqualTo("mailto:ann@example.com");
    assertThat(product.at("/spec/lifecycle").asText()).isEqualTo("ideation");
  }

  @Test
  void shouldGiveObjectsThatSlugAlikeDistinctPortNames() {
    ObjectNode product =
        translate(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            status: active
            domain: sales
            schema:
              - {name: Orders}
              - {name: orders}
              - {name: ORDERS, physicalType: topic}
            """);

    assertThat(names(product.at("/spec/outputPorts")))
        .containsExactly("orders", "orders-2", "orders-3");
    assertThat(product.at("/spec/outputPorts/2/type").asText()).isEqualTo("topic");
  }

  @Test
  void shouldFallBackToTeamOwnerWhenNoCurrentMemberOwnsTheContract() {
    ObjectNode product =
        translate(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            status: retired
            domain: sales
            team:
              name: Sales Analytics
              members:
                - {username: old, role: owner, dateOut: "2020-01-01"}
                - {username: dev, role: engineer}
            schema:
              - {name: orders}
            """);

    assertThat(product.at("/spec/owner").asText()).isEqualTo("urn:tessera:team:sales-analytics");
    assertThat(product.at("/spec/lifecycle").asText()).isEqualTo("retired");
  }

  private ObjectNode fixture(String file) {
    return translator.translate(StandardFixtures.read("odcs/" + file), "fallback");
  }

  private ObjectNode translate(String yaml) {
    return translator.translate(StandardFixtures.yaml(yaml), "fallback");
  }

  private static JsonNode port(ObjectNode product, String name) {
    for (JsonNode port : product.at("/spec/outputPorts")) {
      if (port.path("name").asText().equals(name)) {
        return port;
      }
    }
    throw new AssertionError("no output port " + name + " in " + product);
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(element -> names.add(element.path("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
