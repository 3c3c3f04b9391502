package io.tessera.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.graphstore.PortAccess;
import io.tessera.graphstore.Product;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code access} of output ports, validated per protocol through the whole validator. */
class AccessFieldsTest {
  private final DescriptorParser parser = new DescriptorParser();
  private final DescriptorValidator validator = new DescriptorValidator();

  private static String product(String access) {
    return """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: sales, name: orders}
        spec:
          owner: mailto:sales@example.com
          outputPorts:
            - name: orders-table
              dataset: {namespace: "postgres://db:5432", name: sales.public.orders}
              access: %s
        """
        .formatted(access);
  }

  private List<String> errorsOf(String access) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode doc = parser.parse(product(access).getBytes(), false).getFirst();
    validator.validate(0, doc, errors);
    return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  private PortAccess accessOf(String access) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode doc = parser.parse(product(access).getBytes(), false).getFirst();
    var validated = validator.validate(0, doc, errors);
    assertThat(errors).isEmpty();
    Product p = ((ValidatedDocument.ProductDocument) validated).product();
    return p.outputPorts().getFirst().access();
  }

  @Test
  void shouldReadADatabaseServerGivenAsHostPortAndDatabase() {
    PortAccess access =
        accessOf("{protocol: postgres, host: warehouse.example.com, port: 5432, database: sales}");

    assertThat(access.protocol()).isEqualTo("postgres");
    assertThat(access.url()).isNull();
    assertThat(access.endpoint()).isEqualTo("postgres://warehouse.example.com:5432/sales");
  }

  @Test
  void shouldReadAKafkaTopicAndAnObjectStorePathWithTheirFormats() {
    PortAccess kafka =
        accessOf("{protocol: kafka, url: 'kafka://broker:9092', topic: orders.v1, format: avro}");
    PortAccess lake =
        accessOf(
            "{protocol: abfss, url: 'abfss://lake@acme.dfs.core.windows.net/orders/',"
                + " format: delta, documentation: 'https://docs.example.com/orders'}");

    assertThat(kafka.topic()).isEqualTo("orders.v1");
    assertThat(kafka.format()).isEqualTo("avro");
    assertThat(lake.endpoint()).isEqualTo("abfss://lake@acme.dfs.core.windows.net/orders/");
    assertThat(lake.documentation()).isEqualTo("https://docs.example.com/orders");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{protocol: kafka, url: 'kafka://broker:9092'}"
            + "|documents[0].spec.outputPorts[0].access.topic: required for protocol kafka",
        "{protocol: s3, url: 's3://bucket/orders/'}"
            + "|documents[0].spec.outputPorts[0].access.format: required for protocol s3",
        "{protocol: s3, host: bucket, format: parquet}"
            + "|documents[0].spec.outputPorts[0].access.url: required for protocol s3",
        "{protocol: postgres, database: sales}"
            + "|documents[0].spec.outputPorts[0].access.host: required for protocol postgres",
        "{protocol: postgres, url: 'postgres://etl:s3cret@db:5432/sales'}"
            + "|documents[0].spec.outputPorts[0].access.url: must not carry credentials",
        "{protocol: https, url: 'https://api.example.com/v1?api_key=abc'}"
            + "|documents[0].spec.outputPorts[0].access.url: must not carry credentials",
        "{protocol: mysql, url: 'postgres://db:5432/sales'}"
            + "|documents[0].spec.outputPorts[0].access.url: the scheme 'postgres' does not fit",
        "{protocol: ftp, url: 'ftp://files'}"
            + "|documents[0].spec.outputPorts[0].access.protocol: unknown 'ftp'",
        "{protocol: postgres, host: db, port: 70000}"
            + "|documents[0].spec.outputPorts[0].access.port: must be a TCP port number",
        "{protocol: postgres, host: db, topic: orders}"
            + "|documents[0].spec.outputPorts[0].access.topic: only for protocol kafka",
        "{protocol: https, url: 'https://api.example.com', format: yaml}"
            + "|documents[0].spec.outputPorts[0].access.format: unknown 'yaml'",
        "{protocol: postgres, host: db, password: x}"
            + "|documents[0].spec.outputPorts[0].access.password: unknown field",
      })
  void shouldNameTheFieldAndTheRuleOfEveryWrongAccess(String access, String expected) {
    assertThat(errorsOf(access)).anyMatch(e -> e.startsWith(expected));
  }

  @Test
  void shouldRefuseAccessOnInputPorts() {
    List<FieldError> errors = new ArrayList<>();
    String yaml =
        """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: sales, name: orders}
        spec:
          owner: mailto:sales@example.com
          inputPorts:
            - dataset: {namespace: "kafka://broker:9092", name: checkout.events}
              access: {protocol: kafka, url: 'kafka://broker:9092', topic: checkout.events}
        """;
    validator.validate(0, parser.parse(yaml.getBytes(), false).getFirst(), errors);

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("documents[0].spec.inputPorts[0].access");
  }
}
