#!/usr/bin/env python3
"""Measures OpenLineage ingest throughput and latency of a packaged Tessera server.

Starts catalog-server/target/catalog-server.jar (a private copy, so a concurrent rebuild cannot
pull it away mid-run) on a fresh temporary data directory and a free loopback port, then posts
realistic OpenLineage run events (per run a START and a COMPLETE; 2 inputs, 1 output, schema,
column-lineage, SQL, ownership, parent, nominal-time and statistics facets; 4-6 KB of JSON, mean
~4.9 KB) to POST /api/v1/lineage with 1, 4 and 8 concurrent keep-alive clients. Each phase is bounded by
an event count and a time limit. For every phase it reports accepted events/s and latency
p50/p95/p99/max, plus server and client CPU use. After the last phase it measures how long the
background projection takes to catch up with the journal (GET /api/v1/admin/lineage/status until
projected == journal) and the size of the data directory; with --rebuild it also times a full
rebuild of the lineage graphs from the journal. Before the measured phases, "floor" phases post
invalid events (bad run id: 400 after the full JSON parse), i.e. HTTP + parsing with no journal
write and no projection, as a ceiling for this client on this machine.

Deterministic (seeded random, so the same events every run), Python 3 standard library only,
loopback only, bounded in time. Prints progress and a table and writes JSON.
"""
import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid

# The server these scripts start is private to one run (loopback, temporary data directory) and
# accepts this admin token (TESSERA_ADMIN_TOKEN); every request carries it.
BENCH_TOKEN = "bench-admin-token-on-loopback-only"
AUTH = {"Authorization": "Bearer " + BENCH_TOKEN}

PRODUCER = "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0"
RUN_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
FACET = "https://openlineage.io/spec/facets/"

NAMESPACES = [
    "postgres://orders-db.prod.internal:5432",
    "postgres://warehouse.prod.internal:5432",
    "snowflake://acme-eu.snowflakecomputing.com",
    "bigquery",
    "s3://acme-datalake-prod",
    "kafka://broker-1.prod.internal:9092",
]
DOMAINS = ["sales", "finance", "customer", "logistics", "marketing", "catalog", "payments", "hr"]
ENTITIES = ["orders", "order_items", "customers", "invoices", "payments", "shipments", "returns",
            "products", "prices", "campaigns", "sessions", "refunds", "stock_levels", "suppliers",
            "contracts", "ledger_entries", "accounts", "addresses", "carts", "reviews"]
LAYERS = ["raw", "staging", "core", "mart"]
COLUMN_POOL = [("id", "BIGINT"), ("customer_id", "BIGINT"), ("order_id", "BIGINT"),
               ("product_id", "BIGINT"), ("created_at", "TIMESTAMP"), ("updated_at", "TIMESTAMP"),
               ("amount", "DECIMAL(18,2)"), ("currency", "VARCHAR(3)"), ("status", "VARCHAR(32)"),
               ("country_code", "VARCHAR(2)"), ("quantity", "INTEGER"), ("email", "VARCHAR(320)"),
               ("discount", "DECIMAL(9,4)"), ("channel", "VARCHAR(64)"), ("region", "VARCHAR(64)"),
               ("is_deleted", "BOOLEAN"), ("sku", "VARCHAR(64)"), ("tax_amount", "DECIMAL(18,2)"),
               ("net_amount", "DECIMAL(18,2)"), ("event_date", "DATE")]
TEAMS = ["team:sales-data", "team:finance-analytics", "team:customer-360", "team:logistics-ops",
         "team:growth", "team:platform-data"]


def facet(name, version, body):
    return dict({"_producer": PRODUCER, "_schemaURL": f"{FACET}{version}/{name}.json#/$defs/{name}"}, **body)


class Topology:
    """A fixed universe of datasets (with stable schemas) and jobs (with fixed inputs/outputs)."""

    def __init__(self, rng, datasets, jobs):
        self.datasets = []
        for i in range(datasets):
            ns = NAMESPACES[i % len(NAMESPACES)]
            dom, ent, layer = rng.choice(DOMAINS), rng.choice(ENTITIES), rng.choice(LAYERS)
            name = f"{dom}_{layer}.public.{ent}_{i:05d}" if not ns.startswith("s3") else f"/{dom}/{layer}/{ent}_{i:05d}"
            if ns.startswith("kafka"):
                name = f"{dom}.{ent}.v{1 + i % 3}.{i:05d}"
            cols = rng.sample(COLUMN_POOL, rng.randint(4, 7))
            self.datasets.append((ns, name, cols))
        self.jobs = []
        for j in range(jobs):
            dom = rng.choice(DOMAINS)
            dag = f"{dom}_{rng.choice(['daily', 'hourly', 'weekly'])}_{j // 5:04d}"
            task = f"load_{rng.choice(ENTITIES)}_{j:05d}"
            ins = rng.sample(range(datasets), 2)
            out = rng.choice([d for d in range(datasets) if d not in ins])
            self.jobs.append(("airflow-prod", f"{dag}.{task}", dag, ins, out, rng.choice(TEAMS)))


def dataset_json(ns, name, cols, extra):
    facets = {"schema": facet("SchemaDatasetFacet", "1-1-1", {"fields": [{"name": c, "type": t} for c, t in cols]})}
    facets.update(extra)
    return {"namespace": ns, "name": name, "facets": facets}


def run_events(rng, topo, seq, base_time):
    """The START and COMPLETE events of one run, as bytes."""
    jns, jname, dag, ins, out, team = topo.jobs[rng.randrange(len(topo.jobs))]
    run_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    parent_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    start = base_time + dt.timedelta(seconds=seq * 7, microseconds=rng.randrange(1_000_000))
    end = start + dt.timedelta(seconds=rng.randint(5, 900), microseconds=rng.randrange(1_000_000))
    nominal = start.replace(minute=0, second=0, microsecond=0)
    in_ds = [topo.datasets[i] for i in ins]
    out_ds = topo.datasets[out]
    src = ", ".join(f"s{k}.{c}" for k, (_, _, cols) in enumerate(in_ds) for c, _ in cols[:3])
    sql = (f"INSERT INTO {out_ds[1]} SELECT {src} FROM {in_ds[0][1]} s0 JOIN {in_ds[1][1]} s1 "
           f"ON s0.{in_ds[0][2][0][0]} = s1.{in_ds[1][2][0][0]} WHERE s0.updated_at >= "
           f"'{nominal.isoformat()}' AND s1.is_deleted = FALSE")
    job = {"namespace": jns, "name": jname, "facets": {
        "jobType": facet("JobTypeJobFacet", "2-0-3", {"processingType": "BATCH", "integration": "AIRFLOW", "jobType": "TASK"}),
        "sql": facet("SQLJobFacet", "1-0-1", {"query": sql}),
        "documentation": facet("DocumentationJobFacet", "1-0-1", {"description": f"Builds {out_ds[1]} from {in_ds[0][1]} and {in_ds[1][1]}."}),
        "ownership": facet("OwnershipJobFacet", "1-0-1", {"owners": [{"name": team, "type": "MAINTAINER"}]}),
    }}
    events = []
    for kind, when in (("START", start), ("COMPLETE", end)):
        run_facets = {
            "nominalTime": facet("NominalTimeRunFacet", "1-0-1", {"nominalStartTime": nominal.isoformat().replace("+00:00", "Z")}),
            "parent": facet("ParentRunFacet", "1-1-0", {"run": {"runId": parent_id}, "job": {"namespace": jns, "name": dag}}),
        }
        inputs = []
        for k, (ns, name, cols) in enumerate(in_ds):
            d = dataset_json(ns, name, cols, {})
            if kind == "COMPLETE" and k == 0:
                d["inputFacets"] = {"dataQualityMetrics": facet("DataQualityMetricsInputDatasetFacet", "1-0-2", {"rowCount": rng.randint(1000, 10**7), "bytes": rng.randint(10**5, 10**10)})}
            inputs.append(d)
        ons, oname, ocols = out_ds
        extra = {"dataSource": facet("DatasourceDatasetFacet", "1-0-1", {"name": ons, "uri": ons})}
        if kind == "COMPLETE":
            extra["columnLineage"] = facet("ColumnLineageDatasetFacet", "1-2-0", {"fields": {
                c: {"inputFields": [{"namespace": in_ds[k][0], "name": in_ds[k][1], "field": in_ds[k][2][n % len(in_ds[k][2])][0],
                                     "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]}]}
                for n, (c, _) in enumerate(ocols[:3]) for k in (n % 2,)}})
        output = dataset_json(ons, oname, ocols, extra)
        if kind == "COMPLETE":
            output["outputFacets"] = {"outputStatistics": facet("OutputStatisticsOutputDatasetFacet", "1-0-2", {"rowCount": rng.randint(1000, 10**7), "size": rng.randint(10**5, 10**10)})}
        ev = {"eventType": kind, "eventTime": when.isoformat(timespec="microseconds").replace("+00:00", "Z"),
              "producer": PRODUCER, "schemaURL": RUN_SCHEMA,
              "run": {"runId": run_id, "facets": run_facets}, "job": job, "inputs": inputs, "outputs": [output]}
        events.append(json.dumps(ev, separators=(",", ":")).encode())
    return events


def pct(sorted_values, p):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(base, path, timeout=10):
    with urllib.request.urlopen(urllib.request.Request(base + path, headers=AUTH), timeout=timeout) as r:
        return json.loads(r.read())


def cpu_seconds(pid):
    """User+system CPU seconds of a process (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def disk_mib(data):
    """Allocated MiB of the H2 database, the TDB2 graph store and the whole data dir (du)."""
    out = {}
    for key, path in (("h2", os.path.join(data, "db")), ("graph", os.path.join(data, "graph")), ("data_dir", data)):
        du = subprocess.run(["du", "-sk", path], capture_output=True, text=True).stdout.split()
        if du:
            out[key] = round(int(du[0]) / 1024, 1)
    return out


def machine_busy_seconds():
    """CPU seconds all processes spent busy (Linux /proc/stat: everything but idle and iowait)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except OSError:
        return None


def client(port, bodies, deadline, barrier, out, expect=201):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    lat, errors = [], {}
    barrier.wait()
    for body in bodies:
        if time.perf_counter() > deadline[0]:
            break
        t = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/lineage", body=body, headers={"Content-Type": "application/json", **AUTH})
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            status = type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        lat.append((time.perf_counter() - t) * 1000)
        if status != expect:
            errors[str(status)] = errors.get(str(status), 0) + 1
    conn.close()
    out.append((lat, errors))


def phase(base, port, pid, clients, bodies_per_client, seconds, label, expect=201):
    threads, results = [], []
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]
    monitor = {"samples": [], "stop": False}

    def watch():
        while not monitor["stop"]:
            try:
                s = get_json(base, "/api/v1/admin/lineage/status")
                monitor["samples"].append(s["journal"] - s["projected"])
            except Exception:
                pass
            time.sleep(1.0)

    for c in range(clients):
        threads.append(threading.Thread(target=client, args=(port, bodies_per_client[c], deadline, barrier, results, expect)))
    for th in threads:
        th.start()
    cpu0, own0, all0 = cpu_seconds(pid), time.process_time(), machine_busy_seconds()
    deadline[0] = time.perf_counter() + seconds
    t0 = time.perf_counter()
    barrier.wait()
    w = threading.Thread(target=watch, daemon=True)
    w.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    monitor["stop"] = True
    cpu1, own1, all1 = cpu_seconds(pid), time.process_time(), machine_busy_seconds()
    lat = sorted(x for r in results for x in r[0])
    errors = {}
    for r in results:
        for k, v in r[1].items():
            errors[k] = errors.get(k, 0) + v
    ok = len(lat) - sum(errors.values())
    res = {
        "phase": label, "clients": clients, "sent": len(lat), "accepted": ok, "errors": errors,
        "wall_s": round(wall, 2), "accepted_per_s": round(ok / wall, 1),
        "latency_ms": {k: round(pct(lat, p), 2) for k, p in (("p50", 50), ("p95", 95), ("p99", 99))} | {"max": round(lat[-1], 2)},
        "server_cpu_cores": round((cpu1 - cpu0) / wall, 2) if cpu0 is not None else None,
        "client_cpu_cores": round((own1 - own0) / wall, 2),
        "other_processes_cpu_cores": round(((all1 - all0) - (cpu1 - cpu0) - (own1 - own0)) / wall, 2) if all0 is not None else None,
        "loadavg_1m_after": loadavg(),
        "projection_lag_max": max(monitor["samples"], default=None),
    }
    return res


def health_sample(base):
    """Journal head, projected position, graph and search revisions (admin /health details)."""
    d = get_json(base, "/health")["details"]["catalog-components"]["details"]
    lp, si, gs = d["lineageProjection"], d["searchIndex"], d["graphStore"]
    return {"journal": lp["journal"], "projected": lp["projected"], "graph": gs.get("revision", -1),
            "search": si["revision"]}


def lag_seconds(samples, head, behind):
    """Per sample, how long ago the head (journal, graph revision) first reached what the follower
    (projected, search revision) has reached now: the age of the oldest event not yet followed."""
    out, first = [], 0
    for i, s in enumerate(samples):
        if s[behind] >= s[head]:
            out.append(0.0)
            continue
        while first < i and samples[first][head] <= s[behind]:
            first += 1
        out.append(round(s["t"] - samples[first]["t"], 2))
    return out


def sustained(base, port, pid, clients, bodies, seconds, rate, catchup_timeout):
    """Posts for `seconds` with `clients` keep-alive clients (at `rate` events/s in all, 0 = flat out), cycling
    through the generated runs with fresh run ids; samples positions every second."""
    runs = [(bodies[i], bodies[i + 1], json.loads(bodies[i])["run"]["runId"].encode()) for i in range(0, len(bodies), 2)]
    per_client = [runs[k::clients] for k in range(clients)]
    accepted, errors, lat = [0] * clients, [{} for _ in range(clients)], [[] for _ in range(clients)]
    stop = [False]
    t0 = time.perf_counter()

    def post(k):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        interval = clients / rate if rate else 0
        n, cycle = 0, 0
        while not stop[0]:
            for start, complete, old in per_client[k]:
                if stop[0]:
                    break
                if cycle:
                    new = str(uuid.uuid4()).encode()
                    start, complete = start.replace(old, new), complete.replace(old, new)
                for body in (start, complete):
                    if interval:
                        wait = t0 + n * interval - time.perf_counter()
                        if wait > 0:
                            time.sleep(wait)
                    n += 1
                    t = time.perf_counter()
                    try:
                        conn.request("POST", "/api/v1/lineage", body=body,
                                     headers={"Content-Type": "application/json", **AUTH})
                        r = conn.getresponse()
                        r.read()
                        status = r.status
                    except (OSError, http.client.HTTPException) as e:
                        status = type(e).__name__
                        conn.close()
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    lat[k].append((time.perf_counter() - t) * 1000)
                    if status == 201:
                        accepted[k] += 1
                    else:
                        errors[k][str(status)] = errors[k].get(str(status), 0) + 1
            cycle += 1
        conn.close()

    print(f"sustained: {clients} client(s) for {seconds:.0f} s at {'max' if not rate else rate} events/s ...", flush=True)
    samples = []
    cpu0, own0, all0 = cpu_seconds(pid), time.process_time(), machine_busy_seconds()
    threads = [threading.Thread(target=post, args=(k,), daemon=True) for k in range(clients)]
    for th in threads:
        th.start()
    next_t = t0
    while True:
        now = time.perf_counter()
        try:
            s = health_sample(base)
            s["t"] = round(time.perf_counter() - t0, 3)
            s["accepted"] = sum(accepted)
            s["load1"] = loadavg()
            samples.append(s)
            if len(samples) % 30 == 0:
                print(f"  t={s['t']:.0f}s accepted {s['accepted']} journal {s['journal']} projected {s['projected']} "
                      f"(lag {s['journal'] - s['projected']}) search behind {s['graph'] - s['search']} rev, "
                      f"load {s['load1']}", flush=True)
        except Exception as e:
            print(f"  sample failed: {e}", flush=True)
        if now - t0 >= seconds:
            break
        next_t += 1.0
        time.sleep(max(0.0, next_t - time.perf_counter()))
    stop[0] = True
    for th in threads:
        th.join()
    wall = samples[-1]["t"]
    cpu1, own1, all1 = cpu_seconds(pid), time.process_time(), machine_busy_seconds()
    # drain: how long until the projection and the index have caught up once posting stops
    t_stop = time.perf_counter()
    drained = None
    while time.perf_counter() - t_stop < catchup_timeout:
        s = health_sample(base)
        if s["projected"] >= s["journal"] and s["search"] >= s["graph"]:
            drained = round(time.perf_counter() - t_stop, 2)
            break
        time.sleep(0.2)
    per_s = lambda key: [round(b[key] - a_[key]) for a_, b in zip(samples, samples[1:])]
    lag_ev = sorted(s["journal"] - s["projected"] for s in samples)
    lag_s = sorted(lag_seconds(samples, "journal", "projected"))
    search_s = sorted(lag_seconds(samples, "graph", "search"))
    q = lambda v: {"p50": pct(v, 50), "p99": pct(v, 99), "max": v[-1] if v else None}
    steady = [s for s in samples if s["t"] >= min(60, wall / 4)]  # after the first minute (JIT, caches)
    rate_of = lambda key, ss: round((ss[-1][key] - ss[0][key]) / (ss[-1]["t"] - ss[0]["t"]), 1) if len(ss) > 1 else None
    all_lat = sorted(x for l in lat for x in l)
    err = {}
    for e in errors:
        for k, v in e.items():
            err[k] = err.get(k, 0) + v
    res = {
        "clients": clients, "seconds": wall, "target_rate": rate or "max", "accepted": sum(accepted), "errors": err,
        "accepted_per_s": rate_of("accepted", samples), "journal_per_s": rate_of("journal", samples),
        "projected_per_s": rate_of("projected", samples),
        "after_first_minute": {"accepted_per_s": rate_of("accepted", steady), "projected_per_s": rate_of("projected", steady)},
        "accepted_per_s_each_second": q(sorted(per_s("accepted"))), "projected_per_s_each_second": q(sorted(per_s("projected"))),
        "projection_lag_events": q(lag_ev), "projection_lag_s": q(lag_s), "search_lag_s": q(search_s),
        "latency_ms": {k: round(pct(all_lat, p), 2) for k, p in (("p50", 50), ("p99", 99))},
        "server_cpu_cores": round((cpu1 - cpu0) / wall, 2), "client_cpu_cores": round((own1 - own0) / wall, 2),
        "other_processes_cpu_cores": round(((all1 - all0) - (cpu1 - cpu0) - (own1 - own0)) / wall, 2),
        "loadavg_1m": q(sorted(s["load1"] for s in samples if s["load1"] is not None)),
        "drained_after_stop_s": drained, "samples": samples,
    }
    print(f"\n| clients | s | accepted/s | projected/s | after 1st min acc/proj | lag events p50/p99/max | "
          f"lag s p50/p99/max | search lag s p50/p99/max | p50/p99 ms | server/client/other CPU | load 1m p50 | drain s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    f = lambda d: f"{d['p50']} / {d['p99']} / {d['max']}"
    sm = res["after_first_minute"]
    print(f"| {clients} | {wall:.0f} | {res['accepted_per_s']} | {res['projected_per_s']} | {sm['accepted_per_s']} / "
          f"{sm['projected_per_s']} | {f(res['projection_lag_events'])} | {f(res['projection_lag_s'])} | "
          f"{f(res['search_lag_s'])} | {res['latency_ms']['p50']} / {res['latency_ms']['p99']} | "
          f"{res['server_cpu_cores']} / {res['client_cpu_cores']} / {res['other_processes_cpu_cores']} | "
          f"{res['loadavg_1m']['p50']} | {drained} |")
    print(f"errors: {err or 'none'}")
    return res


def snapshot_jar(src, dst, wait_s=120):
    """Copies the packaged jar, waiting out a concurrent rebuild (an incomplete jar has no manifest)."""
    import zipfile
    deadline = time.time() + wait_s
    while True:
        try:
            shutil.copy(src, dst)
            with zipfile.ZipFile(dst) as z:
                if b"Main-Class:" in z.read("META-INF/MANIFEST.MF"):
                    return
        except (OSError, KeyError, zipfile.BadZipFile):
            pass
        if time.time() > deadline:
            sys.exit(f"{src} is not a runnable jar; build it with ./mvnw -q -DskipTests package")
        print("the jar looks incomplete (being rebuilt?); retrying in 5 s", flush=True)
        time.sleep(5)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", default="1,4,8", help="comma-separated client counts, one phase each")
    ap.add_argument("--events", type=int, default=3000, help="events per phase (upper bound)")
    ap.add_argument("--seconds", type=float, default=20, help="time limit per phase")
    ap.add_argument("--warmup", type=int, default=400, help="events posted (not measured) before the phases")
    ap.add_argument("--datasets", type=int, default=2000, help="size of the dataset universe")
    ap.add_argument("--jobs", type=int, default=600, help="number of distinct jobs")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--catchup-timeout", type=float, default=240, help="bound on the catch-up and on the rebuild wait")
    ap.add_argument("--rebuild", action="store_true",
                    help="also time POST /api/v1/admin/lineage/rebuild (replay of the whole journal with no ingest "
                         "competing); bounded by --catchup-timeout")
    ap.add_argument("--floor-clients", default="1,8",
                    help="client counts of the floor phases: invalid events (bad run id) answered 400 after the "
                         "full JSON parse, i.e. HTTP + parse with no journal and no projection ('' to skip)")
    ap.add_argument("--jvm-opt", action="append", default=[], help="extra JVM option for the server (repeatable)")
    ap.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                    help="extra server environment ({data} = the data dir), e.g. "
                         "DATASOURCES_DEFAULT_URL='jdbc:h2:file:{data}/db/tessera;WRITE_DELAY=0' (repeatable)")
    ap.add_argument("--jar", default="catalog-server/target/catalog-server.jar")
    ap.add_argument("--out", default="bench/results/lineage-load.json")
    ap.add_argument("--dump-events", metavar="FILE", help="only write N generated events (JSON lines) to FILE and exit")
    ap.add_argument("--dump-count", type=int, default=6000)
    ap.add_argument("--sustained", type=float, metavar="SECONDS",
                    help="instead of the phases: post with --clients (first value, e.g. 4) for this long, at --rate "
                         "events/s in all (0 = as fast as the server answers), and sample the journal, projected "
                         "position, graph and search revisions every second; reports accepted/s, projected/s and "
                         "the projection's and search index's lag (events and seconds) p50/p99/max")
    ap.add_argument("--rate", type=float, default=0, help="with --sustained: target events/s over all clients (0 = max)")
    ap.add_argument("--pool", type=int, default=4000,
                    help="with --sustained: distinct runs generated up front; clients cycle through them, each "
                         "cycle with fresh run ids (so every event is new to the journal)")
    a = ap.parse_args()
    java_home = os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
    java = os.path.join(java_home, "bin", "java")
    if not os.path.exists(a.jar):
        print("packaged jar missing; building it (./mvnw -q -DskipTests package) ...", flush=True)
        subprocess.run(["./mvnw", "-q", "-DskipTests", "package"], check=True)
    clients = [int(c) for c in a.clients.split(",")]
    rng = random.Random(a.seed)
    topo = Topology(rng, a.datasets, a.jobs)
    base_time = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    seq = [0]

    sizes = {"START": [0, 0], "COMPLETE": [0, 0]}

    def make(n):
        out = []
        while len(out) < n:
            start, complete = run_events(rng, topo, seq[0], base_time)
            for kind, body in (("START", start), ("COMPLETE", complete)):
                sizes[kind][0] += 1
                sizes[kind][1] += len(body)
            out.extend((start, complete))
            seq[0] += 1
        return out

    if a.dump_events:
        with open(a.dump_events, "wb") as f:
            for body in make(a.dump_count):
                f.write(body + b"\n")
        print(f"wrote {a.dump_count} events to {a.dump_events}")
        return
    work = tempfile.mkdtemp(prefix="tessera-lineage-bench-")
    data = os.path.join(work, "data")
    jar = os.path.join(work, "catalog-server.jar")
    snapshot_jar(a.jar, jar)
    import hashlib
    jar_info = {"path": a.jar, "sha256": hashlib.sha256(open(jar, "rb").read()).hexdigest()[:16],
                "mtime": dt.datetime.fromtimestamp(os.path.getmtime(a.jar), dt.timezone.utc).isoformat(timespec="seconds")}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, TESSERA_DATA_DIR=data, MICRONAUT_SERVER_PORT=str(port), TESSERA_DEMO="false",
               TESSERA_ADMIN_TOKEN=BENCH_TOKEN)
    for kv in a.env:
        k, v = kv.split("=", 1)
        env[k] = v.replace("{data}", data)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    log_path = os.path.join(os.path.dirname(a.out), "lineage-load-server.log")
    log = open(log_path, "w")
    java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    results = {
        "tool": "bench/lineage_load.py", "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "java": java_version,
                    "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
        "jar": jar_info,
        "config": {k: getattr(a, k) for k in ("clients", "events", "seconds", "warmup", "datasets", "jobs", "seed", "jvm_opt", "env")},
    }
    sample = run_events(random.Random(a.seed + 1), topo, 0, base_time)
    print(f"example event sizes: START {len(sample[0])} B, COMPLETE {len(sample[1])} B", flush=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen([java, "--enable-native-access=ALL-UNNAMED", *a.jvm_opt, "-jar", jar],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 300  # a shared machine can take minutes to start a JVM
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except Exception:
                pass
            if time.time() > deadline or proc.poll() is not None:
                sys.exit("server did not become healthy; see " + log_path)
            time.sleep(0.05)
        results["startup_s"] = round(time.perf_counter() - t0, 2)
        print(f"server up on {base} after {results['startup_s']} s (pid {proc.pid})", flush=True)
        floor_clients = [int(x) for x in a.floor_clients.split(",") if x]
        results["floor"] = []
        if floor_clients:
            bad = lambda bodies: [b.replace(b'"runId":"', b'"runId":"not-a-uuid-', 1) for b in bodies]
            phase(base, port, proc.pid, 4, [bad(make(a.warmup))[k::4] for k in range(4)], 60, "floor warm-up", expect=400)
            for c in floor_clients:
                bodies = bad(make(a.events))
                print(f"floor: {c} client(s), {a.events} invalid events (400 after parsing) ...", flush=True)
                r = phase(base, port, proc.pid, c, [bodies[k::c] for k in range(c)], a.seconds, f"floor (400), {c} client(s)", expect=400)
                results["floor"].append(r)
                print(f"  {r['accepted']} answered 400 in {r['wall_s']} s = {r['accepted_per_s']} requests/s; "
                      f"p50 {r['latency_ms']['p50']} ms, p99 {r['latency_ms']['p99']} ms", flush=True)
        if a.warmup:
            print(f"warm-up: {a.warmup} events with 4 clients, then wait for the projection ...", flush=True)
            bodies = make(a.warmup)
            w = phase(base, port, proc.pid, 4, [bodies[i::4] for i in range(4)], 60, "warm-up")
            results["warmup"] = w
            t = time.time()
            while time.time() - t < a.catchup_timeout:
                s = get_json(base, "/api/v1/admin/lineage/status")
                if s["projected"] >= s["journal"]:
                    break
                time.sleep(0.2)
        if a.sustained:
            results["sustained"] = sustained(base, port, proc.pid, clients[0], make(2 * a.pool), a.sustained, a.rate,
                                             a.catchup_timeout)
            results["disk_mib_after_catchup"] = disk_mib(data)
            return
        results["phases"] = []
        for c in clients:
            bodies = make(a.events)
            # each client posts whole runs (START then COMPLETE) in order
            runs = [bodies[i:i + 2] for i in range(0, len(bodies), 2)]
            per = [[b for r in runs[k::c] for b in r] for k in range(c)]
            print(f"phase: {c} client(s), up to {a.events} events or {a.seconds:.0f} s ...", flush=True)
            r = phase(base, port, proc.pid, c, per, a.seconds, f"{c} client(s)")
            results["phases"].append(r)
            print(f"  {r['accepted']} accepted in {r['wall_s']} s = {r['accepted_per_s']} events/s; "
                  f"p50 {r['latency_ms']['p50']} ms, p99 {r['latency_ms']['p99']} ms; CPU cores: server {r['server_cpu_cores']}, "
                  f"client {r['client_cpu_cores']}, other processes {r['other_processes_cpu_cores']}; "
                  f"errors {r['errors'] or 'none'}", flush=True)
        s0 = get_json(base, "/api/v1/admin/lineage/status")
        t = time.perf_counter()
        print(f"projection catch-up: projected {s0['projected']} of {s0['journal']} ...", flush=True)
        s = s0
        while s["projected"] < s["journal"] and time.perf_counter() - t < a.catchup_timeout:
            time.sleep(0.1)
            s = get_json(base, "/api/v1/admin/lineage/status")
        dt_c = time.perf_counter() - t
        backlog = s0["journal"] - s0["projected"]
        results["catchup"] = {
            "journal": s["journal"], "projected_at_end_of_ingest": s0["projected"], "backlog": backlog,
            "caught_up": s["projected"] >= s["journal"], "projected_at_end": s["projected"], "seconds": round(dt_c, 2),
            "projected_per_s": round((s["projected"] - s0["projected"]) / dt_c, 1) if backlog and dt_c > 0 else None,
            "failures": s["failures"],
        }
        print(f"  backlog of {backlog} projected in {dt_c:.1f} s; failures {s['failures']}", flush=True)
        results["disk_mib_after_catchup"] = disk_mib(data)
        print(f"  data dir after catch-up: {results['disk_mib_after_catchup']}", flush=True)
        if a.rebuild:
            print("rebuild: replaying the whole journal into empty lineage graphs (no ingest) ...", flush=True)
            req = urllib.request.Request(base + "/api/v1/admin/lineage/rebuild", data=b"", method="POST",
                                         headers={"Content-Type": "application/json", **AUTH})
            cpu0, all0 = cpu_seconds(proc.pid), machine_busy_seconds()
            t = time.perf_counter()
            urllib.request.urlopen(req, timeout=10).read()
            s = get_json(base, "/api/v1/admin/lineage/status")
            while (s["rebuilding"] or s["projected"] < s["journal"]) and time.perf_counter() - t < a.catchup_timeout:
                time.sleep(0.1)
                s = get_json(base, "/api/v1/admin/lineage/status")
            dt_r = time.perf_counter() - t
            cpu1, all1 = cpu_seconds(proc.pid), machine_busy_seconds()
            results["rebuild"] = {"events": s["journal"], "seconds": round(dt_r, 2), "done": not s["rebuilding"],
                                  "projected_per_s": round(s["projected"] / dt_r, 1),
                                  "server_cpu_cores": round((cpu1 - cpu0) / dt_r, 2),
                                  "other_processes_cpu_cores": round(((all1 - all0) - (cpu1 - cpu0)) / dt_r, 2),
                                  "failures": s["failures"]}
            print(f"  {'finished' if results['rebuild']['done'] else 'NOT finished'}: projected {s['projected']} of {s['journal']} "
                  f"after {dt_r:.1f} s", flush=True)
        results["event_bytes_mean"] = {k: round(v[1] / v[0]) for k, v in sizes.items() if v[0]}
    finally:
        if a.sustained and "sustained" in results:
            json.dump(results, open(a.out, "w"), indent=2)
            print(f"wrote {a.out}")
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    json.dump(results, open(a.out, "w"), indent=2)
    print()
    print(f"| phase | accepted | wall s | events/s | p50 ms | p95 ms | p99 ms | max ms | server CPU | client CPU | other processes' CPU | max projection lag |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results["floor"] + results["phases"]:
        l = r["latency_ms"]
        print(f"| {r['phase']} | {r['accepted']} | {r['wall_s']} | {r['accepted_per_s']} | {l['p50']} | {l['p95']} | {l['p99']} | {l['max']} "
              f"| {r['server_cpu_cores']} | {r['client_cpu_cores']} | {r['other_processes_cpu_cores']} | {r['projection_lag_max']} |")
    c = results["catchup"]
    print(f"\ncatch-up after ingest: {c['backlog']} events in {c['seconds']} s -> {c['projected_per_s']} events/s (failures {c['failures']})"
          + ("" if c["caught_up"] else f"; NOT caught up within --catchup-timeout ({c['projected_at_end']} of {c['journal']})"))
    if "rebuild" in results:
        r = results["rebuild"]
        print(f"rebuild from journal: {'finished' if r['done'] else 'NOT finished'} after {r['seconds']} s "
              f"({r['projected_per_s']} events/s)")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
