package io.tessera.catalogserver.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.convert.ConversionError;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

  @Test
  void shouldSayWhereABodyStopsBeingJson() throws Exception {
    Exception parse = parseError("{\n  \"product\": \"sales/orders\",\n  \"purpose\" \"x\"\n}");
    ConversionErrorException e =
        new ConversionErrorException(Argument.of(Object.class, "body"), error(parse, null));

    assertThat(PlainWords.of(Optional.of(e), "Failed to convert argument [body]"))
        .startsWith("The request body is not valid JSON (line 3, column")
        .doesNotContain("Failed", "argument", "Unexpected");
  }

  @Test
  void shouldNameTheParameterAndWhatItMustBe() {
    ConversionErrorException e =
        new ConversionErrorException(
            Argument.of(int.class, "limit"),
            error(new NumberFormatException("For input string: \"ten\""), "ten"));

    assertThat(PlainWords.of(Optional.of(e), "Failed to convert argument [limit]"))
        .isEqualTo("'limit' must be a whole number, not 'ten'.");
  }

  @Test
  void shouldRewriteTheFrameworksRoutingMessages() {
    assertThat(
            PlainWords.of(
                Optional.empty(),
                "Method [PUT] not allowed for URI [/api/v1/search]. Allowed methods: [GET, HEAD]"))
        .isEqualTo("PUT is not possible at this address; it takes GET or HEAD.");
    assertThat(
            PlainWords.of(
                Optional.empty(),
                "Content Type [text/plain] not allowed. Allowed types: [application/json]"))
        .isEqualTo(
            "This address takes application/json, not text/plain: set the Content-Type header to"
                + " one of them.");
    assertThat(PlainWords.of(Optional.empty(), "Page Not Found"))
        .isEqualTo("Nothing is at this address: check the path.");
    assertThat(PlainWords.of(Optional.empty(), "limit must be between 1 and 100"))
        .as("the server's own messages are already plain")
        .isEqualTo("limit must be between 1 and 100");
  }

  private static Exception parseError(String json) {
    try {
      new ObjectMapper().readTree(json);
      throw new AssertionError("parsed: " + json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return e;
    }
  }

  private static ConversionError error(Exception cause, Object value) {
    return new ConversionError() {
      @Override
      public Exception getCause() {
        return cause;
      }

      @Override
      public Optional<Object> getOriginalValue() {
        return Optional.ofNullable(value);
      }
    };
  }
}
