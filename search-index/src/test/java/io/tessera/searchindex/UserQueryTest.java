package io.tessera.searchindex;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.searchindex.query.UserQuery;
import org.junit.jupiter.api.Test;

/** Reading user input without query syntax. */
class UserQueryTest {

  @Test
  void shouldReadWordsPhrasesAndPrefixes() {
    UserQuery q = UserQuery.parse("  orders \"net amount\" cust* ");

    assertThat(q.parts())
        .containsExactly(
            new UserQuery.Word("orders", false),
            new UserQuery.Phrase("net amount"),
            new UserQuery.Word("cust", true));
    assertThat(q.exactKey()).isEqualTo("orders net amount cust");
    assertThat(q.openEnded()).isFalse();
  }

  @Test
  void shouldKeepOperatorsAndFieldNamesAsText() {
    UserQuery q = UserQuery.parse("title:orders AND (x");

    assertThat(q.parts())
        .containsExactly(
            new UserQuery.Word("title:orders", false),
            new UserQuery.Word("AND", false),
            new UserQuery.Word("(x", false));
    assertThat(q.openEnded()).isTrue();
  }

  @Test
  void shouldCutLongInputAndManyWords() {
    assertThat(UserQuery.parse("word ".repeat(1000)).parts()).hasSize(UserQuery.MAX_PARTS);
    assertThat(UserQuery.parse("a".repeat(5000)).exactKey()).hasSizeLessThanOrEqualTo(256);
  }

  @Test
  void shouldCleanControlCharactersAndNormaliseUnicode() {
    UserQuery q = UserQuery.parse("ﬁle\u0000name");

    assertThat(q.parts())
        .containsExactly(new UserQuery.Word("file", false), new UserQuery.Word("name", false));
  }

  @Test
  void shouldBeBlankForNothingButSpacesAndQuotes() {
    assertThat(UserQuery.parse(null).isBlank()).isTrue();
    assertThat(UserQuery.parse(" \" \" ").isBlank()).isTrue();
    assertThat(UserQuery.parse("*").isBlank()).isTrue();
  }
}
