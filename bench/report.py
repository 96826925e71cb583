#!/usr/bin/env python3
"""Turns the measurements bench/run.sh left in a results folder into a markdown report
(tables and PASS/FAIL per floor) on stdout. Python 3 standard library only.

    python3 bench/report.py target/bench/results
"""

import glob
import json
import math
import os
import re
import sys

# The floors the project must meet (see bench/README.md).
INDEX_RATIO_MAX = 1.5  # newsdex full index time / tantivy-cli index time
REINDEX_PCT_MAX = 5.0  # re-index of an unchanged folder, % of the full index time
RG_SPEEDUP_MIN = 20.0  # rg time / newsdex time per query, at 10x
PEAK_MB_MAX = 600.0  # newsdex peak RSS at 10x
PEAK_GROWTH_MAX = 1.5  # "about the same at 1x and 10x": newsdex peak 10x / 1x


def read_env(out):
    env = {}
    path = os.path.join(out, "env.txt")
    if os.path.exists(path):
        for line in open(path):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


def read_time(prefix):
    """(seconds, peak MB, exit code, CPU seconds or None) of one /usr/bin/time -v run, or None.
    Older results have no CPU seconds."""
    try:
        fields = open(prefix + ".time").read().split()
        secs, rss, rc = fields[:3]
        cpu = float(fields[3]) if len(fields) > 3 else None
        return float(secs), int(rss) / 1024.0, int(rc), cpu
    except (OSError, ValueError):
        return None


def median(xs):
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def run_prefixes(prefix):
    """The prefixes of one index command's runs in order (`prefix.r1`, `prefix.r2`, ...); older
    results have one run, `prefix` itself."""
    runs = glob.glob(prefix + ".r*.time")
    runs = sorted((x[: -len(".time")] for x in runs), key=lambda x: int(x.rsplit(".r", 1)[1]))
    return runs or [prefix]


def read_runs(prefix):
    """The runs of one index command, as (median seconds, peak MB over the runs, worst exit
    code, median CPU seconds or None, [seconds of each run]), or None."""
    runs = [t for t in map(read_time, run_prefixes(prefix)) if t]
    if not runs:
        return None
    cpus = [t[3] for t in runs if t[3] is not None]
    return (median([t[0] for t in runs]), max(t[1] for t in runs), max(t[2] for t in runs),
            median(cpus) if cpus else None, [t[0] for t in runs])


def hf_medians(path):
    """{command name: (median s, runs)} from a hyperfine --export-json file."""
    try:
        data = json.load(open(path))
    except (OSError, ValueError):
        return {}
    out = {}
    for r in data.get("results", []):
        out[r.get("command")] = (r["median"], len(r.get("times") or []))
    return out


def count_lines(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return None


def newsdex_total(path):
    try:
        return json.load(open(path)).get("total")
    except (OSError, ValueError, AttributeError):
        return None


def summary_line(path):
    """newsdex index's summary (its last non-empty stderr lines), one line."""
    try:
        lines = [l.strip() for l in open(path, errors="replace") if l.strip()]
    except OSError:
        return ""
    lines = [re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", l) for l in lines if "\r" not in l]
    summary = [l for l in lines if "indexed in" in l]
    warnings = sum(1 for l in lines if "warning:" in l)
    if summary:
        return summary[-1] + (f" ({warnings} warning lines on stderr)" if warnings else "")
    return " / ".join(lines[-2:])


def f_s(x):
    return "n/a" if x is None else (f"{x:.2f}" if x >= 1 else f"{x:.3f}")


def f_ms(x):
    return "n/a" if x is None else f"{x * 1000:.1f}"


def f_x(x, nd=2):
    return "n/a" if x is None else f"{x:.{nd}f}"


def verdict(ok):
    return "n/a" if ok is None else ("**PASS**" if ok else "**FAIL**")


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/bench/results"
    env = read_env(out)
    scales = sorted(int(os.path.basename(d)[1:]) for d in glob.glob(os.path.join(out, "x*")))
    p = print
    p(f"# newsdex benchmark, {env.get('run_id', '?')} on {env.get('host', '?')} "
      f"({env.get('cores', '?')} cores)")
    p()
    p(f"- newsdex: `{env.get('newsdex_commit', '?')}` ({env.get('newsdex_linking', '?')}); peers: {env.get('tantivy_cli', '?')}, "
      f"{env.get('rg', '?')}; timing: {env.get('hyperfine', '?')}, median of {env.get('runs', '?')} "
      "runs after 1 warm-up (rg: at most 5, at 10x 3), whole processes, warm page cache")
    p(f"- machine: {env.get('cpu', '?')}, {env.get('cores', '?')} cores, {env.get('mem_gib', '?')} GiB; "
      f"load average at start {env.get('loadavg_start', '?')}, at end {env.get('loadavg_end', '?')} "
      "(a shared machine: compare runs with similar load)")
    p(f"- whole run: {env.get('total_seconds', '?')} s")
    p()

    data = {}
    for s in scales:
        r = os.path.join(out, f"x{s}")
        try:
            files, nbytes = (int(x) for x in open(os.path.join(r, "corpus.txt")).read().split())
        except (OSError, ValueError):
            files, nbytes = None, None
        d = {
            "files": files,
            "mb": nbytes / 1e6 if nbytes else None,
            "full": read_runs(os.path.join(r, "newsdex_full")),
            "tantivy": read_runs(os.path.join(r, "tantivy_index")),
            "reindex": read_runs(os.path.join(r, "newsdex_reindex")),
            "summary": summary_line(run_prefixes(os.path.join(r, "newsdex_full"))[-1] + ".err"),
            "queries": [],
        }
        for lab in sorted(glob.glob(os.path.join(r, "q*.label"))):
            q = lab[: -len(".label")]
            med = hf_medians(q + ".hf.json")
            med.update(hf_medians(q + ".hf-rg.json"))
            d["queries"].append({
                "label": open(lab).read().strip(),
                "newsdex": med.get("newsdex", (None, 0))[0],
                "tantivy": med.get("tantivy", (None, 0))[0],
                "rg": med.get("rg", (None, 0))[0],
                "hits_newsdex": newsdex_total(q + ".newsdex.out"),
                "hits_tantivy": count_lines(q + ".tantivy.out") if os.path.exists(q + ".tantivy.out") else None,
                "files_rg": count_lines(q + ".rg.out"),
                "mem_newsdex": read_time(q + ".newsdex"),
                "mem_tantivy": read_time(q + ".tantivy"),
                "mem_rg": read_time(q + ".rg"),
            })
        data[s] = d

    # ---- indexing
    p("## Indexing")
    p()
    p("| scale | stories | MB | newsdex full index s | MB/s | tantivy-cli index s | MB/s | "
      "newsdex / tantivy-cli | newsdex re-index s | re-index % of full |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, d in data.items():
        full, tan, re_ = d["full"], d["tantivy"], d["reindex"]
        mb = d["mb"]

        def rate(t):
            return f_x(mb / t[0], 1) if (t and mb and t[0] > 0) else "n/a"

        def secs(t):
            if not t:
                return "n/a"
            each = f" ({', '.join(f_s(x) for x in t[4])})" if len(t[4]) > 1 else ""
            return f_s(t[0]) + each + ("" if t[2] == 0 else f" (exit {t[2]})")

        ratio = full[0] / tan[0] if (full and tan and tan[0] > 0) else None
        pct = 100 * re_[0] / full[0] if (full and re_ and full[0] > 0) else None
        d["ratio"], d["pct"] = ratio, pct
        p(f"| {s}x | {d['files'] or 'n/a'} | {f_x(mb, 1)} | {secs(full)} | {rate(full)} | {secs(tan)} | "
          f"{rate(tan)} | {f_x(ratio)} | {secs(re_)} | {f_x(pct, 1)} |")
    p()
    if int(env.get("index_runs", "1")) > 1:
        p(f"Full index times: the median of {env['index_runs']} runs below 10x (each run in brackets), one run "
          "at 10x; newsdex and tantivy-cli alternate. The ratio and the re-index % use the medians.")
        p()
    cpu_lines = []
    for s, d in data.items():
        full, tan = d["full"], d["tantivy"]
        if full and full[3] is not None:
            line = f"- {s}x: newsdex {f_s(full[3])} s"
            if tan and tan[3]:
                line += f", tantivy-cli {f_s(tan[3])} s, ratio {f_x(full[3] / tan[3])}"
            cpu_lines.append(line)
    if cpu_lines:
        p("CPU time of the full index (user + system, medians), steadier than wall time on a shared machine:")
        for line in cpu_lines:
            p(line)
        p()
    p("MB: bytes of the news folder's files (what newsdex and rg read); tantivy-cli reads the same "
      "stories as one JSON document {title, body} a line. newsdex's summary: ")
    for s, d in data.items():
        p(f"- {s}x: `{d['summary']}`")
    p()

    # ---- queries
    for s, d in data.items():
        if not d["queries"]:
            continue
        p(f"## Queries at {s}x (median ms per whole process)")
        p()
        p("| # | query | newsdex hits | tantivy-cli docs | rg files | newsdex ms | tantivy-cli ms | rg ms | "
          "newsdex / tantivy-cli | rg / newsdex |")
        p("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for i, q in enumerate(d["queries"], 1):
            nt = q["newsdex"] / q["tantivy"] if (q["newsdex"] and q["tantivy"]) else None
            rn = q["rg"] / q["newsdex"] if (q["newsdex"] and q["rg"]) else None
            q["nt"], q["rn"] = nt, rn
            hn = q["hits_newsdex"]
            p(f"| {i} | `{q['label']}` | {'n/a' if hn is None else hn} | "
              f"{'n/a' if q['hits_tantivy'] is None else q['hits_tantivy']} | "
              f"{'n/a' if q['files_rg'] is None else q['files_rg']} | {f_ms(q['newsdex'])} | "
              f"{f_ms(q['tantivy'])} | {f_ms(q['rg'])} | {f_x(nt)} | {f_x(rn, 1)} |")
        gm = {k: geomean([q[k] for q in d["queries"]]) for k in ("newsdex", "tantivy", "rg", "nt", "rn")}
        p(f"| | **geometric mean** | | | | {f_ms(gm['newsdex'])} | {f_ms(gm['tantivy'])} | "
          f"{f_ms(gm['rg'])} | {f_x(gm['nt'])} | {f_x(gm['rn'], 1)} |")
        d["gm"] = gm
        p()
    p("newsdex hits: passages matching (`total`; it prints the top 10); tantivy-cli docs: stories it "
      "prints (all matches, unranked); rg files: files with a line matching any of the fixed strings "
      "(`rg -uu -i -F -l`). Date and entity filters run in newsdex only; the peers run the text part.")
    p()

    # ---- memory
    p("## Peak memory (MB, max RSS)")
    p()
    cols = list(data)
    p("| process | " + " | ".join(f"{s}x" for s in cols) + (" | 10x / 1x |" if len(cols) > 1 else " |"))
    p("|---|" + "---:|" * (len(cols) + (1 if len(cols) > 1 else 0)))

    def qmax(d, key):
        xs = [q[key][1] for q in d["queries"] if q[key]]
        return max(xs) if xs else None

    rows = [
        ("newsdex index (full)", lambda d: d["full"][1] if d["full"] else None),
        ("newsdex index (unchanged)", lambda d: d["reindex"][1] if d["reindex"] else None),
        ("newsdex search (max over queries)", lambda d: qmax(d, "mem_newsdex")),
        ("tantivy-cli index", lambda d: d["tantivy"][1] if d["tantivy"] else None),
        ("tantivy-cli search (max)", lambda d: qmax(d, "mem_tantivy")),
        ("rg (max)", lambda d: qmax(d, "mem_rg")),
    ]
    for name, fn in rows:
        vals = [fn(data[s]) for s in cols]
        line = f"| {name} | " + " | ".join(f_x(v, 1) for v in vals) + " |"
        if len(cols) > 1:
            a, b = vals[0], vals[-1]
            line += f" {f_x(b / a if (a and b) else None)} |"
        p(line)
    p()

    # ---- floors
    p("## Floors")
    p()
    p("| floor | scale | measured | limit | verdict |")
    p("|---|---|---:|---:|---|")
    all_ok = []
    for s, d in data.items():
        ok = None if d.get("ratio") is None else d["ratio"] <= INDEX_RATIO_MAX
        all_ok.append(ok)
        p(f"| full index (with extraction) / tantivy-cli index time | {s}x | {f_x(d.get('ratio'))} | "
          f"<= {INDEX_RATIO_MAX} | {verdict(ok)} |")
    for s, d in data.items():
        ok = None if d.get("pct") is None else d["pct"] <= REINDEX_PCT_MAX
        all_ok.append(ok)
        p(f"| re-index of an unchanged folder, % of full index | {s}x | {f_x(d.get('pct'), 1)} % | "
          f"<= {REINDEX_PCT_MAX} % | {verdict(ok)} |")
    for s, d in data.items():
        nts = [q.get("nt") for q in d["queries"]]
        if d["queries"] and all(x is not None for x in nts):
            good = sum(1 for x in nts if x <= 1.0)
            ok = good == len(nts)
            meas = f"{good}/{len(nts)} queries; worst {max(nts):.2f}x"
        else:
            ok, meas = None, "n/a"
        all_ok.append(ok)
        p(f"| search time <= tantivy-cli's, per query | {s}x | {meas} | every query | {verdict(ok)} |")
    for s, d in data.items():
        rns = [q.get("rn") for q in d["queries"]]
        if d["queries"] and all(x is not None for x in rns):
            good = sum(1 for x in rns if x >= RG_SPEEDUP_MIN)
            meas = f"{good}/{len(rns)} queries; worst {min(rns):.1f}x"
            ok = (good == len(rns)) if s >= 10 else None
        else:
            ok, meas = None, "n/a"
        all_ok.append(ok)
        tag = "" if s >= 10 else " (floor applies at 10x; shown for reference)"
        p(f"| search >= {RG_SPEEDUP_MIN:.0f}x faster than rg, per query{tag} | {s}x | {meas} | every query | "
          f"{verdict(ok)} |")

    def newsdex_peak(d):
        xs = [d["full"][1] if d["full"] else None, d["reindex"][1] if d["reindex"] else None,
              qmax(d, "mem_newsdex")]
        xs = [x for x in xs if x is not None]
        return max(xs) if xs else None

    peaks = {s: newsdex_peak(d) for s, d in data.items()}
    if 10 in peaks:
        ok = None if peaks[10] is None else peaks[10] <= PEAK_MB_MAX
        all_ok.append(ok)
        p(f"| newsdex peak memory (any process) | 10x | {f_x(peaks[10], 1)} MB | <= {PEAK_MB_MAX:.0f} MB | "
          f"{verdict(ok)} |")
    else:
        for s in peaks:
            p(f"| newsdex peak memory (any process; floor applies at 10x) | {s}x | {f_x(peaks[s], 1)} MB | "
              f"<= {PEAK_MB_MAX:.0f} MB | n/a |")
    if 1 in peaks and 10 in peaks and peaks[1] and peaks[10]:
        g = peaks[10] / peaks[1]
        ok = g <= PEAK_GROWTH_MAX
        all_ok.append(ok)
        p(f"| newsdex peak memory about the same at 1x and 10x (10x / 1x) | both | {g:.2f} | "
          f"<= {PEAK_GROWTH_MAX} | {verdict(ok)} |")
    else:
        p(f"| newsdex peak memory about the same at 1x and 10x (10x / 1x) | both | n/a (needs --scale both) | "
          f"<= {PEAK_GROWTH_MAX} | n/a |")
    p()
    judged = [x for x in all_ok if x is not None]
    p(f"Floors: {sum(judged)} of {len(judged)} judged pass"
      + ("" if len(judged) == len(all_ok) else f" ({len(all_ok) - len(judged)} not judged at this scale)") + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
