package io.tessera.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shape of a synthetic mesh as pure functions of (seed, index), so that nothing proportional to
 * the mesh's size is ever held in memory.
 *
 * <p>Datasets {@code 0 .. sources-1} are raw sources that no job writes; the first few of them are
 * hubs that many jobs read (skewed: the busiest hub is read by a large share of all jobs). Every
 * other dataset is written by exactly one job: job {@code j} writes dataset {@code sources + j}.
 * Jobs form chains of {@link MeshSize#chain()} jobs, each reading the previous job's output (long
 * paths for deep lineage walks); some links are broken and read an arbitrary earlier output instead
 * (fan-out from the middle of chains), and every job reads one to four side inputs (hubs, sources,
 * earlier outputs: fan-in). Products own output datasets in blocks of four: the first two are their
 * output ports, the other two stay unowned. Planned products promise datasets beyond the lineage
 * stream that no job writes.
 */
public final class Topology {
  static final String[] NAMESPACES = {
    "postgres://orders-db.prod.internal:5432",
    "postgres://warehouse.prod.internal:5432",
    "snowflake://acme-eu.snowflakecomputing.com",
    "bigquery",
    "s3://acme-datalake-prod",
    "kafka://broker-1.prod.internal:9092"
  };
  static final String[] DOMAIN_WORDS = {
    "sales", "finance", "customer", "logistics", "marketing", "catalog", "payments", "people"
  };
  static final String[] ENTITIES = {
    "orders", "order-items", "customers", "invoices", "payments", "shipments", "returns",
    "products", "prices", "campaigns", "sessions", "refunds", "stock-levels", "suppliers",
    "contracts", "ledger-entries", "accounts", "addresses", "carts", "reviews"
  };
  static final String[] LAYERS = {"raw", "staging", "core", "mart"};
  static final String[][] COLUMNS = {
    {"id", "BIGINT"},
    {"customer_id", "BIGINT"},
    {"order_id", "BIGINT"},
    {"product_id", "BIGINT"},
    {"created_at", "TIMESTAMP"},
    {"updated_at", "TIMESTAMP"},
    {"amount", "DECIMAL(18,2)"},
    {"currency", "VARCHAR(3)"},
    {"status", "VARCHAR(32)"},
    {"country_code", "VARCHAR(2)"},
    {"quantity", "INTEGER"},
    {"email", "VARCHAR(320)"},
    {"discount", "DECIMAL(9,4)"},
    {"channel", "VARCHAR(64)"},
    {"region", "VARCHAR(64)"},
    {"is_deleted", "BOOLEAN"},
    {"sku", "VARCHAR(64)"},
    {"tax_amount", "DECIMAL(18,2)"},
    {"net_amount", "DECIMAL(18,2)"},
    {"event_date", "DATE"}
  };
  static final String[] CLASSIFICATIONS = {
    "internal", "internal", "public", "confidential", "pii", "restricted"
  };

  /** One column: name and SQL type. */
  public record Column(String name, String type) {}

  /** One dataset: its OpenLineage identity, owning domain and columns. */
  public record Dataset(
      int index, String namespace, String name, int domain, List<Column> columns) {}

  /** One job: its identity, the dataset it writes and the datasets it reads. */
  public record Job(int index, String namespace, String name, int output, List<Integer> inputs) {}

  private final long seed;
  private final MeshSize size;
  private final int sources;
  private final int hubs;

  public Topology(long seed, MeshSize size) {
    this.seed = seed;
    this.size = size;
    this.sources = size.datasets() / 10;
    this.hubs = Math.max(5, size.datasets() / 500);
  }

  public MeshSize size() {
    return size;
  }

  /** Datasets in the lineage stream. */
  public int datasets() {
    return size.datasets();
  }

  /** Jobs (each runs once: a START and a COMPLETE event). */
  public int jobs() {
    return size.datasets() - sources;
  }

  public int hubs() {
    return hubs;
  }

  /** Products whose ports lineage will show being written (they turn physical). */
  public int physicalProducts() {
    return jobs() / 4;
  }

  /** Products that promise datasets no job writes. */
  public int plannedProducts() {
    return physicalProducts() / 3;
  }

  public int products() {
    return physicalProducts() + plannedProducts();
  }

  /** Domain of product {@code p}. */
  public int productDomain(int p) {
    return p % size.domains();
  }

  /** The two datasets product {@code p} promises as output ports. */
  public int[] productPorts(int p) {
    if (p < physicalProducts()) {
      return new int[] {sources + 4 * p, sources + 4 * p + 1};
    }
    int k = p - physicalProducts();
    return new int[] {size.datasets() + 2 * k, size.datasets() + 2 * k + 1};
  }

  public String domainName(int d) {
    return DOMAIN_WORDS[d % DOMAIN_WORDS.length] + "-" + String.format("%03d", d);
  }

  public String productName(int p) {
    return ENTITIES[p % ENTITIES.length] + "-" + String.format("%07d", p);
  }

  /** Dataset {@code i}: deterministic in (seed, i); indexes past the stream are planned ones. */
  public Dataset dataset(int i) {
    SplittableRandom r = random(1, i);
    int domain;
    if (i >= size.datasets()) {
      domain = productDomain(physicalProducts() + (i - size.datasets()) / 2);
    } else if (i >= sources) {
      domain = productDomain((i - sources) / 4);
    } else {
      domain = i % size.domains();
    }
    String ns = NAMESPACES[r.nextInt(NAMESPACES.length)];
    String entity = ENTITIES[r.nextInt(ENTITIES.length)].replace('-', '_');
    String layer = i < sources ? "raw" : LAYERS[1 + r.nextInt(LAYERS.length - 1)];
    String dom = domainName(domain).replace('-', '_');
    String id = String.format("%07d", i);
    String name =
        switch (ns.substring(0, 2)) {
          case "s3" -> "/" + dom + "/" + layer + "/" + entity + "_" + id;
          case "ka" -> dom + "." + entity + ".v1." + id;
          default -> dom + "_" + layer + ".public." + entity + "_" + id;
        };
    double u = r.nextDouble();
    int n = 5 + (int) (45 * u * u * u);
    List<Column> columns = new ArrayList<>(n);
    int offset = r.nextInt(COLUMNS.length);
    for (int c = 0; c < n; c++) {
      String[] col = COLUMNS[(offset + c) % COLUMNS.length];
      int round = c / COLUMNS.length;
      columns.add(new Column(round == 0 ? col[0] : col[0] + "_" + round, col[1]));
    }
    return new Dataset(i, ns, name, domain, columns);
  }

  /** Job {@code j}: writes dataset {@code sources + j}. */
  public Job job(int j) {
    SplittableRandom r = random(2, j);
    int output = sources + j;
    List<Integer> inputs = new ArrayList<>(5);
    int position = j % size.chain();
    if (position > 0) {
      // the chain link, broken 20% of the time for an arbitrary earlier output (fan-out)
      inputs.add(r.nextDouble() < 0.8 ? output - 1 : sources + r.nextInt(j));
    }
    // every source is read at least once
    addDistinct(inputs, j < sources ? j : r.nextInt(sources));
    int extra = r.nextInt(4);
    for (int k = 0; k < extra; k++) {
      double kind = r.nextDouble();
      if (kind < 0.5) {
        double u = r.nextDouble();
        addDistinct(inputs, (int) (hubs * u * u * u));
      } else if (kind < 0.75 || j == 0) {
        addDistinct(inputs, r.nextInt(sources));
      } else {
        addDistinct(inputs, sources + r.nextInt(j));
      }
    }
    String dom = domainName(productDomain(j / 4));
    String name =
        dom.replace('-', '_')
            + "_"
            + (j / size.chain())
            + ".build_"
            + ENTITIES[j % ENTITIES.length].replace('-', '_')
            + "_"
            + String.format("%07d", j);
    return new Job(j, "airflow-prod", name, output, List.copyOf(inputs));
  }

  /** The datasets at the end of chains (deepest upstream lineage), in job order. */
  public int chainEnd(int k) {
    int chains = Math.max(1, jobs() / size.chain());
    int chain = k % chains;
    return sources + Math.min(jobs() - 1, chain * size.chain() + size.chain() - 1);
  }

  /** A random source for per-purpose streams (runs ids, sampling) derived from the seed. */
  public SplittableRandom random(int stream, long index) {
    long mixed = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index;
    return new SplittableRandom(mixed);
  }

  private static void addDistinct(List<Integer> list, int value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }
}
