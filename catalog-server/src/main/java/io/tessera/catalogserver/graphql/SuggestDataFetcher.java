package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchRequest;

/** {@code Query.suggest}: typeahead suggestions the caller may discover. */
final class SuggestDataFetcher
    implements DataFetcher<Connection<SuggestDataFetcher.SuggestionView>> {
  private final SearchIndex index;
  private final GraphQLConfig config;

  SuggestDataFetcher(SearchIndex index, GraphQLConfig config) {
    this.index = index;
    this.config = config;
  }

  /** {@code Suggestion}. */
  record SuggestionView(
      String iri, String type, String title, String qualifiedName, String context) {}

  @Override
  public Connection<SuggestionView> get(DataFetchingEnvironment env) {
    int first = env.getArgument("first");
    if (first < 1 || first > SearchRequest.MAX_LIMIT) {
      throw PageRequest.invalid("first must be between 1 and " + SearchRequest.MAX_LIMIT);
    }
    String prefix = env.getArgument("prefix");
    PageRequest page =
        new PageRequest(first, env.getArgument("after"), null, null, config.defaultPageSize());
    return page.page(
        index.suggest(prefix, SearchRequest.MAX_LIMIT, GraphQLRequest.searchScope(env)).stream()
            .map(
                s ->
                    new SuggestionView(
                        s.iri(), s.type().slug(), s.title(), s.qualifiedName(), s.context()))
            .toList());
  }
}
