package io.tessera.descriptors.standards;

import static io.tessera.descriptors.standards.DcsTranslatorTest.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.ontology.RequiresSharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Data Contract Specification documents that cannot be imported, and where they are wrong. */
class DcsImportErrorsTest {

  private final StandardDescriptors descriptors = new StandardDescriptors();

  static Stream<Arguments> badContracts() {
    String models = "models: {orders: {fields: {id: {type: long}}}}\n";
    return Stream.of(
        Arguments.of(
            "unknown spec version",
            "dataContractSpecification: 2.0.0\nid: x\ninfo: {title: X}\n" + models,
            "dataContractSpecification",
            "unsupported Data Contract Specification version '2.0.0'"),
        Arguments.of(
            "spec version before 0.9",
            "dataContractSpecification: 0.8.1\nid: x\ninfo: {title: X}\n" + models,
            "dataContractSpecification",
            "ODCS v3.1"),
        Arguments.of(
            "spec version without value",
            "dataContractSpecification:\nid: x\ninfo: {title: X}\n" + models,
            "dataContractSpecification",
            "required"),
        Arguments.of(
            "no id",
            "dataContractSpecification: 1.2.1\ninfo: {title: X}\n" + models,
            "id",
            "required"),
        Arguments.of(
            "info not a mapping",
            "dataContractSpecification: 1.2.1\nid: x\ninfo: [title]\n" + models,
            "info",
            "must be a mapping"),
        Arguments.of("no models", contract(""), "models", "at least one model"),
        Arguments.of(
            "model without fields",
            contract("models: {orders: {type: table, description: Orders}}"),
            "models.orders.fields",
            "at least one field"),
        Arguments.of(
            "model with empty fields",
            contract("models: {orders: {fields: {}}}"),
            "models.orders.fields",
            "at least one field"),
        Arguments.of(
            "unknown model type",
            contract("models: {orders: {type: stream, fields: {id: {type: long}}}}"),
            "models.orders.type",
            "unknown model type 'stream'"),
        Arguments.of(
            "s3 server without location",
            contract("servers: {production: {type: s3, format: json}}\n" + models),
            "servers.production.location",
            "required for s3 servers"),
        Arguments.of(
            "postgres server without database",
            contract("servers: {prod: {type: postgres, host: db, schema: public}}\n" + models),
            "servers.prod.database",
            "required for postgres servers"),
        Arguments.of(
            "server without type",
            contract("servers: {production: {location: 's3://b/x'}}\n" + models),
            "servers.production.type",
            "required"),
        Arguments.of(
            "unsupported server type",
            contract("servers: {production: {type: clickhouse, host: ch, port: 8123}}\n" + models),
            "servers.production.type",
            "unsupported server type 'clickhouse'"),
        Arguments.of(
            "location that is no URL",
            contract("servers: {production: {type: s3, location: orders.json}}\n" + models),
            "servers.production.location",
            "must be a URL"),
        Arguments.of(
            "servers as a list",
            contract("servers: [{type: s3, location: 's3://b'}]\n" + models),
            "servers",
            "must be a mapping"),
        Arguments.of(
            "unknown field type",
            contract("models: {orders: {fields: {id: {type: uuid}}}}"),
            "models.orders.fields.id.type",
            "unknown field type 'uuid'"),
        Arguments.of(
            "required not a boolean",
            contract("models: {orders: {fields: {id: {type: long, required: sometimes}}}}"),
            "models.orders.fields.id.required",
            "must be true or false"),
        Arguments.of(
            "pii not a boolean",
            contract("models: {orders: {fields: {id: {type: long, pii: [yes]}}}}"),
            "models.orders.fields.id.pii",
            "must be true or false"),
        Arguments.of(
            "field not a mapping",
            contract("models: {orders: {fields: {id: long}}}"),
            "models.orders.fields.id",
            "must be a mapping"),
        Arguments.of(
            "nested fields not a mapping",
            contract("models: {orders: {fields: {a: {type: object, fields: [b]}}}}"),
            "models.orders.fields.a.fields",
            "must be a mapping"),
        Arguments.of(
            "classification without letters or digits",
            contract("models: {orders: {fields: {id: {type: long, classification: '!!'}}}}"),
            "models.orders.fields.id.classification",
            "classification name"),
        Arguments.of(
            "primary key naming no field",
            contract("models: {orders: {primaryKey: [id, nope], fields: {id: {type: long}}}}"),
            "models.orders.primaryKey[1]",
            "'nope' names no field"),
        Arguments.of(
            "reference to a missing definition",
            contract("models: {orders: {fields: {id: {$ref: '#/definitions/nope'}}}}"),
            "models.orders.fields.id.$ref",
            "names no definition"),
        Arguments.of(
            "reference to another document",
            contract("models: {orders: {fields: {id: {$ref: 'https://example.com/d.yaml#/id'}}}}"),
            "models.orders.fields.id.$ref",
            "not fetched"),
        Arguments.of(
            "invalid type inside a definition",
            contract(
                "models: {orders: {fields: {id: {$ref: '#/definitions/id'}}}}\n"
                    + "definitions: {id: {type: guid}}"),
            "definitions.id.type",
            "unknown field type 'guid'"),
        Arguments.of(
            "definitions referring to each other",
            contract(
                "models: {orders: {fields: {id: {$ref: '#/definitions/a'}}}}\n"
                    + "definitions: {a: {$ref: '#/definitions/b'}, b: {$ref: '#/definitions/a'}}"),
            "definitions.b.$ref",
            "circular reference"),
        Arguments.of(
            "definition nesting itself",
            contract(
                "models: {orders: {fields: {tree: {$ref: '#/definitions/node'}}}}\n"
                    + "definitions: {node: {type: object, fields: {child: {$ref:"
                    + " '#/definitions/node'}}}}"),
            "definitions.node.fields.child.$ref",
            "circular reference"),
        Arguments.of(
            "nested name taken by a dotted field",
            contract(
                "models: {orders: {fields: {a: {type: object, fields: {b: {type: long}}},"
                    + " a.b: {type: long}}}}"),
            "models.orders.fields[\"a.b\"]",
            "is taken"),
        Arguments.of(
            "freshness threshold that is no duration",
            contract("servicelevels: {freshness: {threshold: soon}}\n" + models),
            "servicelevels.freshness.threshold",
            "not a duration"),
        Arguments.of(
            "freshness threshold too long",
            contract("servicelevels: {freshness: {threshold: 400d}}\n" + models),
            "servicelevels.freshness.threshold",
            "between 1m and 366d"),
        Arguments.of(
            "tags not a list", contract("tags: orders\n" + models), "tags", "must be a list"),
        Arguments.of(
            "link that is not text",
            contract("links: {docs: {url: x}}\n" + models),
            "links.docs",
            "must be text"),
        Arguments.of(
            "no domain and no fallback", contract(models), "domain", "no fallback domain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badContracts")
  void shouldNameTheFieldThatCannotBeImported(
      String scenario, String yaml, String field, String message) {
    String fallback = scenario.startsWith("no domain") ? null : "sales";
    rejection(yaml, fallback)
        .isInstanceOfSatisfying(
            StandardImportException.class, error -> assertThat(error.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @RequiresSharedCorpus
  @Test
  void shouldAnswerAnyMalformedFieldOfTheFixturesWithAFieldErrorNeverAnotherException() {
    List<JsonNode> replacements =
        List.of(
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.textNode("x"),
            JsonNodeFactory.instance.numberNode(7),
            JsonNodeFactory.instance.arrayNode().add("x"),
            JsonNodeFactory.instance.objectNode().put("x", "y"));
    List<String> escaped = new ArrayList<>();
    int rejected = 0;
    for (Path file : StandardFixtures.yamlFiles("datacontract")) {
      JsonNode original = StandardFixtures.read(file);
      for (String pointer : pointers(original, "")) {
        for (JsonNode replacement : replacements) {
          try {
            descriptors.translate(replaced(original, pointer, replacement), "sales");
          } catch (StandardImportException expected) {
            assertThat(expected.field()).isNotBlank();
            assertThat(expected.getMessage()).isNotBlank();
            rejected++;
          } catch (RuntimeException escapedException) {
            escaped.add(
                file.getFileName() + " " + pointer + " = " + replacement + ": " + escapedException);
          }
        }
      }
    }
    assertThat(escaped).isEmpty();
    assertThat(rejected).isPositive();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> rejection(String yaml, String fallback) {
    return assertThatThrownBy(() -> descriptors.translate(StandardFixtures.yaml(yaml), fallback));
  }

  private static List<String> pointers(JsonNode node, String at) {
    List<String> pointers = new ArrayList<>();
    if (!at.isEmpty()) {
      pointers.add(at);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = entry.getKey().replace("~", "~0").replace("/", "~1");
        pointers.addAll(pointers(entry.getValue(), at + "/" + key));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers.addAll(pointers(node.get(i), at + "/" + i));
      }
    }
    return pointers;
  }

  private static JsonNode replaced(JsonNode original, String pointer, JsonNode replacement) {
    JsonNode copy = original.deepCopy();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode object) {
      object.set(last, replacement.deepCopy());
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), replacement.deepCopy());
    }
    return copy;
  }
}
