package io.tessera.catalogserver.sparql;

import io.micronaut.context.annotation.Secondary;
import io.tessera.catalogserver.security.Principal;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link SparqlAudit}: one log line per admin query; any other bean replaces it. */
@Singleton
@Secondary
public class LoggingSparqlAudit implements SparqlAudit {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingSparqlAudit.class);

  @Override
  public void adminQuery(Principal principal, String query) {
    LOG.info("admin SPARQL query by {}: {}", principal.subject(), query.replaceAll("\\s+", " "));
  }
}
