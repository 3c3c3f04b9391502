#!/usr/bin/env python3
"""Checks what "durable when POST /api/v1/lineage returns 201" means after a process crash.

Starts the packaged server on a temporary data directory, posts events from 4 keep-alive clients
for a few seconds, sends SIGKILL to the server right after the last 201 (no shutdown hook, no
H2 close), restarts it on the same directory and compares the journal size (GET
/api/v1/admin/lineage/status) with the number of 201 responses. Repeats a few times. A process
crash leaves the OS page cache intact, so this tests what H2 had written (not fsync'd) at the
moment of the kill; a power loss can lose more (H2 does not fsync on commit).

Usage: python3 bench/journal_crash_test.py [--rounds 3] [--seconds 3] [--jar ...]
Standard library only; loopback only; bounded in time. Writes bench/results/journal-crash.json.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import datetime as dt
import http.client
import urllib.request

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lineage_load as L  # noqa: E402

# The server these scripts start is private to one run (loopback, temporary data directory) and
# accepts this admin token (TESSERA_ADMIN_TOKEN); every request carries it.
BENCH_TOKEN = "bench-admin-token-on-loopback-only"
AUTH = {"Authorization": "Bearer " + BENCH_TOKEN}


def journal_rows(port):
    """COUNT(*) of the journal, via the Marquez-style raw events listing."""
    return L.get_json(f"http://127.0.0.1:{port}", "/api/v1/events/lineage?limit=1")["totalCount"]


def start(java, jar, data, port, log, extra_env):
    env = dict(os.environ, TESSERA_DATA_DIR=data, MICRONAUT_SERVER_PORT=str(port), TESSERA_DEMO="false",
               TESSERA_ADMIN_TOKEN=BENCH_TOKEN)
    for kv in extra_env:
        k, v = kv.split("=", 1)
        env[k] = v.replace("{data}", data)
    proc = subprocess.Popen([java, "--enable-native-access=ALL-UNNAMED", "-jar", jar], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except Exception:
            pass
        if time.time() > deadline or proc.poll() is not None:
            sys.exit("server did not become healthy; see " + log.name)
        time.sleep(0.05)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jar", default="catalog-server/target/catalog-server.jar")
    ap.add_argument("--out", default="bench/results/journal-crash.json")
    ap.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                    help="extra server environment, e.g. DATASOURCES_DEFAULT_URL='jdbc:h2:file:{data}/db/tessera;WRITE_DELAY=0'")
    a = ap.parse_args()
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    rng = random.Random(a.seed)
    topo = L.Topology(rng, 500, 200)
    base_time = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    work = tempfile.mkdtemp(prefix="tessera-crash-test-")
    jar = os.path.join(work, "catalog-server.jar")
    L.snapshot_jar(a.jar, jar)
    data = os.path.join(work, "data")
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    log = open(os.path.join(os.path.dirname(a.out), "journal-crash-server.log"), "w")
    seq = 0
    rounds = []
    acked_total = 0
    try:
        for rnd in range(a.rounds):
            port = L.free_port()
            proc = start(java, jar, data, port, log, a.env)
            before = journal_rows(port)
            bodies = []
            for _ in range(int(a.seconds * 2000)):
                bodies.extend(L.run_events(rng, topo, seq, base_time))
                seq += 1
            acked = [0] * 4
            stop = time.perf_counter() + a.seconds

            def client(k):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                for body in bodies[k::4]:
                    if time.perf_counter() > stop:
                        break
                    conn.request("POST", "/api/v1/lineage", body=body, headers={"Content-Type": "application/json", **AUTH})
                    r = conn.getresponse()
                    r.read()
                    if r.status == 201:
                        acked[k] += 1
                conn.close()

            threads = [threading.Thread(target=client, args=(k,)) for k in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            os.kill(proc.pid, signal.SIGKILL)  # right after the last 201
            proc.wait()
            acked_total += sum(acked)
            port = L.free_port()
            proc = start(java, jar, data, port, log, a.env)
            after = journal_rows(port)
            proc.terminate()
            proc.wait(30)
            r = {"round": rnd + 1, "acknowledged": sum(acked), "journal_before": before, "journal_after_restart": after,
                 "lost": before + sum(acked) - after}
            rounds.append(r)
            print(r, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {"tool": "bench/journal_crash_test.py", "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "rounds": rounds, "env": a.env, "acknowledged_total": acked_total, "lost_total": sum(r["lost"] for r in rounds)}
    json.dump(result, open(a.out, "w"), indent=2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
