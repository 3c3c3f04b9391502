#!/usr/bin/env python3
"""Measures POST /api/v1/decisions (the run-time decision a query engine or sidecar asks for) over
HTTP against the packaged server, with usage agreements in force.

Starts catalog-server/target/catalog-server.jar (a private copy) on a fresh temporary data directory
and a free loopback port, or targets a running server (--base URL --admin-token TOKEN). Then:
  1. applies --products products in 20 domains with demo-like policies: a global policy keeps
     `restricted` products to EU residents; each domain keeps a fifth of its products (never
     classified restricted, so consumers can find them) to one purpose (retention, fraud-detection,
     reporting, research), like the demo's churn-scores-for-retention;
  2. mints --subjects consumer tokens (role consumer, region us, no purposes) as the admin;
  3. creates --agreements agreements: each consumer asks for purpose-restricted products
     (POST /api/v1/access-requests with the product's purpose code, one in four limited to the
     `table` port) and the admin approves each (POST /api/v1/access-requests/{id}/approve), one
     after the other, within --create-budget seconds (the count reached is reported);
  4. times --decisions decision calls per client count in --clients (each client its own
     keep-alive connection; every call as a consumer about itself): half allowed by one of the
     consumer's agreements (its product, port and purpose code), half denied (a purpose-restricted
     product it holds no agreement on, purpose marketing). Decisions are checked against what was
     expected; a floor phase of GET /health with the same client shows what HTTP alone costs.

Prints p50/p95/p99/max per phase and per kind (allowed, denied) and writes JSON. Python 3 standard
library only; seeded; loopback only.
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
import urllib.parse

BENCH_TOKEN = "bench-admin-token-on-loopback-only"
DOMAINS = 20
PURPOSES = ["retention", "fraud-detection", "reporting", "research"]
CLASSES = ["internal", "public", "confidential", "pii", "restricted"]


def pct(sorted_values, p):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def summary(lat):
    lat = sorted(lat)
    if not lat:
        return {"n": 0}
    return {"n": len(lat), "p50": round(pct(lat, 50), 2), "p95": round(pct(lat, 95), 2),
            "p99": round(pct(lat, 99), 2), "max": round(lat[-1], 2)}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


class Client:
    """One keep-alive connection; JSON in and out."""

    def __init__(self, base, token):
        u = urllib.parse.urlparse(base)
        self.host, self.port, self.token = u.hostname, u.port or 80, token
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def call(self, method, path, body=None, content_type="application/json"):
        headers = {"Authorization": "Bearer " + self.token}
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                r = self.conn.getresponse()
                raw = r.read()
                return r.status, (json.loads(raw) if raw and raw[:1] in (b"{", b"[") else raw)
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt == 2:
                    raise

    def ok(self, method, path, body=None, content_type="application/json", expect=(200, 201)):
        status, answer = self.call(method, path, body, content_type)
        if status not in expect:
            sys.exit(f"{method} {path} answered {status}: {answer!r}"[:800])
        return answer


def catalog(products):
    """The descriptors (YAML) and, per purpose-restricted product key, its purpose."""
    purpose_of, docs = {}, []
    rng = random.Random(7)
    for d in range(DOMAINS):
        docs.append(f"apiVersion: tessera/v1\nkind: Domain\nmetadata: {{name: d{d}}}\n"
                    f"spec: {{title: Domain {d}, owner: 'mailto:d{d}@bench.example'}}\n")
    for i in range(products):
        domain, name = f"d{i % DOMAINS}", f"p{i:05d}"
        restricted_purpose = (i // DOMAINS) % 5 == 0
        cls = ["internal", "pii", "confidential"][i % 3] if restricted_purpose else rng.choice(CLASSES)
        if restricted_purpose:
            purpose_of[f"{domain}/{name}"] = PURPOSES[(i % DOMAINS) % len(PURPOSES)]
        docs.append(f"""apiVersion: tessera/v1
kind: DataProduct
metadata: {{domain: {domain}, name: {name}}}
spec:
  title: Product {i}
  description: Synthetic product {i}.
  owner: mailto:{domain}@bench.example
  lifecycle: consume
  classification: [{cls}]
  tags: [bench]
  outputPorts:
    - name: table
      type: table
      dataset: {{namespace: "postgres://db:5432", name: "{domain}.{name}_table"}}
      schema:
        - {{name: id, type: string, required: true}}
        - {{name: email, type: string, required: false, classification: pii}}
    - name: events
      type: topic
      dataset: {{namespace: "kafka://broker:9092", name: "{domain}.{name}.events"}}
""")
    policies = ["""apiVersion: tessera/v1
kind: Policy
metadata: {name: restricted-data-eu-only}
spec:
  description: Restricted data may only be discovered and read by principals resident in the EU.
  targets: {classifications: [restricted]}
  permissions:
    - actions: [discover, read]
      constraints:
        - {attribute: region, operator: isAnyOf, values: [eu]}
  toxicCombinations:
    - {classifications: [pii, precise-location], result: restricted}
"""]
    for d in range(DOMAINS):
        names = sorted(k.split("/")[1] for k in purpose_of if k.startswith(f"d{d}/"))
        if not names:
            continue
        purpose = PURPOSES[d % len(PURPOSES)]
        policies.append(f"""apiVersion: tessera/v1
kind: Policy
metadata: {{domain: d{d}, name: scores-for-{purpose}}}
spec:
  description: Only for {purpose}.
  targets: {{products: [{", ".join(names)}]}}
  permissions:
    - actions: [read]
      constraints:
        - {{attribute: purpose, operator: isAnyOf, values: [{purpose}]}}
""")
    return docs, policies, purpose_of


def apply(admin, docs, batch=100):
    for k in range(0, len(docs), batch):
        report = admin.ok("POST", "/api/v1/descriptors", "---\n".join(docs[k:k + batch]).encode(),
                          "application/yaml")
        bad = [r for r in report.get("results", []) if r.get("status") not in ("created", "updated", "unchanged")]
        if bad:
            sys.exit(f"descriptor apply refused: {bad[:3]}")


def create_agreements(base, admin, tokens, purpose_of, count, budget, rng):
    """Request-then-approve, one agreement after the other; returns per subject its agreements."""
    keys = sorted(purpose_of)
    held = {s: [] for s in tokens}
    subjects = sorted(tokens)
    clients = {s: Client(base, tokens[s]) for s in subjects}
    order = {s: rng.sample(keys, len(keys)) for s in subjects}
    t0 = time.perf_counter()
    windows, last, created = [], t0, 0
    request_ms, approve_ms = [], []
    while created < count and time.perf_counter() - t0 < budget:
        s = subjects[created % len(subjects)]
        key = order[s][len(held[s])]
        port = "table" if rng.random() < 0.25 else None
        body = {"product": key, "purpose": "benchmark", "purposeCode": purpose_of[key]}
        if port:
            body["port"] = port
        t = time.perf_counter()
        req = clients[s].ok("POST", "/api/v1/access-requests", body, expect=(201,))
        u = time.perf_counter()
        done = admin.ok("POST", f"/api/v1/access-requests/{req['id']}/approve", {"reason": "bench"})
        v = time.perf_counter()
        request_ms.append((u - t) * 1000)
        approve_ms.append((v - u) * 1000)
        if done.get("state") != "active":
            sys.exit(f"approval did not activate: {done}")
        held[s].append({"id": req["id"], "product": key, "port": port, "purposeCode": purpose_of[key]})
        created += 1
        if created % 100 == 0:
            now = time.perf_counter()
            windows.append({"created": created, "per_s": round(100 / (now - last), 1),
                            "request_p50_ms": summary(request_ms[-100:])["p50"],
                            "approve_p50_ms": summary(approve_ms[-100:])["p50"]})
            print(f"  {created:>6} agreements: {100 / (now - last):6.1f}/s; last 100: request p50 "
                  f"{windows[-1]['request_p50_ms']} ms, approve p50 {windows[-1]['approve_p50_ms']} ms "
                  f"(load {loadavg():.1f})", flush=True)
            last = now
    return held, {"created": created, "seconds": round(time.perf_counter() - t0, 1),
                  "request_ms": summary(request_ms), "approve_ms": summary(approve_ms), "windows": windows}


def questions(held, purpose_of, n, rng):
    """n (subject, body, expected) questions: half allowed by an agreement, half denied."""
    keys = sorted(purpose_of)
    subjects = [s for s in sorted(held) if held[s]]
    out = []
    for i in range(n):
        s = rng.choice(subjects)
        if i % 2 == 0:
            a = rng.choice(held[s])
            body = {"product": a["product"], "action": "read", "purpose": a["purposeCode"]}
            body["port"] = a["port"] or "table"
            out.append((s, json.dumps(body).encode(), True))
        else:
            mine = {a["product"] for a in held[s]}
            key = rng.choice([k for k in keys if k not in mine])
            body = {"product": key, "port": "table", "action": "read", "purpose": "marketing"}
            out.append((s, json.dumps(body).encode(), False))
    return out


def phase(base, tokens, work, clients, label, path="/api/v1/decisions"):
    per = [work[c::clients] for c in range(clients)]
    results = []
    barrier = threading.Barrier(clients + 1)

    def run(items):
        conns = {}
        lat = {True: [], False: []}
        wrong, errors = 0, {}
        barrier.wait()
        for s, body, expected in items:
            conn = conns.get(s) or conns.setdefault(s, Client(base, tokens[s]))
            t = time.perf_counter()
            if body is None:
                status, answer = conn.call("GET", path)
            else:
                status, answer = conn.call("POST", path, body)
            ms = (time.perf_counter() - t) * 1000
            if status != 200:
                errors[str(status)] = errors.get(str(status), 0) + 1
                continue
            lat[expected].append(ms)
            if body is not None and answer["decision"]["allowed"] != expected:
                wrong += 1
        results.append((lat, wrong, errors))

    threads = [threading.Thread(target=run, args=(p,)) for p in per]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    allowed = [x for r in results for x in r[0][True]]
    denied = [x for r in results for x in r[0][False]]
    errors = {}
    for r in results:
        for k, v in r[2].items():
            errors[k] = errors.get(k, 0) + v
    return {"phase": label, "clients": clients, "calls": len(allowed) + len(denied),
            "wall_s": round(wall, 2), "per_s": round((len(allowed) + len(denied)) / wall, 1),
            "all": summary(allowed + denied), "allowed": summary(allowed), "denied": summary(denied),
            "unexpected_decisions": sum(r[1] for r in results), "errors": errors,
            "loadavg_1m_after": loadavg()}


def start_server(a, work):
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    if not os.path.exists(a.jar):
        sys.exit(f"{a.jar} is missing; build it with ./mvnw -q -DskipTests package")
    jar = os.path.join(work, "catalog-server.jar")
    shutil.copy(a.jar, jar)
    port = free_port()
    env = dict(os.environ, TESSERA_DATA_DIR=os.path.join(work, "data"), MICRONAUT_SERVER_PORT=str(port),
               TESSERA_DEMO="false", TESSERA_ADMIN_TOKEN=BENCH_TOKEN)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    log = open(os.path.join(os.path.dirname(a.out) or ".", "decision-load-server.log"), "w")
    proc = subprocess.Popen([java, "--enable-native-access=ALL-UNNAMED", *a.jvm_opt, "-jar", jar],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            sys.exit("server did not become healthy; see " + log.name)
        time.sleep(0.1)
    return proc, base


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=500)
    ap.add_argument("--subjects", type=int, default=200)
    ap.add_argument("--agreements", type=int, default=1000)
    ap.add_argument("--create-budget", type=float, default=900, help="seconds for creating agreements")
    ap.add_argument("--decisions", type=int, default=20000, help="decision calls per phase")
    ap.add_argument("--warmup", type=int, default=5000, help="decision calls before the phases (4 clients)")
    ap.add_argument("--clients", default="1,4")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--base", help="a running server instead of starting the jar")
    ap.add_argument("--admin-token", default=BENCH_TOKEN)
    ap.add_argument("--jar", default="catalog-server/target/catalog-server.jar")
    ap.add_argument("--jvm-opt", action="append", default=[])
    ap.add_argument("--out", default="bench/results/decision-load.json")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="tessera-decision-bench-")
    proc = None
    results = {"tool": "bench/decision_load.py", "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
               "config": {k: getattr(a, k) for k in ("products", "subjects", "agreements", "decisions", "clients", "seed")}}
    try:
        if a.base:
            base = a.base.rstrip("/")
        else:
            t = time.perf_counter()
            proc, base = start_server(a, work)
            print(f"server up on {base} after {time.perf_counter() - t:.1f} s", flush=True)
        admin = Client(base, a.admin_token)
        docs, policies, purpose_of = catalog(a.products)
        t = time.perf_counter()
        apply(admin, docs)
        apply(admin, policies)
        print(f"applied {a.products} products, {len(policies)} policies in {time.perf_counter() - t:.1f} s "
              f"({len(purpose_of)} purpose-restricted)", flush=True)
        tokens = {}
        run_id = f"{a.seed}-{int(time.time())}" if a.base else str(a.seed)
        for s in range(a.subjects):
            subject = f"bench-consumer-{run_id}-{s:04d}"
            issued = admin.ok("POST", "/api/v1/tokens", {"subject": subject, "roles": ["consumer"],
                                                         "attributes": {"region": ["us"]},
                                                         "description": "decision benchmark"})
            tokens[subject] = issued["secret"]
        print(f"minted {len(tokens)} consumer tokens; creating up to {a.agreements} agreements "
              f"(budget {a.create_budget:.0f} s) ...", flush=True)
        held, results["creation"] = create_agreements(base, admin, tokens, purpose_of, a.agreements,
                                                      a.create_budget, rng)
        c = results["creation"]
        print(f"created {c['created']} agreements in {c['seconds']} s; request p50 {c['request_ms']['p50']} ms, "
              f"approve p50 {c['approve_ms']['p50']} ms", flush=True)
        qs = questions(held, purpose_of, a.decisions, rng)
        print(f"warm-up: {a.warmup} decisions, 4 clients ...", flush=True)
        phase(base, tokens, questions(held, purpose_of, a.warmup, rng), 4, "warm-up")
        s0 = sorted(tokens)[0]
        results["phases"] = []
        for n in [int(x) for x in a.clients.split(",")]:
            floor = phase(base, tokens, [(s0, None, True)] * min(a.decisions, 5000), n,
                          f"floor: GET /health, {n} client(s)", path="/health")
            r = phase(base, tokens, qs, n, f"POST /api/v1/decisions, {n} client(s)")
            results["phases"] += [floor, r]
            for x in (floor, r):
                print(f"  {x['phase']}: {x['calls']} in {x['wall_s']} s = {x['per_s']}/s; all {x['all']}; "
                      f"unexpected {x['unexpected_decisions']}; errors {x['errors'] or 'none'}", flush=True)
    finally:
        if proc:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    json.dump(results, open(a.out, "w"), indent=2)
    print()
    print(f"agreements: {results['creation']['created']} over {a.subjects} consumers; products {a.products}")
    print("| phase | kind | n | calls/s | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results["phases"]:
        kinds = ["all"] if r["phase"].startswith("floor") else ["all", "allowed", "denied"]
        for k in kinds:
            s = r[k]
            print(f"| {r['phase']} | {k} | {s['n']} | {r['per_s'] if k == 'all' else ''} | {s.get('p50')} | "
                  f"{s.get('p95')} | {s.get('p99')} | {s.get('max')} |")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
