#!/usr/bin/env python3
"""Summarises a JFR recording: where CPU samples and blocking go.

Usage: python3 bench/jfr_top.py /tmp/ingest.jfr [--thread REGEX] [--top 25] [--frame-regex REGEX]

Reads `jfr print --json` (the jfr tool of $JAVA_HOME) and prints:
  * execution samples per thread group (digits in thread names folded),
  * top self frames (the method on the CPU),
  * top inclusive frames whose class matches --frame-regex (default: our code and the libraries
    on the ingest and projection paths), i.e. "time spent in or below this method",
  * thread park / monitor wait / monitor enter time by the first matching frame.
Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess


def frames(ev):
    st = ev.get("values", ev).get("stackTrace") or {}
    out = []
    for f in st.get("frames", []) or []:
        m = f.get("method", {})
        t = m.get("type", {}).get("name", "?").replace("/", ".")
        out.append(f"{t}.{m.get('name', '?')}:{f.get('lineNumber', '')}")
    return out


def thread_name(ev):
    v = ev.get("values", ev)
    t = v.get("sampledThread") or v.get("eventThread") or {}
    return t.get("javaName") or t.get("osName") or "?"


def dur_ms(ev):
    d = ev.get("values", ev).get("duration")
    if isinstance(d, (int, float)):
        return d / 1e6
    if isinstance(d, str):  # ISO-8601 duration, e.g. PT0.012S
        m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d)
        if m:
            return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000
    return 0.0


def load(path, event):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events", event, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--thread", default=None, help="only threads whose name matches")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--frame-regex", default=r"^(io\.tessera|org\.h2\.(command|mvstore|jdbc|store)|org\.apache\.jena\.(shacl|tdb2|dboe)|com\.fasterxml|com\.zaxxer|io\.micronaut\.http\.server)")
    a = ap.parse_args()
    rx = re.compile(a.frame_regex)
    tr = re.compile(a.thread) if a.thread else None

    samples = load(a.jfr, "jdk.ExecutionSample")
    samples = [s for s in samples if not tr or tr.search(thread_name(s))]
    print(f"== {len(samples)} execution samples")
    by_thread = collections.Counter(re.sub(r"\d+", "N", thread_name(s)) for s in samples)
    for t, n in by_thread.most_common(12):
        print(f"{n:7d} {100 * n / max(1, len(samples)):5.1f}%  {t}")
    self_c = collections.Counter()
    incl = collections.Counter()
    for s in samples:
        fs = frames(s)
        if fs:
            self_c[fs[0].rsplit(":", 1)[0]] += 1
        seen = set()
        for f in fs:
            m = f.rsplit(":", 1)[0]
            if rx.search(m) and m not in seen:
                seen.add(m)
                incl[m] += 1
    print(f"\n== top self frames")
    for m, n in self_c.most_common(a.top):
        print(f"{n:7d} {100 * n / max(1, len(samples)):5.1f}%  {m}")
    print(f"\n== top inclusive frames matching {a.frame_regex}")
    for m, n in incl.most_common(a.top):
        print(f"{n:7d} {100 * n / max(1, len(samples)):5.1f}%  {m}")

    for event in ("jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter"):
        try:
            evs = load(a.jfr, event)
        except subprocess.CalledProcessError:
            continue
        evs = [e for e in evs if (not tr or tr.search(thread_name(e))) and any(rx.search(f) for f in frames(e))]
        if not evs:
            continue
        agg = collections.defaultdict(lambda: [0, 0.0])
        for e in evs:
            fs = [f for f in frames(e) if rx.search(f)]
            key = (re.sub(r"\d+", "N", thread_name(e)), fs[0] if fs else (frames(e) or ["?"])[0])
            agg[key][0] += 1
            agg[key][1] += dur_ms(e)
        print(f"\n== {event} with a matching frame (idle pool threads left out): {len(evs)} events (>= JFR threshold), total {sum(v[1] for v in agg.values()):.0f} ms")
        for (t, f), (n, ms) in sorted(agg.items(), key=lambda kv: -kv[1][1])[:a.top]:
            print(f"{ms:10.0f} ms {n:6d}x  {t:28s} {f}")


if __name__ == "__main__":
    main()
