package io.tessera.governance;

import io.tessera.lineage.LineageEvent;
import java.util.List;

/**
 * Which OpenLineage events a producer may post. The datasets an event writes (a run's or job's
 * outputs, a dataset event's dataset) can bind ports, make products physical and change their
 * observed schema: each must be one the producer may write ({@link
 * WriteAuthorization#requireMayWriteDataset}, with the claims of {@link DatasetClaims}).
 */
public final class EventWriteAuthorization {
  private final WriteAuthorization authorization;
  private final DatasetClaims claims;
  private final boolean unownedOpen;

  /**
   * @param unownedOpen whether any producer may write datasets no product claims
   */
  public EventWriteAuthorization(
      WriteAuthorization authorization, DatasetClaims claims, boolean unownedOpen) {
    this.authorization = authorization;
    this.claims = claims;
    this.unownedOpen = unownedOpen;
  }

  /**
   * Checks every dataset the event writes.
   *
   * @throws AccessDeniedException naming the first output dataset the producer may not write, and
   *     the domain (or namespace) it would need
   */
  public void requireMayWrite(Principal producer, LineageEvent event) {
    if (producer.isAdmin() || (producer.domains().isEmpty() && producer.namespaces().isEmpty())) {
      return; // platform-wide: the lookups below would allow every dataset
    }
    List<LineageEvent.Dataset> written =
        switch (event) {
          case LineageEvent.RunEvent e -> e.outputs();
          case LineageEvent.JobEvent e -> e.outputs();
          case LineageEvent.DatasetEvent e -> List.of(e.dataset());
        };
    for (LineageEvent.Dataset dataset : written) {
      authorization.requireMayWriteDataset(
          producer,
          dataset.namespace(),
          dataset.name(),
          claims.domainsClaiming(dataset.namespace(), dataset.name()),
          unownedOpen);
    }
  }
}
