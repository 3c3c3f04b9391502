package io.tessera.catalogserver.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.configuration.graphql.GraphQLJsonSerializer;
import io.micronaut.configuration.graphql.JacksonGraphQLJsonSerializer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes GraphQL responses as JSON with Jackson's streaming generator. A response is plain maps,
 * lists, strings, numbers and booleans (graphql-java has already serialised every scalar), which
 * the generator writes directly instead of looking up a serializer for the runtime type of every
 * value, as the general-purpose mapper does; anything else is written by that mapper. Requests are
 * still parsed by it.
 */
@Singleton
@Replaces(JacksonGraphQLJsonSerializer.class)
final class GraphQLJson implements GraphQLJsonSerializer {
  private final JacksonGraphQLJsonSerializer general;
  private final JsonFactory factory = new JsonFactory();

  GraphQLJson(JsonMapper mapper) {
    this.general = new JacksonGraphQLJsonSerializer(mapper);
  }

  @Override
  public String serialize(Object value) {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator json = factory.createGenerator(out)) {
      write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void write(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String s -> json.writeString(s);
      case Boolean b -> json.writeBoolean(b);
      case Integer i -> json.writeNumber(i);
      case Long l -> json.writeNumber(l);
      case Double d when Double.isFinite(d) -> json.writeNumber(d);
      case Float f when Float.isFinite(f) -> json.writeNumber(f);
      case BigDecimal d -> json.writeNumber(d);
      case BigInteger i -> json.writeNumber(i);
      case Map<?, ?> map -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          json.writeFieldName(String.valueOf(e.getKey()));
          write(json, e.getValue());
        }
        json.writeEndObject();
      }
      case Iterable<?> items -> {
        json.writeStartArray();
        for (Object item : items) {
          write(json, item);
        }
        json.writeEndArray();
      }
      default -> json.writeRawValue(general.serialize(value));
    }
  }

  @Override
  public <T> T deserialize(String json, Class<T> type) {
    return general.deserialize(json, type);
  }
}
