package io.tessera.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.descriptors.DescriptorParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlTextTest {
  @Test
  void shouldReadBackAsTheSameJsonWithTheServersParser() throws Exception {
    JsonNode value =
        new ObjectMapper()
            .readTree(
                """
                {"apiVersion":"tessera/v1","kind":"DataProduct",
                 "metadata":{"domain":"sales","name":"orders"},
                 "spec":{"title":"yes","description":"Two lines\\nand: a colon","purpose":" padded ",
                  "tags":["1.0","null","true","~","#hash","- dash","key: value"],
                  "count":3,"ratio":0.5,"flag":false,"nothing":null,"empty":"","list":[],"map":{}}}
                """);

    String yaml = YamlText.of(value);
    JsonNode back =
        new DescriptorParser().parse(yaml.getBytes(StandardCharsets.UTF_8), false).get(0);

    assertThat(back).isEqualTo(value);
    assertThat(yaml).startsWith("apiVersion: tessera/v1\nkind: DataProduct\n");
  }
}
