package io.tessera.searchindex;

/** The root exception of the search-index module. */
public class SearchIndexException extends RuntimeException {
  public SearchIndexException(String message) {
    super(message);
  }

  public SearchIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
