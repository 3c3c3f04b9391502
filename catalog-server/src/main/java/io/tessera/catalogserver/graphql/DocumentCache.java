package io.tessera.catalogserver.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated query documents by query text, so that a client sending the same query
 * again (with other variables) skips parsing and validation, which cost more than the execution of
 * a small query.
 *
 * <p>The limits stay exact: graphql-java checks depth and complexity when it starts executing the
 * operation (with the request's variables), which happens on every request whether or not the
 * document came from here. Only documents that parsed and validated without errors are kept, so
 * every invalid query is parsed and reported afresh. The document depends on nothing but the query
 * text and the schema (which is fixed for the life of the server), not on the caller.
 *
 * <p>Bounded: at most {@code maxEntries} documents (least recently used first out), and queries
 * longer than {@code maxQueryLength} characters are not kept at all.
 */
final class DocumentCache implements PreparsedDocumentProvider {
  private final int maxEntries;
  private final int maxQueryLength;
  private final Map<String, PreparsedDocumentEntry> entries;

  DocumentCache(int maxEntries, int maxQueryLength) {
    this.maxEntries = maxEntries;
    this.maxQueryLength = maxQueryLength;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
            return size() > DocumentCache.this.maxEntries;
          }
        };
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    String query = input.getQuery();
    if (query == null || query.length() > maxQueryLength || maxEntries <= 0) {
      return CompletableFuture.completedFuture(parseAndValidate.apply(input));
    }
    PreparsedDocumentEntry cached;
    synchronized (entries) {
      cached = entries.get(query);
    }
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    PreparsedDocumentEntry entry = parseAndValidate.apply(input);
    if (!entry.hasErrors()) {
      synchronized (entries) {
        entries.put(query, entry);
      }
    }
    return CompletableFuture.completedFuture(entry);
  }

  /** How many documents are kept now. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
