package io.tessera.catalogserver.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase change {@code 012-journal-deflate-existing}: deflates the payloads of journal rows
 * stored as text before {@code payload_deflated} existed, a few hundred rows per committed step,
 * and clears their text. Each step is whole (a row has its payload in exactly one column at every
 * commit), so a migration interrupted by a crash goes on where it stopped at the next start, and
 * reads take either column meanwhile.
 */
public class DeflateJournalPayloads implements CustomTaskChange {
  private static final int STEP = 500;
  private long migrated;

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, payload FROM lineage_event WHERE payload_deflated IS NULL AND payload"
                    + " IS NOT NULL AND id > ? ORDER BY id FETCH FIRST "
                    + STEP
                    + " ROWS ONLY");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE lineage_event SET payload_deflated = ?, payload = NULL WHERE id = ?")) {
      long after = 0;
      while (true) {
        List<Long> ids = new ArrayList<>(STEP);
        List<byte[]> deflated = new ArrayList<>(STEP);
        select.setLong(1, after);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            deflated.add(JournalPayload.deflate(rs.getString(2)));
          }
        }
        if (ids.isEmpty()) {
          return;
        }
        for (int i = 0; i < ids.size(); i++) {
          update.setBytes(1, deflated.get(i));
          update.setLong(2, ids.get(i));
          update.addBatch();
        }
        update.executeBatch();
        if (!c.getAutoCommit()) {
          c.commit();
        }
        migrated += ids.size();
        after = ids.getLast();
      }
    } catch (SQLException e) {
      throw new CustomChangeException("cannot deflate the journal's payloads", e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    return "deflated the payloads of " + migrated + " journal events";
  }

  @Override
  public void setUp() {}

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
