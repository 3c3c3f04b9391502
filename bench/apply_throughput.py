#!/usr/bin/env python3
"""Measures descriptor apply throughput of a packaged Tessera server.

Starts catalog-server/target/catalog-server.jar on a fresh temporary data directory and a free
loopback port, then measures: start-up time to a healthy server, one request carrying N product
descriptors, the same request again (every document unchanged), N single-document requests one
after another (latency percentiles), and the heap after load. Prints a table and writes JSON.
Loopback only; bounded in time.

With --mesh DIR (a mesh written by `bench/run --size M --generate-only`), it instead posts the
mesh's descriptor files as the harness does (domains.yaml, then each products-NNNNN.yaml of 100
products, one request each, in order) and reports products/s per window of --window products, so
that one run shows whether apply stays flat as the catalog grows.
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

# The server these scripts start is private to one run (loopback, temporary data directory) and
# accepts this admin token (TESSERA_ADMIN_TOKEN); every request carries it.
BENCH_TOKEN = "bench-admin-token-on-loopback-only"
AUTH = {"Authorization": "Bearer " + BENCH_TOKEN}

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def product(i, domain, prefix):
    return f"""apiVersion: tessera/v1
kind: DataProduct
metadata: {{domain: {domain}, name: {prefix}-{i:05d}}}
spec:
  title: Benchmark product {i}
  description: Synthetic product number {i} with two output ports and a schema of eight columns.
  owner: mailto:team-{i % 37}@bench.example
  lifecycle: {["ideation", "design", "build", "consume"][i % 4]}
  classification: [{["internal", "pii", "confidential"][i % 3]}]
  tags: [bench, t{i % 50}]
  outputPorts:
    - name: table
      dataset: {{namespace: "postgres://warehouse:5432", name: "{domain}.public.{prefix}_{i:05d}"}}
      schema:
""" + "".join(f"        - {{name: c{c}, type: string, required: {str(c == 0).lower()}}}\n" for c in range(8)) + f"""    - name: topic
      type: topic
      dataset: {{namespace: "kafka://broker:9092", name: "{prefix}.{i:05d}"}}
  inputPorts:
    - dataset: {{namespace: "kafka://broker:9092", name: "{prefix}.{max(i - 1, 0):05d}"}}
"""

def post(base, body, timeout=600):
    req = urllib.request.Request(base + "/api/v1/descriptors", data=body.encode(), method="POST",
                                 headers={"Content-Type": "application/yaml", **AUTH})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read())

def post_file(base, path, timeout=600):
    with open(path, "rb") as f:
        body = f.read()
    req = urllib.request.Request(base + "/api/v1/descriptors", data=body, method="POST",
                                 headers={"Content-Type": "application/yaml", **AUTH})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read())

def thread_cpu(pid):
    """CPU seconds (user + system) per thread group of a process, from /proc (Linux only)."""
    groups = {}
    tick = os.sysconf("SC_CLK_TCK")
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return groups
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        key = "".join("N" if c.isdigit() else c for c in name)
        groups[key] = groups.get(key, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return groups

def load_mesh(base, a, results, pid):
    """Posts the mesh's descriptor files in order; products/s per window of a.window products."""
    d = os.path.join(a.mesh, "descriptors")
    post_file(base, os.path.join(d, "domains.yaml"))
    files = sorted(f for f in os.listdir(d) if f.startswith("products-"))
    stop = time.time() + a.budget * 60
    cpu_before = thread_cpu(pid)
    windows, done, window_start, window_n, total_s = [], 0, time.perf_counter(), 0, 0.0
    for f in files:
        if done >= a.products or time.time() > stop:
            break
        t = time.perf_counter(); report = post_file(base, os.path.join(d, f)); dt = time.perf_counter() - t
        n = len(report["results"])
        assert all(r["status"] == "created" for r in report["results"]), "unexpected status in " + f
        done += n; window_n += n; total_s += dt
        if window_n >= a.window:
            el = time.perf_counter() - window_start
            windows.append({"loaded_before": done - window_n, "products": window_n, "s": round(el, 2),
                            "products_per_s": round(window_n / el, 1), "uptime": os.getloadavg()[0]})
            print(f"  {done - window_n:>7,}..{done:>7,} products: {window_n / el:8.1f} products/s "
                  f"(load {os.getloadavg()[0]:.2f})", flush=True)
            window_start, window_n = time.perf_counter(), 0
    results["mesh"] = a.mesh
    results["mesh_products"] = done
    results["mesh_request_s"] = round(total_s, 2)
    results["mesh_products_per_s"] = round(done / total_s, 1) if total_s else None
    results["mesh_windows"] = windows
    cpu = thread_cpu(pid)
    spent = {k: v - cpu_before.get(k, 0.0) for k, v in cpu.items()}
    request = sum(v for k, v in spent.items() if k.startswith("blocking-execut"))
    results["cpu_s"] = {k: round(v, 1) for k, v in sorted(spent.items(), key=lambda kv: -kv[1]) if v >= 0.5}
    results["request_cpu_ms_per_product"] = round(1000 * request / done, 2) if done else None
    results["process_cpu_ms_per_product"] = round(1000 * sum(spent.values()) / done, 2) if done else None
    # the same files again: every document unchanged
    t = time.perf_counter(); report = post_file(base, os.path.join(d, files[0])); dt = time.perf_counter() - t
    assert all(r["status"] == "unchanged" for r in report["results"])
    results["mesh_unchanged_file_s"] = round(dt, 3)

def disk_mib(data):
    """MiB under each store of a data directory (db = H2, graph = TDB2, index = Lucene)."""
    sizes = {}
    for store in ("db", "graph", "index"):
        total = 0
        for root, _, files in os.walk(os.path.join(data, store)):
            for f in files:
                try:
                    total += os.path.getsize(os.path.join(root, f))
                except OSError:
                    pass
        sizes[store] = round(total / 2**20, 1)
    return sizes

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--products", type=int, default=1000)
    ap.add_argument("--jar", default="catalog-server/target/catalog-server.jar")
    ap.add_argument("--out", default="bench/results/apply-throughput.json")
    ap.add_argument("--mesh", help="a generated mesh directory (mesh-<size>-<seed>); posts its descriptor files")
    ap.add_argument("--window", type=int, default=1000, help="products per reported window (--mesh)")
    ap.add_argument("--budget", type=float, default=30, help="minutes of loading at most (--mesh)")
    ap.add_argument("--jvm-opt", action="append", default=[], help="extra JVM option for the server (repeatable)")
    a = ap.parse_args()
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    data = tempfile.mkdtemp(prefix="tessera-bench-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, TESSERA_DATA_DIR=data, MICRONAUT_SERVER_PORT=str(port), TESSERA_DEMO="false",
               TESSERA_ADMIN_TOKEN=BENCH_TOKEN)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    log = open(os.path.join(os.path.dirname(a.out), "server.log"), "w")
    t0 = time.perf_counter()
    proc = subprocess.Popen([java, "--enable-native-access=ALL-UNNAMED", *a.jvm_opt, "-jar", a.jar], env=env, stdout=log, stderr=subprocess.STDOUT)
    results = {"products": a.products}
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except Exception:
                pass
            if time.time() > deadline or proc.poll() is not None:
                sys.exit("server did not become healthy; see " + log.name)
            time.sleep(0.05)
        results["startup_s"] = round(time.perf_counter() - t0, 2)
        results["load_before"] = os.getloadavg()
        if a.mesh:
            load_mesh(base, a, results, proc.pid)
            return
        post(base, "apiVersion: tessera/v1\nkind: Domain\nmetadata: {name: bench}\nspec: {owner: 'mailto:bench@bench.example'}\n")
        batch = "---\n".join(product(i, "bench", "batch") for i in range(a.products))
        print(f"applying {a.products} products in one request ...", flush=True)
        t = time.perf_counter(); report = post(base, batch); dt = time.perf_counter() - t
        assert all(r["status"] == "created" for r in report["results"]), "unexpected status"
        results["batch_request_s"] = round(dt, 2)
        results["batch_products_per_s"] = round(a.products / dt, 1)
        t = time.perf_counter(); report = post(base, batch); dt = time.perf_counter() - t
        assert all(r["status"] == "unchanged" for r in report["results"])
        results["batch_unchanged_s"] = round(dt, 2)
        print(f"applying {a.products} products one request each ...", flush=True)
        lat = []
        t = time.perf_counter()
        for i in range(a.products):
            s = time.perf_counter(); post(base, product(i, "bench", "single")); lat.append((time.perf_counter() - s) * 1000)
        dt = time.perf_counter() - t
        lat.sort()
        results["single_products_per_s"] = round(a.products / dt, 1)
        results["single_latency_ms"] = {"p50": round(lat[len(lat) // 2], 1), "p99": round(lat[int(len(lat) * 0.99) - 1], 1), "max": round(lat[-1], 1)}
        heap = subprocess.run(["jcmd", str(proc.pid), "GC.heap_info"], capture_output=True, text=True, env=env).stdout \
            if shutil.which("jcmd") else ""
        results["heap_info"] = " ".join(heap.split())[:200]
    finally:
        results["load_after"] = os.getloadavg()
        results["disk_mib_running"] = disk_mib(data)
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
        results["disk_mib_stopped"] = disk_mib(data)
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(os.path.dirname(a.out), exist_ok=True)
        json.dump(results, open(a.out, "w"), indent=2)
        print(json.dumps(results, indent=2))

if __name__ == "__main__":
    main()
