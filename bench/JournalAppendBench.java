// Journal append micro-benchmark: the ingest path of POST /api/v1/lineage without HTTP and
// without the projection thread, against the production classes in the packaged jar.
//
// Run (single-file source launch, the packaged jar is the classpath):
//   python3 bench/lineage_load.py --dump-events /tmp/events.jsonl --dump-count 20000
//   $JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -cp catalog-server/target/catalog-server.jar \
//       bench/JournalAppendBench.java --events-file /tmp/events.jsonl [--threads 1,4,8] [--events 3000]
//       [--seconds 20] [--variants parse,current,insert-only,group,group-varchar,group-sync,current-sync]
//       [--out bench/results/journal-append.json]
//
// Each measurement uses a fresh H2 file database created by the server's own Liquibase changelog
// and a Hikari pool of 10 connections (as the server configures it), and T threads that each
// parse + validate an event (EventParser), compute its identity (SHA-256 of canonical JSON) and
// append it. Variants:
//   parse          EventParser.parse + identity only (the CPU ceiling of the request work)
//   current        io.tessera.catalogserver.persistence.LineageJournal.append as shipped (group commit
//                  by one writer thread; one batch insert per group)
//   journal-fsync  the same with tessera.journal.fsync=true (CHECKPOINT SYNC after each group)
//   insert-only    the same INSERT without the SELECT first (duplicates found by the unique key)
//   group          group commit: one writer thread drains a queue and inserts up to 256 events in
//                  one transaction (one commit per batch); callers wait for their batch
//   group-varchar  group, with the payload column as VARCHAR instead of CLOB (no LOB map writes)
//   group-sync     group, plus CHECKPOINT SYNC (fsync) after each batch: durable on power loss
//   current-sync   current, plus CHECKPOINT SYNC after each event (fsync per event)
//   NAME@wd0       any variant with ;WRITE_DELAY=0 in the JDBC URL (H2 writes each commit to the
//                  file at once instead of up to a second later; still no fsync)
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.LineageEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

public class JournalAppendBench {
  static final String INSERT =
      "INSERT INTO lineage_event (identity, kind, event_type, event_time, run_id, job_namespace,"
          + " job_name, producer, payload, received_at) VALUES (?,?,?,?,?,?,?,?,?,?)";

  interface Appender extends AutoCloseable {
    long append(LineageEvent event, String identity, String payload) throws Exception;

    default void close() throws Exception {}
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("events-file", "");
    o.put("threads", "1,4,8");
    o.put("events", "3000");
    o.put("seconds", "20");
    o.put("variants", "parse,current,current@wd0,insert-only,group,group-varchar,group-sync,current-sync");
    o.put("out", "bench/results/journal-append.json");
    for (int i = 0; i < args.length; i += 2) {
      String k = args[i].replaceFirst("^--", "");
      if (!o.containsKey(k)) throw new IllegalArgumentException("unknown flag " + args[i]);
      o.put(k, args[i + 1]);
    }
    List<byte[]> events = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(o.get("events-file")))) {
      if (!line.isBlank()) events.add(line.getBytes(StandardCharsets.UTF_8));
    }
    int n = Math.min(Integer.parseInt(o.get("events")), events.size());
    double seconds = Double.parseDouble(o.get("seconds"));
    System.out.printf("%d events loaded (mean %d B); %d per measurement, at most %.0f s each%n",
        events.size(), events.stream().mapToInt(b -> b.length).sum() / events.size(), n, seconds);
    // warm-up (JIT) on a throw-away database
    run("current", 4, events.subList(0, Math.min(1500, events.size())), 30, false);
    run("group", 4, events.subList(0, Math.min(1500, events.size())), 30, false);
    List<Map<String, Object>> rows = new ArrayList<>();
    System.out.println("| variant | threads | events | events/s | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String variant : o.get("variants").split(",")) {
      for (String t : o.get("threads").split(",")) {
        Map<String, Object> r = run(variant, Integer.parseInt(t), events.subList(0, n), seconds, true);
        rows.add(r);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f |%n", r.get("variant"), t,
            r.get("events"), r.get("eventsPerSecond"), r.get("p50Ms"), r.get("p99Ms"), r.get("maxMs"));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tool", "bench/JournalAppendBench.java");
    result.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
    result.put("cpus", Runtime.getRuntime().availableProcessors());
    result.put("java", System.getProperty("java.version"));
    result.put("config", o);
    result.put("results", rows);
    Path out = Path.of(o.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper()
        .writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println("wrote " + out);
  }

  static Map<String, Object> run(String variant, int threads, List<byte[]> events, double seconds,
      boolean report) throws Exception {
    Path dir = Files.createTempDirectory("tessera-journal-bench-");
    HikariConfig cfg = new HikariConfig();
    boolean writeDelay0 = variant.endsWith("@wd0");
    variant = variant.replace("@wd0", "");
    cfg.setJdbcUrl(
        "jdbc:h2:file:" + dir + "/db/tessera;AUTO_SERVER=FALSE" + (writeDelay0 ? ";WRITE_DELAY=0" : ""));
    cfg.setUsername("sa");
    cfg.setPassword("");
    cfg.setMaximumPoolSize(10);
    EventParser parser = new EventParser();
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      migrate(ds, variant.endsWith("-varchar"));
      try (Appender appender = appender(variant, ds)) {
        long[] lat = new long[events.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          workers.add(Thread.ofPlatform().start(() -> {
            try {
              start.await();
              int i;
              while ((i = next.getAndIncrement()) < events.size() && System.nanoTime() < deadline[0]) {
                long s = System.nanoTime();
                byte[] body = events.get(i);
                LineageEvent e = parser.parse(body);
                String id = parser.identity(e);
                appender.append(e, id, new String(body, StandardCharsets.UTF_8));
                lat[i] = System.nanoTime() - s;
                done.incrementAndGet();
              }
            } catch (Exception ex) {
              throw new RuntimeException(ex);
            }
          }));
        }
        deadline[0] = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        start.await();
        for (Thread w : workers) w.join();
        double wall = (System.nanoTime() - t0) / 1e9;
        long[] sorted = Arrays.stream(lat).filter(x -> x > 0).sorted().toArray();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("variant", variant + (writeDelay0 ? "@wd0" : ""));
        r.put("threads", threads);
        r.put("events", done.get());
        r.put("seconds", Math.round(wall * 100) / 100.0);
        r.put("eventsPerSecond", Math.round(done.get() / wall * 10) / 10.0);
        r.put("p50Ms", pct(sorted, 50));
        r.put("p99Ms", pct(sorted, 99));
        r.put("maxMs", sorted.length == 0 ? 0 : Math.round(sorted[sorted.length - 1] / 1e4) / 100.0);
        if (!variant.equals("parse")) {
          try (Connection c = ds.getConnection(); Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lineage_event")) {
            rs.next();
            if (rs.getLong(1) != done.get()) {
              throw new IllegalStateException(variant + ": " + rs.getLong(1) + " rows, expected " + done.get());
            }
          }
        }
        return r;
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e4) / 100.0;
  }

  static void migrate(HikariDataSource ds, boolean varchar) throws Exception {
    java.util.logging.LogManager.getLogManager().reset();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    try (Connection c = ds.getConnection()) {
      liquibase.database.Database db = liquibase.database.DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(c));
      @SuppressWarnings("deprecation")
      liquibase.Liquibase lb = new liquibase.Liquibase("db/changelog/db.changelog-master.xml",
          new liquibase.resource.ClassLoaderResourceAccessor(), db);
      lb.update("");
      if (varchar) {
        try (Statement s = c.createStatement()) {
          s.execute("ALTER TABLE lineage_event ALTER COLUMN payload CHARACTER VARYING(1000000)");
        }
      }
    } finally {
      System.setOut(stdout);
    }
  }

  static Appender appender(String variant, HikariDataSource ds) {
    LineageJournal journal = new LineageJournal(ds, variant.equals("journal-fsync"));
    return switch (variant) {
      case "parse" -> (e, id, p) -> 0L;
      case "current", "journal-fsync" -> (e, id, p) -> journal.append(e, id, p).id();
      case "current-sync" -> (e, id, p) -> {
        long key = journal.append(e, id, p).id();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        }
        return key;
      };
      case "insert-only" -> (e, id, p) -> {
        try (Connection c = ds.getConnection();
            PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
          bind(insert, e, id, p);
          insert.executeUpdate();
          try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
          }
        }
      };
      case "group", "group-varchar" -> new GroupCommit(ds, false);
      case "group-sync" -> new GroupCommit(ds, true);
      default -> throw new IllegalArgumentException("unknown variant " + variant);
    };
  }

  static void bind(PreparedStatement insert, LineageEvent event, String identity, String payload)
      throws SQLException {
    insert.setString(1, identity);
    if (event instanceof LineageEvent.RunEvent e) {
      insert.setString(2, "RunEvent");
      insert.setString(3, e.eventType().name());
      insert.setString(5, e.runId());
      insert.setString(6, e.job().namespace());
      insert.setString(7, e.job().name());
    } else {
      throw new IllegalArgumentException("the benchmark only sends run events");
    }
    insert.setObject(4, event.eventTime().withOffsetSameInstant(ZoneOffset.UTC));
    insert.setString(8, event.producer());
    insert.setString(9, payload);
    insert.setObject(10, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /**
   * Group commit: callers enqueue and wait; one writer drains up to 256 pending appends and inserts
   * them in one transaction, then completes every caller. (A production version would also check
   * duplicates within the batch and fall back to row-by-row on a constraint violation.)
   */
  static final class GroupCommit implements Appender {
    record Pending(LineageEvent e, String id, String payload, CompletableFuture<Long> done) {}

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4096);
    private final Thread writer;
    private volatile boolean running = true;
    final AtomicInteger batches = new AtomicInteger();

    GroupCommit(HikariDataSource ds, boolean sync) {
      writer = Thread.ofPlatform().name("journal-writer").start(() -> {
        List<Pending> batch = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
          c.setAutoCommit(false);
          while (running || !queue.isEmpty()) {
            Pending first = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (first == null) continue;
            batch.add(first);
            queue.drainTo(batch, 255);
            try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
              long[] ids = new long[batch.size()];
              for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                bind(insert, p.e(), p.id(), p.payload());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                  keys.next();
                  ids[i] = keys.getLong(1);
                }
              }
              c.commit();
              if (sync) {
                try (Statement s = c.createStatement()) {
                  s.execute("CHECKPOINT SYNC");
                }
                c.commit();
              }
              batches.incrementAndGet();
              for (int i = 0; i < batch.size(); i++) batch.get(i).done().complete(ids[i]);
            } catch (SQLException ex) {
              c.rollback();
              batch.forEach(p -> p.done().completeExceptionally(ex));
            }
            batch.clear();
          }
        } catch (Exception ex) {
          ex.printStackTrace();
        }
      });
    }

    @Override
    public long append(LineageEvent e, String id, String payload) throws Exception {
      CompletableFuture<Long> done = new CompletableFuture<>();
      queue.put(new Pending(e, id, payload, done));
      return done.get();
    }

    @Override
    public void close() throws Exception {
      running = false;
      writer.join();
    }
  }
}
