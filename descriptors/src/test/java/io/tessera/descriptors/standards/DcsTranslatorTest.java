package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.ontology.RequiresSharedCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DcsTranslatorTest {

  private final DcsTranslator translator = new DcsTranslator();

  @RequiresSharedCorpus
  @Test
  void shouldNameProductAfterContractIdWithInfoAndTerms() {
    ObjectNode product = fixture("orders-latest.datacontract.yaml");

    assertThat(product.at("/metadata/domain").asText()).isEqualTo("fallback");
    assertThat(product.at("/metadata/name").asText()).isEqualTo("orders-latest");
    JsonNode spec = product.path("spec");
    assertThat(spec.path("title").asText()).isEqualTo("Orders Latest");
    assertThat(spec.path("description").asText())
        .startsWith("Successful customer orders in the webshop.\nAll orders since 2020-01-01.")
        .contains(" Usage: Data can be used for reports, analytics and machine learning use cases.")
        .endsWith("Max data processing per day: 10 TiB.");
    assertThat(spec.has("purpose")).isFalse();
    assertThat(spec.path("owner").asText()).isEqualTo("urn:tessera:team:checkout-team");
    assertThat(spec.path("lifecycle").asText()).isEqualTo("design");
    assertThat(texts(spec.path("tags"))).containsExactly("checkout", "orders", "s3");
    assertThat(texts(spec.path("classification")))
        .containsExactly("restricted", "pii", "sensitive");
    assertThat(spec.path("identifier").asText()).isEqualTo("orders-latest");
    assertThat(spec.path("source").asText()).isEqualTo("dcs:1.2.0");
    assertThat(spec.path("inputPorts")).isEmpty();
  }

  @RequiresSharedCorpus
  @Test
  void shouldServeEachModelAtItsS3PrefixOfTheProductionServer() {
    ObjectNode product = fixture("orders-latest.datacontract.yaml");

    assertThat(names(product.at("/spec/outputPorts"))).containsExactly("orders", "line-items");
    JsonNode orders = port(product, "orders");
    assertThat(orders.path("type").asText()).isEqualTo("file");
    assertThat(orders.at("/dataset/namespace").asText())
        .isEqualTo("s3://datacontract-example-orders-latest");
    assertThat(orders.at("/dataset/name").asText()).isEqualTo("v2/orders");
    assertThat(orders.path("contract").asText()).isEqualTo("orders-latest");
    assertThat(orders.path("description").asText())
        .isEqualTo("One record per order. Includes cancelled and deleted orders.");
    assertThat(orders.at("/slo/freshness").asText()).isEqualTo("PT25H");
    assertThat(port(product, "line-items").at("/dataset/name").asText()).isEqualTo("v2/line_items");
  }

  @RequiresSharedCorpus
  @Test
  void shouldPromiseFieldsWithTypesRequiredAndClassificationResolvingDefinitions() {
    ObjectNode product = fixture("orders-latest.datacontract.yaml");

    JsonNode schema = port(product, "orders").path("schema");
    assertThat(names(schema))
        .containsExactly(
            "order_id",
            "order_timestamp",
            "order_total",
            "customer_id",
            "customer_email_address",
            "processed_timestamp");
    JsonNode orderId = schema.get(0);
    assertThat(orderId.path("type").asText()).isEqualTo("text");
    assertThat(orderId.path("required").asBoolean()).isTrue();
    assertThat(orderId.path("description").asText())
        .isEqualTo("An internal ID that identifies an order in the online shop.");
    assertThat(texts(orderId.path("classification"))).containsExactly("restricted", "pii");
    assertThat(schema.get(2).path("type").asText()).isEqualTo("long");
    assertThat(schema.get(3).has("required")).isFalse();
    assertThat(texts(schema.get(4).path("classification"))).containsExactly("sensitive", "pii");

    JsonNode lineItems = port(product, "line-items").path("schema");
    assertThat(lineItems.get(1).path("name").asText()).isEqualTo("order_id");
    assertThat(lineItems.get(1).path("required").asBoolean())
        .as("named in the model's primaryKey")
        .isTrue();
    JsonNode sku = lineItems.get(2);
    assertThat(sku.path("type").asText()).as("from the definition").isEqualTo("text");
    assertThat(sku.path("description").asText())
        .as("the field's own description wins")
        .isEqualTo("The purchased article number");
  }

  @RequiresSharedCorpus
  @Test
  void shouldFlattenNestedObjectAndArrayFields() {
    ObjectNode product = fixture("orders-latest-nested.datacontract.yaml");

    assertThat(product.at("/metadata/name").asText()).isEqualTo("urn-orders-latest-nested");
    assertThat(product.at("/spec/source").asText()).isEqualTo("dcs:0.9.3");
    JsonNode orders = port(product, "orders");
    assertThat(orders.has("dataset")).as("the contract declares no server").isFalse();
    assertThat(orders.path("type").asText()).isEqualTo("table");
    JsonNode schema = orders.path("schema");
    assertThat(names(schema))
        .containsSubsequence(
            "customer_email_address",
            "address",
            "address.street",
            "address.city",
            "address.additional_lines",
            "processed_timestamp");
    assertThat(column(schema, "address").path("type").asText()).isEqualTo("object");
    assertThat(column(schema, "address.city").path("description").asText())
        .isEqualTo("The city name.");
    assertThat(column(schema, "address.additional_lines").path("type").asText()).isEqualTo("array");
    JsonNode lineItemId = column(port(product, "line-items").path("schema"), "lines_item_id");
    assertThat(lineItemId.path("required").asBoolean()).isTrue();
  }

  @RequiresSharedCorpus
  @Test
  void shouldNameThePublicCovidDataSetFromItsWildcardLocation() {
    ObjectNode product = fixture("covid-cases.datacontract.yaml");

    assertThat(product.at("/metadata/name").asText()).isEqualTo("covid-cases");
    assertThat(product.at("/spec/title").asText()).isEqualTo("COVID-19 cases");
    assertThat(product.at("/spec/owner").asText()).isEqualTo("urn:tessera:domain:fallback");
    JsonNode port = port(product, "covid-cases");
    assertThat(port.at("/dataset/namespace").asText()).isEqualTo("s3://covid19-lake");
    assertThat(port.at("/dataset/name").asText()).isEqualTo("enigma-jhu/json");
    assertThat(port.has("slo")).isFalse();
    assertThat(names(port.path("schema"))).hasSize(9).startsWith("fips", "admin2");
    assertThat(column(port.path("schema"), "last_update").path("type").asText())
        .isEqualTo("timestamp_ntz");
  }

  @Test
  void shouldNameDatabaseAndTopicDatasetsLikeOdcsServers() {
    String models = "models: {orders: {fields: {id: {type: long}}}}";

    assertThat(dataset("{type: postgres, host: db, port: 5432, database: shop, schema: public}"))
        .isEqualTo(new DatasetIdentity("postgres://db:5432", "shop.public.orders"));
    assertThat(dataset("{type: BigQuery, project: acme, dataset: sales}"))
        .isEqualTo(new DatasetIdentity("bigquery", "acme.sales.orders"));
    assertThat(dataset("{type: snowflake, account: ACME-EU, database: SHOP, schema: PUBLIC}"))
        .isEqualTo(new DatasetIdentity("snowflake://acme-eu", "SHOP.PUBLIC.orders"));
    assertThat(
            dataset(
                "{type: databricks, host: adb-1.azuredatabricks.net, catalog: main, schema: s}"))
        .isEqualTo(
            new DatasetIdentity("unitycatalog://adb-1.azuredatabricks.net", "main.s.orders"));
    assertThat(dataset("{type: kafka, host: 'broker:9092', topic: orders.v1, format: avro}"))
        .isEqualTo(new DatasetIdentity("kafka://broker:9092", "orders.v1"));
    assertThat(dataset("{type: pubsub, project: acme, topic: clicks}"))
        .isEqualTo(new DatasetIdentity("pubsub", "topic:acme:clicks"));
    assertThat(
            dataset(
                "{type: redshift, account: '1', database: dw, schema: s, endpoint:"
                    + " 'c1.abc.eu-west-1.redshift.amazonaws.com:5439/dw'}"))
        .isEqualTo(new DatasetIdentity("redshift://c1.eu-west-1:5439", "dw.s.orders"));
    assertThat(
            translate(contract("servers: {p: {type: kafka, host: b, topic: t}}\n" + models))
                .at("/spec/outputPorts/0/type")
                .asText())
        .isEqualTo("topic");
  }

  @Test
  void shouldPreferTheProductionServer() {
    ObjectNode product =
        translate(
            contract(
                """
                servers:
                  development: {type: postgres, host: dev, database: shop, schema: public}
                  main: {type: postgres, environment: PROD, host: prod, database: shop, schema: s}
                  production: {type: postgres, host: other, database: shop, schema: public}
                models:
                  orders: {fields: {id: {type: long}}}
                """));

    assertThat(product.at("/spec/outputPorts/0/dataset/namespace").asText())
        .isEqualTo("postgres://prod:5432");
  }

  @Test
  void shouldFallBackToTheServerNamedProduction() {
    ObjectNode product =
        translate(
            contract(
                """
                servers:
                  development: {type: s3, location: "s3://dev-bucket/{model}"}
                  production: {type: s3, location: "s3://prod-bucket/{model}/*.parquet"}
                models:
                  orders: {fields: {id: {type: long}}}
                """));

    assertThat(product.at("/spec/outputPorts/0/dataset/namespace").asText())
        .isEqualTo("s3://prod-bucket");
    assertThat(product.at("/spec/outputPorts/0/dataset/name").asText()).isEqualTo("orders");
  }

  @Test
  void shouldResolveChainedDefinitionsWithSlashesAndNestedRefs() {
    ObjectNode product =
        translate(
            contract(
                """
                models:
                  customers:
                    fields:
                      id: {$ref: "#/definitions/crm/customer_id", required: true}
                      address: {$ref: "#/definitions/address"}
                      phones:
                        type: array
                        items: {type: object, fields: {number: {type: string, pii: true}}}
                definitions:
                  crm/customer_id: {$ref: "#/definitions/id", description: Customer}
                  id: {type: string, classification: Internal}
                  address:
                    type: object
                    fields:
                      street: {type: string, title: Street and number}
                      geo: {type: object, fields: {lat: {type: double}}}
                """));

    JsonNode schema = product.at("/spec/outputPorts/0/schema");
    assertThat(names(schema))
        .containsExactly(
            "id",
            "address",
            "address.street",
            "address.geo",
            "address.geo.lat",
            "phones",
            "phones.number");
    JsonNode id = schema.get(0);
    assertThat(id.path("type").asText()).isEqualTo("string");
    assertThat(id.path("description").asText()).isEqualTo("Customer");
    assertThat(id.path("classification").asText()).isEqualTo("internal");
    assertThat(id.path("required").asBoolean()).isTrue();
    assertThat(schema.get(2).path("description").asText()).isEqualTo("Street and number");
    assertThat(schema.get(6).path("classification").asText()).isEqualTo("pii");
    assertThat(texts(product.at("/spec/classification"))).containsExactly("internal", "pii");
  }

  @Test
  void shouldReadOwnerContactStatusAndFreshnessInOtherUnits() {
    ObjectNode product =
        translate(
            """
            dataContractSpecification: 1.1.0
            id: orders
            info:
              title: Orders
              version: 1.0.0
              status: active
              contact: {name: Ann, email: ann@example.com}
            servicelevels:
              freshness: {threshold: 90 minutes}
            models:
              orders: {type: view, fields: {id: {type: long}}}
            """);

    assertThat(product.at("/spec/owner").asText()).isEqualTo("mailto:ann@example.com");
    assertThat(product.at("/spec/lifecycle").asText()).isEqualTo("consume");
    assertThat(product.at("/spec/outputPorts/0/slo/freshness").asText()).isEqualTo("PT1H30M");
    assertThat(product.at("/spec/source").asText()).isEqualTo("dcs:1.1.0");
  }

  @Test
  void shouldParseThresholdsInShortLongAndIsoForm() {
    assertThat(DcsServiceLevels.duration("25h")).hasHours(25);
    assertThat(DcsServiceLevels.duration("2 days")).hasDays(2);
    assertThat(DcsServiceLevels.duration("1w")).hasDays(7);
    assertThat(DcsServiceLevels.duration("PT30M")).hasMinutes(30);
    assertThat(DcsServiceLevels.duration("soon")).isNull();
    assertThat(DcsServiceLevels.duration("3 fortnights")).isNull();
  }

  private DatasetIdentity dataset(String server) {
    ObjectNode product =
        translate(
            contract(
                "servers: {production: "
                    + server
                    + "}\nmodels: {orders: {fields: {id: {type: long}}}}"));
    JsonNode dataset = product.at("/spec/outputPorts/0/dataset");
    return new DatasetIdentity(dataset.path("namespace").asText(), dataset.path("name").asText());
  }

  static String contract(String rest) {
    return """
        dataContractSpecification: 1.2.1
        id: test-contract
        info: {title: Test, version: 1.0.0}
        """
        + rest;
  }

  private ObjectNode fixture(String file) {
    return translator.translate(StandardFixtures.read("datacontract/" + file), "fallback");
  }

  private ObjectNode translate(String yaml) {
    return translator.translate(StandardFixtures.yaml(yaml), "fallback");
  }

  private static JsonNode port(ObjectNode product, String name) {
    return named(product.at("/spec/outputPorts"), name);
  }

  private static JsonNode column(JsonNode schema, String name) {
    return named(schema, name);
  }

  private static JsonNode named(JsonNode array, String name) {
    for (JsonNode element : array) {
      if (element.path("name").asText().equals(name)) {
        return element;
      }
    }
    throw new AssertionError("nothing named " + name + " in " + array);
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(element -> names.add(element.path("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
