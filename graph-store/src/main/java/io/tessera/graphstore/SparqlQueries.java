package io.tessera.graphstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/** Loads the SPARQL queries that live in {@code .rq} resource files, parsed once. */
public final class SparqlQueries {
  private SparqlQueries() {}

  /**
   * Parses a classpath resource, relative to the anchor class's package, as a SPARQL query.
   *
   * @throws GraphStoreException if the resource is missing or is not valid SPARQL
   */
  public static Query load(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new GraphStoreException("missing query resource " + resource);
      }
      return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | QueryParseException e) {
      throw new GraphStoreException("cannot load query " + resource + ": " + e.getMessage(), e);
    }
  }
}
