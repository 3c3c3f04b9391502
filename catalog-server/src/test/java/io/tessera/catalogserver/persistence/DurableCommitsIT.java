package io.tessera.catalogserver.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which statements are forced to disk before they return, on an H2 file database wrapped as the
 * server wraps its data source: a commit that wrote and every write in auto-commit mode are synced;
 * reads, rolled-back work and commits of read-only transactions are not; with syncing off nothing
 * is wrapped. The sync itself ({@code fdatasync}) is not observable short of pulling the power: the
 * count of syncs is.
 */
class DurableCommitsIT {
  @TempDir Path dir;

  @Test
  void shouldSyncCommitsThatWroteAndWritesInAutoCommitModeButNotReadsOrRollbacks()
      throws Exception {
    DurableCommits durable = new DurableCommits(true);
    try (HikariDataSource pool = h2("on")) {
      DataSource ds = durable.wrap(pool);
      assertThat(ds).isNotSameAs(pool);
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        long afterDdl = durable.syncs();
        assertThat(afterDdl).as("DDL in auto-commit mode").isEqualTo(1);

        s.executeUpdate("INSERT INTO t VALUES (1, 'a')");
        assertThat(durable.syncs()).as("an auto-commit insert").isEqualTo(2);

        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          rs.next();
        }
        assertThat(s.execute("SELECT v FROM t")).isTrue();
        assertThat(durable.syncs()).as("reads").isEqualTo(2);

        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
          for (int i = 2; i < 12; i++) {
            insert.setInt(1, i);
            insert.setString(2, "v" + i);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        assertThat(durable.syncs()).as("before the commit").isEqualTo(2);
        c.commit();
        assertThat(durable.syncs()).as("one sync for the transaction").isEqualTo(3);

        s.executeUpdate("UPDATE t SET v = 'x'");
        c.rollback();
        c.commit();
        assertThat(durable.syncs()).as("rolled back, then nothing to commit").isEqualTo(3);

        s.executeUpdate("DELETE FROM t WHERE id = 1");
        c.setAutoCommit(true); // commits the pending delete
        assertThat(durable.syncs()).isEqualTo(4);
      }
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(10);
      }
    }
  }

  @Test
  void shouldKeepEveryConcurrentWriteWhenTheyShareSyncs() throws Exception {
    DurableCommits durable = new DurableCommits(true);
    try (HikariDataSource pool = h2("concurrent")) {
      DataSource ds = durable.wrap(pool);
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      }
      long before = durable.syncs();
      int threads = 6;
      int each = 40;
      List<Future<?>> done = new ArrayList<>();
      try (ExecutorService pool2 = Executors.newFixedThreadPool(threads)) {
        for (int t = 0; t < threads; t++) {
          int base = t * each;
          done.add(
              pool2.submit(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      try (Connection c = ds.getConnection();
                          PreparedStatement insert =
                              c.prepareStatement("INSERT INTO t VALUES (?)")) {
                        insert.setInt(1, base + i);
                        insert.executeUpdate();
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      long syncs = durable.syncs() - before;
      assertThat(syncs).isPositive().isLessThanOrEqualTo((long) threads * each);
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT id) FROM t")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(threads * each);
      }
    }
  }

  @Test
  void shouldLeaveTheDataSourceAsItIsWhenOffOrNotAnH2File() throws Exception {
    try (HikariDataSource file = h2("off");
        HikariDataSource memory = pool("jdbc:h2:mem:durable-commits")) {
      assertThat(new DurableCommits(false).wrap(file)).isSameAs(file);
      assertThat(new DurableCommits(true).wrap(memory)).isSameAs(memory);
    }
  }

  private HikariDataSource h2(String name) {
    return pool("jdbc:h2:file:" + dir.resolve(name).resolve("db") + ";WRITE_DELAY=0");
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }
}
