package io.tessera.catalogserver.sparql;

import io.micronaut.context.annotation.Requires;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the admin queries reported, for tests; replaces the logging default. */
@Singleton
@Requires(property = "tessera.test.record-sparql-audit", value = "true")
public class RecordingSparqlAudit implements SparqlAudit {
  private final List<String> reported = new CopyOnWriteArrayList<>();

  @Override
  public void adminQuery(Principal principal, String query) {
    reported.add(principal.subject() + ": " + query);
  }

  List<String> reported() {
    return List.copyOf(reported);
  }
}
