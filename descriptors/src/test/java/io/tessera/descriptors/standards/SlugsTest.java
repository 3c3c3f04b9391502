package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

  @ParameterizedTest
  @CsvSource({
    "Customer Data Product,customer-data-product",
    "'payments ',payments",
    "my_quantum,my-quantum",
    "Crème Brûlée,creme-brulee",
    "--Orders--v2--,orders-v2",
    "fbe8d147-28db-4f1d-bedf-a3fe9f458427,fbe8d147-28db-4f1d-bedf-a3fe9f458427"
  })
  void shouldTurnFreeTextIntoSlug(String text, String slug) {
    assertThat(Slugs.slug(text)).contains(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "???", "日本"})
  void shouldHaveNoSlugForTextWithoutLettersOrDigits(String text) {
    assertThat(Slugs.slug(text)).isEmpty();
  }

  @Test
  void shouldCutLongTextTo63CharactersWithoutTrailingDash() {
    String slug = Slugs.slug("a".repeat(62) + " tail").orElseThrow();

    assertThat(slug).isEqualTo("a".repeat(62)).matches("^[a-z0-9][a-z0-9-]{0,62}$");
  }

  @Test
  void shouldTakeTheFirstCandidateThatHasASlug() {
    assertThat(Slugs.firstSlug(null, "!!", "Sales Team")).contains("sales-team");
    assertThat(Slugs.firstSlug(null, "")).isEmpty();
  }
}
