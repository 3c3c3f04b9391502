package io.tessera.graphstore;

import java.time.Duration;

/** A SPARQL query ran longer than its timeout and was cancelled. */
public class QueryTimeoutException extends GraphStoreException {
  private final Duration timeout;

  public QueryTimeoutException(Duration timeout, Throwable cause) {
    super("query cancelled after " + timeout.toMillis() + " ms", cause);
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
