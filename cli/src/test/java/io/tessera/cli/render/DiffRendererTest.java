package io.tessera.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DiffRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DiffRenderer renderer = new DiffRenderer();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void shouldRenderChangedAddedAndRemovedFieldsLikeKubectlDiff() throws Exception {
    JsonNode changes =
        json(
            "[{'path':'spec.outputPorts[0].schema[2].type','op':'changed','before':'decimal','after':'string'},"
                + "{'path':'spec.tags[1]','op':'added','before':null,'after':'money'},"
                + "{'path':'spec.description','op':'removed','before':'Every refund','after':null}]");

    assertThat(renderer.render(changes))
        .containsExactly(
            "~ spec.outputPorts[0].schema[2].type: decimal -> string",
            "+ spec.tags[1]: money",
            "- spec.description: Every refund");
  }

  @Test
  void shouldSpellOutAnAddedMappingLeafByLeaf() throws Exception {
    JsonNode changes =
        json(
            "[{'path':'spec.outputPorts[1]','op':'added','before':null,"
                + "'after':{'name':'refunds-topic','dataset':{'namespace':'kafka://b:9092','name':'r'},'schema':[]}}]");

    assertThat(renderer.render(changes))
        .containsExactly(
            "+ spec.outputPorts[1].name: refunds-topic",
            "+ spec.outputPorts[1].dataset.namespace: kafka://b:9092",
            "+ spec.outputPorts[1].dataset.name: r",
            "+ spec.outputPorts[1].schema: []");
  }

  @Test
  void shouldSpellOutANewDocumentFromItsRoot() throws Exception {
    JsonNode changes =
        json(
            "[{'path':'','op':'added','before':null,'after':{'kind':'Domain','spec':{'owner':'mailto:a@b'}}}]");

    assertThat(renderer.render(changes))
        .containsExactly("+ kind: Domain", "+ spec.owner: mailto:a@b");
  }

  @Test
  void shouldQuoteValuesThatWouldReadAmbiguously() throws Exception {
    assertThat(DiffRenderer.value(json("'plain-text'"))).isEqualTo("plain-text");
    assertThat(DiffRenderer.value(json("' padded'"))).isEqualTo("\" padded\"");
    assertThat(DiffRenderer.value(json("''"))).isEqualTo("\"\"");
    assertThat(DiffRenderer.value(json("'two\\nlines'"))).isEqualTo("\"two\\nlines\"");
    assertThat(DiffRenderer.value(json("'null'"))).isEqualTo("\"null\"");
    assertThat(DiffRenderer.value(json("null"))).isEqualTo("null");
    assertThat(DiffRenderer.value(json("true"))).isEqualTo("true");
    assertThat(DiffRenderer.value(json("1.5"))).isEqualTo("1.5");
    assertThat(DiffRenderer.value(json("['a','b']"))).isEqualTo("[\"a\",\"b\"]");
  }
}
