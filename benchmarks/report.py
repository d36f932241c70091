#!/usr/bin/env python3
"""Turns a JMH JSON result file of RunAll into docs/performance.md tables and an SVG chart.

Standard library only. Usage (from the repository root):

    python3 benchmarks/report.py [benchmarks/results/results.json] [docs]

Every table cell is computed from the JSON; the chart is drawn from the same numbers. The part of
docs/performance.md between the `<!-- assessment:start -->` and `<!-- assessment:end -->` markers
is written by hand and kept as it is; everything else in the file is regenerated.
"""

import html
import json
import math
import os
import platform
import re
import subprocess
import sys
from collections import OrderedDict

RESULTS = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results/results.json"
DOCS = sys.argv[2] if len(sys.argv) > 2 else "docs"
CHART = "performance.svg"

SUITES = OrderedDict(
    [
        ("memory", {"class": "MemoryBenchmark", "param": "provider", "peers": ["caffeine", "ehcache"],
                    "ops": ["getHit", "getMiss", "put", "mix90"], "unit": "ops/µs"}),
        ("redis", {"class": "RedisBenchmark", "param": "client", "peers": ["redisson", "jedis"],
                   "ops": ["get", "put", "getAll", "putAll"], "unit": "ops/s"}),
        ("dynamodb", {"class": "DynamoDbBenchmark", "param": "client", "peers": ["sdk", "sdk-larder-item"],
                      "ops": ["get", "put", "getAll", "putAll"], "unit": "ops/s"}),
    ]
)
NAMES = {"larder": "Larder", "caffeine": "Caffeine JCache", "ehcache": "Ehcache 3", "redisson": "Redisson JCache",
         "jedis": "raw Jedis", "sdk": "raw AWS SDK", "sdk-larder-item": "raw AWS SDK, Larder's item"}
OP_NAMES = {"getHit": "get (hit)", "getMiss": "get (miss)", "put": "put", "mix90": "90/10 get/put",
            "get": "get", "getAll": "getAll(100)", "putAll": "putAll(100)"}
JEDIS_OPS = {"get": "GET", "put": "SET", "getAll": "MGET", "putAll": "MSET"}
SDK_OPS = {"get": "GetItem", "put": "PutItem", "getAll": "BatchGetItem", "putAll": "4 × BatchWriteItem"}
# ARCHITECTURE.md's round-trip budget for DynamoDB
BUDGET = {"get": 1, "put": 1, "getAll": 1, "putAll": 4}


def merge(a, b):
    """Rounds of one benchmark (RunAll measures Redis and DynamoDB clients in rounds of alternating
    order): the mean of every number, and the largest error half-width of a round widened by half
    the spread between the rounds' scores."""
    na, nb = len(a["scores"]), len(b["scores"])
    out = {"unit": a["unit"], "scores": a["scores"] + b["scores"],
           "errors": a["errors"] + b["errors"]}
    for k in ("score", "alloc", "requests", "capacity"):
        x, y = a.get(k), b.get(k)
        out[k] = None if x is None or y is None else (x * na + y * nb) / (na + nb)
    err = [e for e in out["errors"] if e is not None and e == e]
    out["error"] = (max(err) if err else 0) + (max(out["scores"]) - min(out["scores"])) / 2
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    data = {}
    for row in rows:
        cls, op = row["benchmark"].split(".")[-2:]
        suite = next((s for s, d in SUITES.items() if d["class"] == cls), None)
        if suite is None:
            continue
        who = row["params"][SUITES[suite]["param"]]
        primary = row["primaryMetric"]
        secondary = row.get("secondaryMetrics", {})
        entry = {
            "score": primary["score"],
            "error": primary["scoreError"],
            "unit": primary["scoreUnit"],
            "alloc": secondary.get("gc.alloc.rate.norm", {}).get("score"),
            "requests": secondary.get("requests", {}).get("score"),
            "capacity": secondary.get("capacityUnits", {}).get("score"),
            "scores": [primary["score"]],
            "errors": [primary["scoreError"]],
        }
        key = (suite, op, row["threads"], who)
        data[key] = merge(data[key], entry) if key in data else entry
    meta = rows[0] if rows else {}
    return data, meta


def fmt(x, digits=3):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}g}" if abs(x) < 1 else f"{x:.2f}"


def ratio(data, suite, op, threads, peer):
    a, b = data.get((suite, op, threads, "larder")), data.get((suite, op, threads, peer))
    if not a or not b or not b["score"]:
        return None
    return a["score"] / b["score"]


def ratio_error(data, suite, op, threads, peer):
    """The relative error of a ratio: both scores' 99.9% error half-widths, combined."""
    a, b = data.get((suite, op, threads, "larder")), data.get((suite, op, threads, peer))
    if not a or not b or not a["score"] or not b["score"]:
        return None
    ea, eb = (a.get("error") or 0) / a["score"], (b.get("error") or 0) / b["score"]
    return (ea * ea + eb * eb) ** 0.5


def rfmt(r):
    return "–" if r is None else f"**{r:.2f}×**" if r >= 1 else f"{r:.2f}×"


def pfmt(r):
    return "–" if r is None else f"{r:.2f}×"


def threads_of(data, suite):
    return sorted({k[2] for k in data if k[0] == suite})


def per_op(entry, key):
    if not entry or entry.get(key) is None or not entry["score"]:
        return None
    return entry[key] / entry["score"]


def machine():
    def read(path):
        try:
            with open(path, encoding="utf-8") as f:
                return f.read()
        except OSError:
            return ""

    cpu = re.search(r"^model name\s*:\s*(.+)$", read("/proc/cpuinfo"), re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", read("/proc/meminfo"), re.M)
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    except OSError:
        java = []
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else "unknown",
        "memory": f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB" if mem else "unknown",
        "os": f"{platform.system()} {platform.release()}",
        "java": java[1].strip() if len(java) > 1 else (java[0] if java else "unknown"),
    }


def memory_tables(data):
    out = []
    s = SUITES["memory"]
    out.append("| operation | threads | Larder | Caffeine JCache | Ehcache 3 | Larder ÷ Caffeine | Larder ÷ Ehcache |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for op in s["ops"]:
        for t in threads_of(data, "memory"):
            cells = [fmt(data.get(("memory", op, t, p), {}).get("score")) for p in ["larder"] + s["peers"]]
            out.append(f"| {OP_NAMES[op]} | {t} | " + " | ".join(cells) + " | "
                       + " | ".join(rfmt(ratio(data, "memory", op, t, p)) for p in s["peers"]) + " |")
    out.append("")
    out.append("Throughput in operations per microsecond (higher is better); a ratio above 1 means Larder is faster.")
    out.append("")
    out.append("### Allocation per operation (JMH `-prof gc`, `gc.alloc.rate.norm`)")
    out.append("")
    out.append("| operation | threads | Larder | Caffeine JCache | Ehcache 3 |")
    out.append("|---|---:|---:|---:|---:|")
    for op in s["ops"]:
        for t in threads_of(data, "memory"):
            cells = []
            for p in ["larder"] + s["peers"]:
                a = data.get(("memory", op, t, p), {}).get("alloc")
                cells.append("–" if a is None else f"{a:.0f} B/op")
            out.append(f"| {OP_NAMES[op]} | {t} | " + " | ".join(cells) + " |")
    return out


def redis_tables(data):
    out = []
    s = SUITES["redis"]
    out.append("| operation (raw Jedis command) | threads | Larder | Redisson JCache | raw Jedis | Larder ÷ Redisson | Larder ÷ Jedis |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for op in s["ops"]:
        for t in threads_of(data, "redis"):
            cells = [fmt(data.get(("redis", op, t, p), {}).get("score")) for p in ["larder"] + s["peers"]]
            out.append(f"| {OP_NAMES[op]} ({JEDIS_OPS[op]}) | {t} | " + " | ".join(cells) + " | "
                       + " | ".join(rfmt(ratio(data, "redis", op, t, p)) for p in s["peers"]) + " |")
    out.append("")
    out.append("Throughput in operations per second, all threads together (higher is better).")
    out.append("")
    out.append("One-thread latency (µs per operation, the inverse of one-thread throughput):")
    out.append("")
    out.append("| operation | Larder | Redisson JCache | raw Jedis | Larder vs Jedis |")
    out.append("|---|---:|---:|---:|---:|")
    for op in s["ops"]:
        lat = {}
        for p in ["larder"] + s["peers"]:
            e = data.get(("redis", op, 1, p))
            lat[p] = 1e6 / e["score"] if e and e["score"] else None
        extra = "–" if lat["larder"] is None or lat["jedis"] is None else f"{(lat['larder'] / lat['jedis'] - 1) * 100:+.0f}%"
        out.append(f"| {OP_NAMES[op]} | " + " | ".join(fmt(lat[p]) for p in ["larder"] + s["peers"]) + f" | {extra} |")
    return out


def dynamodb_tables(data):
    out = []
    s = SUITES["dynamodb"]
    clients = ["larder", "sdk", "sdk-larder-item"]
    out.append("| operation (raw SDK call) | Larder ops/s | SDK ops/s | SDK, Larder's item ops/s | Larder ÷ SDK "
               "| Larder ÷ SDK, Larder's item | Larder µs/op | SDK µs/op | SDK, Larder's item µs/op "
               "| requests/op Larder | requests/op SDK | budget | capacity units/op Larder | capacity units/op SDK |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for op in s["ops"]:
        for t in threads_of(data, "dynamodb"):
            e = {c: data.get(("dynamodb", op, t, c)) for c in clients}
            lat = lambda x: 1e6 / x["score"] * t if x and x["score"] else None
            out.append(
                f"| {OP_NAMES[op]} ({SDK_OPS[op]}) | "
                + " | ".join(fmt(e[c] and e[c]["score"]) for c in clients) + " | "
                + f"{rfmt(ratio(data, 'dynamodb', op, t, 'sdk'))} | "
                + f"{rfmt(ratio(data, 'dynamodb', op, t, 'sdk-larder-item'))} | "
                + " | ".join(fmt(lat(e[c])) for c in clients) + " | "
                + f"{fmt(per_op(e['larder'], 'requests'))} | {fmt(per_op(e['sdk'], 'requests'))} | {BUDGET[op]} | "
                + f"{fmt(per_op(e['larder'], 'capacity'))} | {fmt(per_op(e['sdk'], 'capacity'))} |")
    out.append("")
    out.append("\"SDK\" is the raw call a hand-written cache makes: the key as the hash key and the value as one string "
               "attribute. \"SDK, Larder's item\" is the same raw call on an item shaped like Larder's (string partition "
               "key with a bucket, binary sort key, binary value, version, expiry, native TTL and written-at; built by "
               "hand in `ItemShape`): it does the request Larder makes, so Larder ÷ it is what Larder's client costs, "
               "and SDK, Larder's item ÷ SDK is what the bigger item costs DynamoDB Local.")
    out.append("")
    out.append("Requests are HTTP requests counted by an SDK `ExecutionInterceptor` on the benchmark thread; capacity "
               "units are what DynamoDB Local reported with `ReturnConsumedCapacity=TOTAL` (the interceptor adds it to "
               "Larder's requests, which do not ask for it). Both are per operation: the counter's rate divided by "
               "the operation rate of the same iterations.")
    return out


def targets(data):
    rows = []

    def add(target, value, met, how, near=False):
        verdict = ("met" if met else "level within error, not shown met" if near
                   else "**not met**" if met is not None else "no data")
        rows.append(f"| {target} | {value} | {verdict} | {how} |")

    def near(suite, op, t, peer, floor):
        # a miss smaller than the ratio's own error: the run cannot tell it from meeting the target
        r, e = ratio(data, suite, op, t, peer), ratio_error(data, suite, op, t, peer)
        return r is not None and e is not None and r < floor <= r * (1 + e)

    for t in threads_of(data, "memory"):
        r = ratio(data, "memory", "getHit", t, "caffeine")
        add(f"memory get hit ≥ Caffeine JCache ({t} thread{'s' if t > 1 else ''})", pfmt(r), None if r is None else r >= 1.0, "ratio ≥ 1",
            near("memory", "getHit", t, "caffeine", 1.0))
        r = ratio(data, "memory", "getHit", t, "ehcache")
        add(f"memory get hit ≥ 3× Ehcache 3 ({t} thread{'s' if t > 1 else ''})", pfmt(r), None if r is None else r >= 3.0, "ratio ≥ 3")
    for op in ["get", "put"]:
        r = ratio(data, "redis", op, 8, "redisson")
        add(f"Redis {op}, 8 threads ≥ 2× Redisson JCache", pfmt(r), None if r is None else r >= 2.0, "ratio ≥ 2")
    r = ratio(data, "redis", "get", 1, "jedis")
    add("Redis get, 1 thread, latency within 15% of raw Jedis GET",
        "–" if r is None else f"{(1 / r - 1) * 100:+.0f}% latency", None if r is None else 1 / r <= 1.15,
        "Larder latency ≤ 1.15 × Jedis")
    for op in SUITES["dynamodb"]["ops"]:
        r = ratio(data, "dynamodb", op, 1, "sdk")
        add(f"DynamoDB {OP_NAMES[op]} within 10% of raw SDK",
            "–" if r is None else f"{(1 / r - 1) * 100:+.0f}% latency", None if r is None else 1 / r <= 1.10,
            "Larder latency ≤ 1.10 × SDK")
        r = ratio(data, "dynamodb", op, 1, "sdk-larder-item")
        add(f"DynamoDB {OP_NAMES[op]} within 10% of raw SDK on Larder's item (Larder's client cost)",
            "–" if r is None else f"{(1 / r - 1) * 100:+.0f}% latency", None if r is None else 1 / r <= 1.10,
            "Larder latency ≤ 1.10 × SDK, same item")
        req = per_op(data.get(("dynamodb", op, 1, "larder")), "requests")
        add(f"DynamoDB {OP_NAMES[op]} requests = budget ({BUDGET[op]})", fmt(req),
            None if req is None else round(req, 2) <= BUDGET[op], "counted requests/op")
    return ["| target | measured | verdict | criterion |", "|---|---:|---|---|"] + rows + [
        "",
        "\"Level within error\" means the shortfall is smaller than the ratio's own 99.9% error (both "
        "scores' errors combined): this run cannot tell it from meeting the target, nor show that it does."]


def chart(data):
    bars = []
    for suite, s in SUITES.items():
        for op in s["ops"]:
            for t in threads_of(data, suite):
                for p in s["peers"]:
                    r = ratio(data, suite, op, t, p)
                    if r is not None:
                        bars.append((suite, f"{suite} · {OP_NAMES[op]} · {t}t · vs {NAMES[p]}", r))
    lo, hi = 1 / 64, 64
    width, left, right, bar_h, gap, top = 940, 330, 30, 14, 4, 40
    height = top + len(bars) * (bar_h + gap) + 40
    plot = width - left - right

    def x(v):
        v = min(max(v, lo), hi)
        return left + (math.log2(v) - math.log2(lo)) / (math.log2(hi) - math.log2(lo)) * plot

    colors = {"memory": "#4e79a7", "redis": "#e15759", "dynamodb": "#59a14f"}
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="18" font-size="13" font-weight="bold">Larder throughput ÷ peer throughput '
           f'(log scale; right of 1× = Larder faster)</text>']
    v = lo
    while v <= hi:
        gx = x(v)
        svg.append(f'<line x1="{gx:.1f}" y1="{top - 8}" x2="{gx:.1f}" y2="{height - 30}" '
                   f'stroke="{"#333" if v == 1 else "#ddd"}" stroke-width="{1.5 if v == 1 else 1}"/>')
        label = f"{v:g}×" if v >= 1 else f"1/{1 / v:g}×"
        svg.append(f'<text x="{gx:.1f}" y="{height - 14}" text-anchor="middle">{label}</text>')
        v *= 2
    for i, (suite, label, r) in enumerate(bars):
        y = top + i * (bar_h + gap)
        x0, x1 = x(1), x(r)
        svg.append(f'<text x="{left - 6}" y="{y + bar_h - 3}" text-anchor="end">{html.escape(label)}</text>')
        svg.append(f'<rect x="{min(x0, x1):.1f}" y="{y}" width="{max(abs(x1 - x0), 1):.1f}" height="{bar_h}" '
                   f'fill="{colors[suite]}"><title>{html.escape(label)}: {r:.2f}×</title></rect>')
        tx = x1 + 4 if r >= 1 else x1 - 4
        svg.append(f'<text x="{tx:.1f}" y="{y + bar_h - 3}" text-anchor="{"start" if r >= 1 else "end"}">{r:.2f}×</text>')
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def main():
    data, meta = load(RESULTS)
    m = machine()
    path = os.path.join(DOCS, "performance.md")
    assessment = "_Write the assessment here._\n"
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
        found = re.search(r"<!-- assessment:start -->\n(.*?)<!-- assessment:end -->", old, re.S)
        if found:
            assessment = found.group(1)
    with open(os.path.join(DOCS, CHART), "w", encoding="utf-8") as f:
        f.write(chart(data))
    jmh = meta.get("jmhVersion", "?")
    warm = f"{meta.get('warmupIterations', '?')} × {meta.get('warmupTime', '?')}"
    measure = f"{meta.get('measurementIterations', '?')} × {meta.get('measurementTime', '?')}"
    forks = meta.get("forks", "?")
    quick = str(meta.get("measurementTime", "")).startswith("1 ")
    banner = [
        "> **Indicative numbers.** They come from one *quick* run (few, short iterations) on a 2-core",
        "> machine. Ratios between peers measured in the same run are more trustworthy than the",
        "> absolute numbers, and still noisy: rerun the full mode before quoting them.",
    ] if quick else [
        "> From one full run (every suite, every peer, one command) on a 2-core virtual machine with",
        "> nothing else running. Ratios between peers measured in the same run carry; absolute numbers",
        "> are this machine's. The ± columns of the JSON give each score's 99.9% error.",
    ]
    md = [
        "# Performance",
        "",
    ] + banner + [
        "",
        "Larder side by side with what users would pick instead: Caffeine's JCache adapter and Ehcache 3",
        "in memory, Redisson's JCache and raw Jedis on Redis, the raw AWS SDK v2 on DynamoDB. Everything",
        "is measured through `javax.cache.Cache` except the raw clients. Sources: `benchmarks/`.",
        "",
        "## How to run",
        "",
        "From the repository root (see `benchmarks/README.md`):",
        "",
        "```sh",
        "mvn -B -q -pl benchmarks -am package -DskipTests \\",
        "  && java -cp \"benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)\" \\",
        "       dev.larder.benchmarks.RunAll --quick --out benchmarks/results/results.json \\",
        "  && python3 benchmarks/report.py benchmarks/results/results.json docs",
        "```",
        "",
        "Drop `--quick` for the full mode (5 × 2 s warm-up and measurement per benchmark; memory in 2",
        "forks, Redis and DynamoDB in rounds of one fork per client, see Setup).",
        "The runner starts one `redis-server` and one DynamoDB Local server (HTTP, in memory) for the",
        "whole run; every peer talks to the same server.",
        "",
        "## Setup",
        "",
        "- **Memory**: 16,384 String keys, 24-character String values, preloaded. Every cache is",
        "  **store-by-reference** (`setStoreByValue(false)`), statistics and management off, no expiry,",
        "  unbounded. Larder shares immutable values even by value, but Ehcache copies by serialization",
        "  when by-value, so by-reference is the like-for-like setting. Providers are obtained by class",
        "  name (`Caching.getCachingProvider(\"dev.larder.jcache.LarderCachingProvider\")`, ...),",
        "  since three providers share the classpath.",
        "- **Redis**: one local `redis-server` (the testkit's), 8,192 preloaded keys. Redisson 3.45.1",
        "  with `StringCodec` (its cheapest codec for Strings); raw Jedis 8 `RedisClient` with `GET`,",
        "  `SET`, `MGET` and `MSET` over RESP2 like Larder (Jedis 8 would negotiate RESP3), the floor",
        "  any Redis cache can reach. A one-thread round trip on this 2-core VM drifts by 10-20% between",
        "  JVM forks and over minutes, more than the 15% the one-thread target allows, so the clients",
        "  take turns: rounds of one fork per client, alternating declared and reverse order (4 rounds",
        "  with 1 thread, 2 with 8).",
        "- **DynamoDB**: DynamoDB Local 3.3.1 as an HTTP server in the runner's JVM; Larder's",
        "  `dynamodb://` store vs the raw SDK calls on a table keyed by the String key, and vs the same",
        "  raw calls on an item shaped like Larder's; all on the Apache HttpClient 5 transport, strongly",
        "  consistent reads, one thread. DynamoDB Local keeps speeding up as its JIT warms, so the runner",
        "  warms it with a discarded pass and then measures every client twice, in declared and in",
        "  reverse order, one fork each.",
        "- Where a client is measured in rounds, the tables show the mean of its rounds; the error is the",
        "  largest error of a round plus half the spread between the rounds' scores.",
        f"- JMH {jmh}, throughput mode, {forks} fork(s) for memory (Redis and DynamoDB: 1 per round), "
        f"warm-up {warm}, measurement {measure}; memory runs with the GC profiler.",
        "",
        "## The machine",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {m['cpu']} |",
        f"| cores (`nproc`) | {m['nproc']} |",
        f"| memory | {m['memory']} |",
        f"| OS | {m['os']} |",
        f"| JDK | {meta.get('vmName', '?')} {meta.get('jdkVersion', '?')} ({m['java']}) |",
        "| load | " + ("shared with other builds during the run" if quick else "nothing else running during the run") + " |",
        "",
        "## Results",
        "",
        f"![Larder throughput as a ratio to each peer]({CHART})",
        "",
        "### Memory",
        "",
        *memory_tables(data),
        "",
        "### Redis",
        "",
        *redis_tables(data),
        "",
        "### DynamoDB",
        "",
        *dynamodb_tables(data),
        "",
        "## Targets",
        "",
        "The targets of issue 7, computed from the same JSON:",
        "",
        *targets(data),
        "",
        "## Assessment",
        "",
        "<!-- assessment:start -->",
        assessment.rstrip("\n"),
        "<!-- assessment:end -->",
        "",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    print(f"wrote {path} and {os.path.join(DOCS, CHART)} from {len(data)} results")


if __name__ == "__main__":
    main()
