package io.tessera.searchindex;

/**
 * A search request that cannot be answered as asked: a bad limit, or a cursor not issued for it.
 */
public class InvalidSearchRequestException extends SearchIndexException {
  public InvalidSearchRequestException(String message) {
    super(message);
  }
}
