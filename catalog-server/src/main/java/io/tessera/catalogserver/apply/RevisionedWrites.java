package io.tessera.catalogserver.apply;

import io.tessera.catalogserver.journal.JournaledWrites;
import io.tessera.catalogserver.persistence.CatalogJournal;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.persistence.RevisionStoreException;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.graphstore.GraphWriter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes graph changes together with the revisions that describe them, as one journaled write: the
 * revisions are inserted first (a concurrent apply of the same entity, on this node or another,
 * fails on the unique revision number before anything is written), then {@link JournaledWrites}
 * appends the graph changes to the catalog journal in the same transaction, commits it, and commits
 * the graph.
 */
@Singleton
final class RevisionedWrites {
  private final RevisionRepository revisions;
  private final JournaledWrites journaled;

  RevisionedWrites(RevisionRepository revisions, JournaledWrites journaled) {
    this.revisions = revisions;
    this.journaled = journaled;
  }

  /**
   * @return the journal position of the write
   */
  long write(String kind, List<Revision> records, Consumer<GraphWriter> writes) {
    try (Connection connection = revisions.begin()) {
      try {
        revisions.insertAll(connection, records);
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback); // the connection broke: the insert's failure says why
        }
        throw conflictOr(e, records);
      }
      Revision first = records.getFirst();
      return journaled.write(
          new CatalogJournal.Write(kind, first.entityIri(), first.actor()), connection, writes);
    } catch (SQLException e) {
      throw new RevisionStoreException("cannot record revisions", e);
    }
  }

  /**
   * A unique-constraint violation is a concurrent apply of the same entity; anything else is not.
   */
  private RuntimeException conflictOr(SQLException e, List<Revision> records) {
    if (uniqueViolation(e)) {
      StringBuilder current = new StringBuilder();
      Map<String, Revision> latest =
          revisions.latest(records.stream().map(Revision::entityIri).toList());
      for (Revision wanted : records) {
        Revision now = latest.get(wanted.entityIri());
        if (now != null && now.revision() >= wanted.revision()) {
          current
              .append(current.isEmpty() ? "" : "; ")
              .append(wanted.kind())
              .append(' ')
              .append(wanted.domain())
              .append(
                  wanted.name() == null || wanted.name().equals(wanted.domain())
                      ? ""
                      : "/" + wanted.name())
              .append(" is now at revision ")
              .append(now.revision());
        }
      }
      return new ProblemException(
          ProblemType.CONFLICT,
          "another change to the same entities was applied at the same time (on this node or"
              + " another); nothing was applied"
              + (current.isEmpty() ? "" : ": " + current)
              + "; read the current revision and apply again");
    }
    return new RevisionStoreException("cannot record revisions", e);
  }

  /** Whether the failure, or one a batch chained to it, is an integrity-constraint violation. */
  private static boolean uniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
