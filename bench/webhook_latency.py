#!/usr/bin/env python3
"""Webhook delivery latency, commit to receipt, and a receiver that is down for a while.

Starts the packaged server (catalog-server/target/catalog-server.jar) on a temporary data directory
and a loopback receiver (http.server) in this process. Subscribes the admin to one product's
events, then changes the product N times, one apply at a time, and measures for each event the
time from its CloudEvents `time` (set when the event is appended, in the transaction that commits
it) to its receipt by the receiver: p50/p99/max. Then the outage: the receiver answers 503 for
`--down` seconds (a 10-minute outage scaled down, with the backoff base and maximum scaled by the
same factor), one event is caused, and the script records every attempt and when the event finally
arrives after the receiver is back, next to the schedule the backoff predicts.

Usage: python3 bench/webhook_latency.py [--events 200] [--down 6] [--scale 100] [--jar ...]
Standard library only; loopback only; bounded in time. Writes bench/results/webhook-latency.json.
"""
import argparse
import datetime as dt
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

TOKEN = "bench-admin-token-on-loopback-only"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Receiver(http.server.BaseHTTPRequestHandler):
    received = []  # (receipt time, event id, subject, status answered)
    down_until = 0.0
    lock = threading.Lock()

    def do_POST(self):
        now = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        event = json.loads(body)
        status = 503 if now < Receiver.down_until else 200
        with Receiver.lock:
            Receiver.received.append((now, event["id"], event["time"], event["subject"], status))
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def call(base, method, path, body=None, content_type="application/json"):
    data = None if body is None else body.encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": content_type})
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def product(name, revision):
    return f"""apiVersion: tessera/v1
kind: DataProduct
metadata:
  domain: bench
  name: {name}
spec:
  title: {name}
  description: revision {revision}
  owner: mailto:bench@example.com
  lifecycle: design
"""


DOMAIN = """apiVersion: tessera/v1
kind: Domain
metadata:
  name: bench
spec:
  title: Bench
  description: Webhook latency.
  owner: mailto:bench@example.com
"""


def start(java, jar, data, port, log, env_extra):
    env = dict(os.environ, TESSERA_DATA_DIR=data, MICRONAUT_SERVER_PORT=str(port), TESSERA_DEMO="false",
               TESSERA_ADMIN_TOKEN=TOKEN, TESSERA_NOTIFY_ALLOW_PRIVATE_TARGETS="true", **env_extra)
    proc = subprocess.Popen([java, "--enable-native-access=ALL-UNNAMED", "-jar", jar], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except Exception:
            time.sleep(0.5)
    proc.kill()
    sys.exit("the server did not start; see " + log.name)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_time(t):
    return dt.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()


def wait_for(predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--down", type=float, default=6.0, help="outage in seconds (10 min / scale)")
    ap.add_argument("--scale", type=float, default=100.0, help="how much faster than real time")
    ap.add_argument("--jar", default=os.path.join(ROOT, "catalog-server/target/catalog-server.jar"))
    ap.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin/java"))
    args = ap.parse_args()

    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    hook = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    data = tempfile.mkdtemp(prefix="webhook-bench-")
    port = free_port()
    os.makedirs(os.path.join(ROOT, "bench/results"), exist_ok=True)
    # the production backoff (10 s doubling to 1 h) scaled down by --scale
    base_ms, max_ms = 10_000 / args.scale, 3_600_000 / args.scale
    env = {"TESSERA_NOTIFY_BACKOFF_BASE": f"{int(base_ms)}ms", "TESSERA_NOTIFY_BACKOFF_MAX": f"{int(max_ms)}ms"}
    log = open(os.path.join(ROOT, "bench/results/webhook-latency-server.log"), "w")
    proc = start(args.java, args.jar, data, port, log, env)
    base = f"http://127.0.0.1:{port}"
    try:
        call(base, "POST", "/api/v1/descriptors", DOMAIN, "application/yaml")
        call(base, "POST", "/api/v1/descriptors", product("orders", 0), "application/yaml")
        call(base, "POST", "/api/v1/subscriptions",
             json.dumps({"product": "bench/orders", "channel": "webhook", "url": hook, "types": ["product.changed"]}))
        # latency: one change at a time, each waited for
        latencies = []
        for i in range(1, args.events + 1):
            before = len(Receiver.received)
            call(base, "POST", "/api/v1/descriptors", product("orders", i), "application/yaml")
            if not wait_for(lambda: len(Receiver.received) > before, 30):
                sys.exit(f"event {i} was not delivered within 30 s")
            receipt, _, event_time, _, _ = Receiver.received[-1]
            latencies.append((receipt - parse_time(event_time)) * 1000)
        latencies.sort()
        q = statistics.quantiles(latencies, n=100)
        result = {"events": len(latencies), "p50_ms": round(q[49], 1), "p99_ms": round(q[98], 1),
                  "max_ms": round(latencies[-1], 1)}
        print(f"commit -> receipt over {len(latencies)} events: p50 {result['p50_ms']} ms, "
              f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms")

        # outage: the receiver answers 503 for --down seconds
        Receiver.received.clear()
        start_outage = time.time()
        Receiver.down_until = start_outage + args.down
        call(base, "POST", "/api/v1/descriptors", product("orders", "outage"), "application/yaml")
        if not wait_for(lambda: any(r[4] == 200 for r in Receiver.received), args.down * 20 + 60):
            sys.exit("the event was not delivered after the outage")
        attempts = [round(r[0] - start_outage, 3) for r in Receiver.received]
        delivered = next(r[0] for r in Receiver.received if r[4] == 200) - start_outage
        # the schedule without jitter (upper bound of each wait) and with the least jitter (half)
        waits, t, n = [], 0.0, 1
        while t < args.down * 3:
            w = min(base_ms * 2 ** (n - 1), max_ms) / 1000
            waits.append(w)
            t += w
            n += 1
        outage = {"down_s": args.down, "scale": args.scale, "attempt_offsets_s": attempts,
                  "delivered_after_s": round(delivered, 3),
                  "after_receiver_back_s": round(delivered - args.down, 3),
                  "backoff_waits_ceiling_s": [round(w, 3) for w in waits],
                  "same_event_id": len({r[1] for r in Receiver.received}) == 1}
        print(f"receiver down {args.down} s (10 min / {args.scale:g}): {len(attempts)} attempts at {attempts} s, "
              f"delivered {outage['delivered_after_s']} s after the outage began "
              f"({outage['after_receiver_back_s']} s after the receiver was back); "
              f"same event id on every attempt: {outage['same_event_id']}")
        with open(os.path.join(ROOT, "bench/results/webhook-latency.json"), "w") as f:
            json.dump({"latency": result, "outage": outage,
                       "when": dt.datetime.now(dt.timezone.utc).isoformat()}, f, indent=2)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        receiver.shutdown()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
