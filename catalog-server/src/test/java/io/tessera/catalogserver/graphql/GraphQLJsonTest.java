package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.graphql.JacksonGraphQLJsonSerializer;
import io.micronaut.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GraphQL responses are written as the general-purpose JSON mapper would write them. */
class GraphQLJsonTest {
  private final JsonMapper mapper = JsonMapper.createDefault();
  private final GraphQLJson json = new GraphQLJson(mapper);

  @Test
  void shouldWriteAResponseAsTheGeneralMapperDoes() throws Exception {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("name", "orders \"daily\"\n\t\\ naïve 😀 </script>");
    product.put("description", null);
    product.put("count", 42);
    product.put("big", 9_007_199_254_740_993L);
    product.put("ratio", 0.25);
    product.put("exact", new BigDecimal("12345678901234567890.5"));
    product.put("physical", true);
    product.put("tags", List.of("a", "b"));
    product.put("since", Instant.parse("2026-11-22T04:00:00Z"));
    product.put("ports", new ArrayList<>(Arrays.asList(Map.of("port", "out"), null)));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("data", Map.of("product", product));
    response.put(
        "errors",
        List.of(
            Map.of(
                "message",
                "no product",
                "locations",
                List.of(Map.of("line", 1, "column", 3)),
                "extensions",
                Map.of("code", "not-found"))));

    String written = json.serialize(response);

    assertThat(mapper.readValue(written, Object.class))
        .isEqualTo(
            mapper.readValue(
                new JacksonGraphQLJsonSerializer(mapper).serialize(response), Object.class));
    assertThat(written).startsWith("{\"data\":{\"product\":{\"name\":\"orders \\\"daily\\\"\\n");
    assertThat(json.serialize(null)).isEqualTo("null");
  }
}
