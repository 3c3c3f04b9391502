package io.tessera.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.graphstore.Product;
import io.tessera.ontology.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptorValidatorTest {
  private final DescriptorParser parser = new DescriptorParser();
  private final DescriptorValidator validator = new DescriptorValidator();

  static final String VALID =
      """
      apiVersion: tessera/v1
      kind: DataProduct
      metadata: {domain: sales, name: orders}
      spec:
        title: Orders
        owner: mailto:sales@example.com
        lifecycle: build
        classification: [pii]
        outputPorts:
          - name: orders-table
            dataset: {namespace: "postgres://db:5432", name: sales.public.orders}
            schema:
              - {name: order_id, type: string, required: true}
        inputPorts:
          - dataset: {namespace: "kafka://broker:9092", name: checkout.events}
      """;

  private List<FieldError> errorsOf(String yaml) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode doc = parser.parse(yaml.getBytes(), false).getFirst();
    validator.validate(0, doc, errors);
    return errors;
  }

  @Test
  void shouldTurnAValidDocumentIntoAProductWithDerivedInputPortName() {
    List<FieldError> errors = new ArrayList<>();
    var doc = validator.validate(0, parser.parse(VALID.getBytes(), false).getFirst(), errors);

    assertThat(errors).isEmpty();
    Product product = ((ValidatedDocument.ProductDocument) doc).product();
    assertThat(product.lifecycle()).isEqualTo(Lifecycle.BUILD);
    assertThat(product.inputPorts().getFirst().name()).isEqualTo("checkout-events");
    assertThat(product.outputPorts().getFirst().schema().getFirst().required()).isTrue();
  }

  @Test
  void shouldAcceptTheThinSliceOfNameOwnerAndPromisedPort() {
    assertThat(
            errorsOf(
                """
                apiVersion: tessera/v1
                kind: DataProduct
                metadata: {domain: sales, name: returns}
                spec:
                  owner: mailto:sales@example.com
                  outputPorts:
                    - {name: returns, dataset: {namespace: "s3://lake", name: returns/}}
                """))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing dataset name      | dataset: {namespace: "postgres://db:5432", name: sales.public.orders} | dataset: {namespace: "postgres://db:5432"} | documents[0].spec.outputPorts[0].dataset.name | required
          bad product name          | name: orders}                   | name: Orders Table}           | documents[0].metadata.name | is not a valid name
          unknown lifecycle         | lifecycle: build                | lifecycle: live               | documents[0].spec.lifecycle | unknown 'live'
          unknown field (typo)      | outputPorts:                    | ouputPorts:                   | documents[0].spec.ouputPorts | unknown field
          relative owner            | owner: mailto:sales@example.com | owner: sales team             | documents[0].spec.owner | is not a link: write an e-mail address as mailto:
          javascript owner          | owner: mailto:sales@example.com | owner: "javascript:alert(document.domain)" | documents[0].spec.owner | scheme 'javascript' is not allowed
          data owner                | owner: mailto:sales@example.com | owner: "data:text/html,hello"   | documents[0].spec.owner | scheme 'data' is not allowed
          file owner                | owner: mailto:sales@example.com | owner: file:///etc/passwd     | documents[0].spec.owner | scheme 'file' is not allowed
          unknown port type         | - name: orders-table            | - type: spreadsheet\\n      name: orders-table | documents[0].spec.outputPorts[0].type | unknown 'spreadsheet'
          wrong apiVersion          | apiVersion: tessera/v1          | apiVersion: tessera/v0        | documents[0].apiVersion | unsupported
          unknown kind              | kind: DataProduct               | kind: Dataset                 | documents[0].kind | unknown kind
          required not boolean      | required: true}                 | required: maybe}              | documents[0].spec.outputPorts[0].schema[0].required | true or false
          classification not a slug | classification: [pii]           | classification: [Top Secret]  | documents[0].spec.classification[0] | classification name
          missing owner             | owner: mailto:sales@example.com | purpose: none                 | documents[0].spec.owner | required
          tags not a list           | classification: [pii]           | tags: orders                  | documents[0].spec.tags | must be a list
          namespace with spaces     | namespace: "postgres://db:5432" | namespace: "our warehouse"    | documents[0].spec.outputPorts[0].dataset.namespace | cannot match what pipelines report
          namespace without scheme  | namespace: "postgres://db:5432" | namespace: warehouse          | documents[0].spec.outputPorts[0].dataset.namespace | with a scheme, e.g. postgres://
          """)
  void shouldNameTheFieldThatIsWrong(
      String scenario, String find, String replace, String field, String message) {
    String yaml = VALID.replace(find, replace.replace("\\n", "\n"));
    assertThat(yaml).as("scenario edits the document").isNotEqualTo(VALID);

    assertThat(errorsOf(yaml))
        .anySatisfy(
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.message()).contains(message);
            });
  }

  @Test
  void shouldRequireOutputPortsOnceAProductIsBuilt() {
    String yaml = VALID.replaceAll("(?s)  outputPorts:.*?  inputPorts:", "  inputPorts:");

    assertThat(errorsOf(yaml))
        .extracting(FieldError::field, FieldError::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "documents[0].spec.outputPorts",
                "a product in build must promise at least one output port"));
  }

  @Test
  void shouldReportDuplicatePortAndColumnNames() {
    String yaml =
        VALID.replace(
            "        - {name: order_id, type: string, required: true}",
            "        - {name: order_id}\n"
                + "        - {name: order_id}\n"
                + "    - name: orders-table\n"
                + "      contract: c-1");
    assertThat(yaml).isNotEqualTo(VALID);

    assertThat(errorsOf(yaml))
        .extracting(FieldError::field)
        .contains(
            "documents[0].spec.outputPorts[0].schema[1].name",
            "documents[0].spec.outputPorts[1].name");
  }

  @Test
  void shouldRejectADocumentThatIsNotAMapping() {
    List<FieldError> errors = new ArrayList<>();
    validator.validate(
        3, parser.parse("- just\n- a list of strings\n".getBytes(), false).getFirst(), errors);

    assertThat(errors).extracting(FieldError::field).containsExactly("documents[3]");
  }

  @ParameterizedTest
  @CsvSource({
    "https://example.com/teams/sales, true",
    "HTTP://example.com/sales, true",
    "mailto:sales@example.com, true",
    "urn:tessera:team:sales, true",
    "javascript:alert(1), false",
    "vbscript:msgbox, false",
    "ftp://example.com/x, false",
    "mailto:, false",
    "https:, false"
  })
  void shouldAcceptOnlySafeSchemesForADomainOwner(String owner, boolean accepted) {
    String yaml =
        "apiVersion: tessera/v1\nkind: Domain\nmetadata: {name: sales}\nspec: {owner: '"
            + owner
            + "'}\n";

    List<FieldError> errors = errorsOf(yaml);

    if (accepted) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.field()).isEqualTo("documents[0].spec.owner");
                assertThat(e.message())
                    .containsAnyOf("is not allowed", "names no one", "is not a link");
              });
    }
  }

  @Test
  void shouldReadAPolicysAccessRulesAndNameEachWrongField() {
    List<FieldError> errors = new ArrayList<>();
    var doc =
        validator.validate(
            0,
            parser
                .parse(
                    """
                    apiVersion: tessera/v1
                    kind: Policy
                    metadata: {domain: customer, name: churn-access}
                    spec:
                      targets: {products: [churn-risk-scores]}
                      access: {approval: automatic, maxDuration: P30D}
                    """
                        .getBytes(),
                    false)
                .getFirst(),
            errors);
    assertThat(errors).isEmpty();
    io.tessera.governance.Policy policy = ((ValidatedDocument.PolicyDocument) doc).policy();
    assertThat(policy.access())
        .isEqualTo(
            new io.tessera.governance.Policy.Access(
                io.tessera.governance.Policy.Approval.AUTOMATIC, 30));

    assertThat(
            errorsOf(
                """
                apiVersion: tessera/v1
                kind: Policy
                metadata: {domain: customer, name: churn-access}
                spec:
                  targets: {products: [churn-risk-scores]}
                  access: {approval: sometimes, maxDuration: 30 days, extra: 1}
                """))
        .extracting(FieldError::field)
        .contains(
            "documents[0].spec.access.approval",
            "documents[0].spec.access.maxDuration",
            "documents[0].spec.access.extra");
  }
}
