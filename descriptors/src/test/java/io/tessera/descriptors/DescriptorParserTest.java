package io.tessera.descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DescriptorParserTest {
  private final DescriptorParser parser = new DescriptorParser();

  @Test
  void shouldReadAYamlStreamAndAJsonArrayAsSeveralDocuments() {
    assertThat(parser.parse("a: 1\n---\nb: 2\n---\n".getBytes(StandardCharsets.UTF_8), false))
        .hasSize(2);
    assertThat(
            parser.parse("[{\"a\":1},{\"b\":2},{\"c\":3}]".getBytes(StandardCharsets.UTF_8), true))
        .hasSize(3);
  }

  @Test
  void shouldNameLineAndColumnOfASyntaxError() {
    assertThatThrownBy(
            () -> parser.parse("a: [1, 2\nb: 3\n".getBytes(StandardCharsets.UTF_8), false))
        .isInstanceOfSatisfying(
            InvalidDescriptorException.class,
            e -> assertThat(e.errors().getFirst().message()).startsWith("line "));
  }

  @Test
  void shouldRejectDuplicateKeysInsteadOfKeepingTheLast() {
    assertThatThrownBy(
            () -> parser.parse("name: a\nname: b\n".getBytes(StandardCharsets.UTF_8), false))
        .isInstanceOfSatisfying(
            InvalidDescriptorException.class,
            e -> assertThat(e.errors().getFirst().message()).contains("Duplicate field 'name'"));
  }

  @Test
  void shouldRejectAnEmptyBody() {
    assertThatThrownBy(() -> parser.parse(new byte[0], false))
        .isInstanceOf(InvalidDescriptorException.class);
    assertThatThrownBy(() -> parser.parse("---\n".getBytes(StandardCharsets.UTF_8), false))
        .isInstanceOf(InvalidDescriptorException.class);
  }
}
