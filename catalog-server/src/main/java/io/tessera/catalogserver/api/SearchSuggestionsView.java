package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.searchindex.Suggestion;
import java.util.List;

/** Typeahead suggestions for a prefix, best first (an empty list when nothing matches). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchSuggestionsView(String prefix, List<Item> suggestions) {

  /** One suggested entity. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(String iri, String type, String title, String qualifiedName, String context) {
    static Item of(Suggestion s) {
      return new Item(s.iri(), s.type().slug(), s.title(), s.qualifiedName(), s.context());
    }
  }

  static SearchSuggestionsView of(String prefix, List<Suggestion> suggestions) {
    return new SearchSuggestionsView(prefix, suggestions.stream().map(Item::of).toList());
  }
}
