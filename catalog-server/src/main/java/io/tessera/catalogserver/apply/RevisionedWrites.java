package io.tessera.catalogserver.apply;

import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.persistence.RevisionStoreException;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes graph changes together with the revisions that describe them: the revisions are inserted
 * first (a concurrent apply of the same entity fails on the unique revision number before anything
 * is written), the graph transaction commits next, and the revisions commit last.
 */
@Singleton
final class RevisionedWrites {
  private static final Logger LOG = LoggerFactory.getLogger(RevisionedWrites.class);

  private final RevisionRepository revisions;
  private final GraphStore store;

  RevisionedWrites(RevisionRepository revisions, GraphStore store) {
    this.revisions = revisions;
    this.store = store;
  }

  void write(List<Revision> records, Consumer<GraphWriter> writes) {
    try (Connection connection = revisions.begin()) {
      try {
        revisions.insertAll(connection, records);
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback); // the connection broke: the insert's failure says why
        }
        throw conflictOr(e);
      }
      try {
        store.write(writes);
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
      commitAfterGraph(connection);
    } catch (SQLException e) {
      throw new RevisionStoreException("cannot record revisions", e);
    }
  }

  /**
   * Commits revisions whose graph write has already committed. A failure here cannot undo the graph
   * write, so it is reported as what it is rather than as "nothing applied" (not as the {@code
   * database-unavailable} problem either, which says nothing was written, even when the database
   * went away between the two commits).
   */
  private static void commitAfterGraph(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      LOG.error("graph written but its revisions could not be committed", e);
      throw new ProblemException(
          ProblemType.INTERNAL,
          "the catalog graph was updated but its revision history could not be recorded");
    }
  }

  /**
   * A unique-constraint violation is a concurrent apply of the same entity; anything else is not.
   */
  private static RuntimeException conflictOr(SQLException e) {
    if (uniqueViolation(e)) {
      return new ProblemException(
          ProblemType.CONFLICT,
          "another change to the same entities was applied at the same time; nothing was applied,"
              + " retry");
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
