package io.tessera.catalogserver.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach the relational database (the pool timed out waiting for a connection,
 * the connection was refused or broke, the server is shutting down or starting up) from other
 * database errors, wherever a store wrapped it: such a failure is the outage that {@code
 * problem/ProblemHandlers} answers with {@code 503 database-unavailable} and a {@code Retry-After}.
 */
public final class DatabaseUnreachable {
  private DatabaseUnreachable() {}

  /**
   * Whether the failure, one of its causes, or one of the failures suppressed along the way (a
   * rollback that failed after the insert did) is the database being out of reach.
   */
  public static boolean causedBy(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (unreachable(t)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (unreachable(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unreachable(Throwable t) {
    return t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof ConnectException
        || (t instanceof SQLException sql && connectionState(sql.getSQLState()));
  }

  /**
   * SQLSTATE class 08 (connection exception), and PostgreSQL's 57P01 to 57P03 (administrator
   * shutdown, crash shutdown, cannot connect now).
   */
  private static boolean connectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
