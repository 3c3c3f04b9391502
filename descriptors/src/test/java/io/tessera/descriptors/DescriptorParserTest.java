package io.tessera.descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  @Test
  void shouldRefuseABodyBeyondTheCharacterLimit() {
    DescriptorParser small =
        new DescriptorParser(new ParseLimits(100, 64, 50, Duration.ofSeconds(10)));
    byte[] body = ("a: " + "x".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> small.parse(body, false))
        .isInstanceOfSatisfying(
            InvalidDescriptorException.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("body"));
    assertThatThrownBy(
            () ->
                small.parse(
                    ("{\"a\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8), true))
        .isInstanceOf(InvalidDescriptorException.class);
  }

  @Test
  void shouldRefuseNestingDeeperThanTheLimitInYamlAndJson() {
    String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    String json = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";

    assertThatThrownBy(() -> parser.parse(yaml.getBytes(StandardCharsets.UTF_8), false))
        .isInstanceOf(InvalidDescriptorException.class);
    assertThatThrownBy(() -> parser.parse(json.getBytes(StandardCharsets.UTF_8), true))
        .isInstanceOf(InvalidDescriptorException.class);
    assertThat(
            parser.parse(
                ("a: " + "[".repeat(20) + "]".repeat(20)).getBytes(StandardCharsets.UTF_8), false))
        .hasSize(1);
  }

  @Test
  void shouldNotExpandAliasesIntoABomb() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }

    // Jackson reports an alias as its anchor's name; nothing is copied, so ten levels of ten
    // aliases stay ten short lists instead of 10^10 items.
    var documents = parser.parse(yaml.toString().getBytes(StandardCharsets.UTF_8), false);

    assertThat(documents.getFirst().get("a9")).hasSize(10);
    assertThat(documents.getFirst().get("a9").get(0).asText()).isEqualTo("a8");
  }

  @Test
  void shouldStopReadingAtTheDeadline() {
    DescriptorParser quick =
        new DescriptorParser(new ParseLimits(8_000_000, 64, 50, Duration.ofMillis(200)));
    // one comment line of 4 MB: SnakeYAML scans it in quadratic time (tens of seconds)
    byte[] body = ("a: 1\n#" + "x".repeat(4_000_000) + "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> quick.parse(body, false))
        .isInstanceOfSatisfying(
            InvalidDescriptorException.class,
            e ->
                assertThat(e.errors().getFirst().message())
                    .contains("could not be read within 200 ms"));
  }
}
