"""Read paths under load, as ratios to floors measured in the same run (issue 13).

This machine has 2 cores shared with other people's work, so a request rate on its own
says more about the neighbours than about Homeward. Every figure here is printed beside
floors measured in the same server process, interleaved with it in the same minutes:

- `bare`: GET /bench/bare, a route that returns a small struct and touches no database,
  registered on the real app by bench/floor_app.py (no application code changes). With
  `--plain-serve` the server is `homeward serve` itself and this floor is left out.
- `static`: GET /manifest.webmanifest, a small static file from the PWA folder.

and then, with the app serving the demo data (`homeward demo`) and Jade signed in:

- `health`: GET /health (checks the database: not a floor, it has its own target)
- `plan`: GET /api/young-people/{id}/plan, signed in and audited (one audit write each)
- `agreed`: GET .../plan/agreed, the offline copy (audited when the body is sent)
- `agreed-304`: the same with If-None-Match of its current ETag (304, not audited)
- `me`: GET /api/auth/me

For each route: most requests per second with 100 connections (wrk, one thread; or the
Python closed-loop generator in bench/loadgen.py when wrk is not installed), the
server's CPU time per request over that run (/proc, all its threads; PostgreSQL's own
CPU is not in it), and p50/p99 latency at a fixed offered rate (bench/loadgen.py in its
own process, open loop: latency counted from when each request was due). Every route is
measured `--rounds` times, round-robin, and the median is printed, so a burst of
someone else's work falls on all routes rather than on one.

Usage: python bench/plan_read.py [--database sqlite|postgres|both] [--seconds 4] [--rounds 2]
       [--connections 100] [--rate 300] [--rate-seconds 10] [--routes plan,me,...]
       [--plain-serve] [--profile SECONDS] [--json FILE]
Needs: wrk (apt-get install wrk) for the most requests per second; py-spy in the venv for
--profile (pip install py-spy).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served import BENCH, Served, cpu_seconds, fsync_floor, load_average

FLOORS = ("bare", "static")
ALL_ROUTES = ("bare", "static", "health", "plan", "agreed", "agreed-304", "me")
OUT = BENCH / "out"


def routes_for(served: Served, names: list[str]) -> dict[str, tuple[str, list[str]]]:
    """name -> (path, headers) for the routes asked for."""
    cookie = f"Cookie: {served.cookie}"
    plan = f"/api/young-people/{served.young_person_id}/plan"
    etag = httpx.get(served.base + plan + "/agreed", headers={"Cookie": served.cookie}, timeout=60).headers[
        "etag"
    ]
    table = {
        "bare": ("/bench/bare", []),
        "static": ("/manifest.webmanifest", []),
        "health": ("/health", []),
        "plan": (plan, [cookie]),
        "agreed": (plan + "/agreed", [cookie]),
        "agreed-304": (plan + "/agreed", [cookie, f"If-None-Match: {etag}"]),
        "me": ("/api/auth/me", [cookie]),
    }
    chosen = {name: table[name] for name in names}
    for name, (path, headers) in chosen.items():
        reply = httpx.get(served.base + path, headers=dict(h.split(": ", 1) for h in headers), timeout=60)
        expected = 304 if name == "agreed-304" else 200
        if reply.status_code != expected:
            raise SystemExit(f"{name}: GET {path} answered {reply.status_code}, not {expected}")
    return chosen


def most_per_second(url: str, headers: list[str], seconds: float, connections: int) -> dict:
    """Closed loop: `connections` connections sending back to back."""
    if shutil.which("wrk"):
        command = [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "wrk_report.lua"),
        ]
        for header in headers:
            command += ["-H", header]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        result["errors"] = sum(result["errors"].values())
        result["tool"] = "wrk"
        return result
    command = [
        sys.executable,
        str(BENCH / "loadgen.py"),
        "max",
        url,
        "--seconds",
        str(seconds),
        "--connections",
        str(connections),
    ]
    for header in headers:
        command += ["--header", header]
    result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    result["errors"] += sum(n for status, n in result["statuses"].items() if int(status) >= 400)
    result["requests"] = result["answered"]
    result["tool"] = "loadgen.py max"
    return result


def at_rate(url: str, headers: list[str], rate: float, seconds: float) -> dict:
    command = [
        sys.executable,
        str(BENCH / "loadgen.py"),
        "rate",
        url,
        "--rate",
        str(rate),
        "--seconds",
        str(seconds),
    ]
    for header in headers:
        command += ["--header", header]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def measure(served: Served, names: list[str], args) -> dict[str, dict]:
    routes = routes_for(served, names)
    results: dict[str, dict] = {name: {"runs": []} for name in routes}
    # Warm every route once (imports, caches, the connection pool), not counted.
    for path, headers in routes.values():
        most_per_second(served.base + path, headers, 1, args.connections)
        served.settle()
    for _ in range(args.rounds):
        for name, (path, headers) in routes.items():
            served.settle()
            before = cpu_seconds(served.pid)
            run = most_per_second(served.base + path, headers, args.seconds, args.connections)
            run["cpu_ms_per_request"] = (cpu_seconds(served.pid) - before) * 1000 / max(run["requests"], 1)
            run["load"] = load_average()
            results[name]["runs"].append(run)
    for name, (path, headers) in routes.items():
        if args.rate_seconds > 0:
            served.settle()
            results[name]["rate"] = at_rate(served.base + path, headers, args.rate, args.rate_seconds)
            results[name]["rate"]["load"] = load_average()
        runs = results[name]["runs"]
        results[name]["requests_per_second"] = statistics.median(r["requests_per_second"] for r in runs)
        results[name]["cpu_ms_per_request"] = statistics.median(r["cpu_ms_per_request"] for r in runs)
        results[name]["errors"] = sum(r["errors"] for r in runs)
        results[name]["load"] = statistics.mean(r["load"] for r in runs)
    return results


def profile(served: Served, seconds: float, route: str, args) -> Path:
    """py-spy samples the server while the route is under the same closed-loop load."""
    spy = Path(sys.executable).parent / "py-spy"
    if not spy.exists():
        raise SystemExit("--profile needs py-spy in the venv: .venv/bin/pip install py-spy")
    OUT.mkdir(exist_ok=True)
    served.settle()
    output = OUT / f"profile-{route}-{served.database}.txt"
    path, headers = routes_for(served, [route])[route]
    command = [
        str(spy),
        "record",
        "--pid",
        str(served.pid),
        "--rate",
        "100",
        "--duration",
        str(int(seconds)),
        "--idle",
        "--format",
        "raw",
        "--output",
        str(output),
    ]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1)  # py-spy attaching
    most_per_second(served.base + path, headers, seconds + 1, args.connections)
    _, errors = recorder.communicate(timeout=120)
    if recorder.returncode != 0:
        raise SystemExit(f"py-spy failed: {errors}")
    return output


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_table(database: str, results: dict[str, dict], args) -> None:
    floors = [name for name in FLOORS if name in results]
    tool = next(iter(results.values()))["runs"][0]["tool"]
    print(
        f"\n{database}: {tool}, {args.connections} connections, {args.rounds} x {args.seconds:g} s per "
        f"route (median); open loop {args.rate:g}/s for {args.rate_seconds:g} s; 1-min load average "
        f"beside each figure ({os.cpu_count()} cores)"
    )
    head = f"{'route':<12}{'req/s':>8}" + "".join(f"{'/' + f:>9}" for f in floors)
    head += f"{'cpu ms/req':>11}{'load':>6}{'p50 ms':>8}{'p99 ms':>8}{'sent/s':>8}{'load':>6}  database"
    # sent/s: the rate the open-loop generator actually sent at (up to where it stopped).
    print(head)
    for name, result in results.items():
        line = f"{name:<12}{result['requests_per_second']:>8.0f}"
        for floor in floors:
            line += f"{result['requests_per_second'] / results[floor]['requests_per_second']:>9.2f}"
        line += f"{result['cpu_ms_per_request']:>11.2f}{result['load']:>6.1f}"
        rate = result.get("rate")
        if rate:
            bound = ">" if rate["saturated"] else ""
            line += f"{bound + fmt(rate['p50_ms']):>8}{bound + fmt(rate['p99_ms']):>8}"
            line += f"{fmt(rate['sent_rate'], 0):>8}{rate['load']:>6.1f}"
        else:
            line += f"{'-':>8}{'-':>8}{'-':>8}{'-':>6}"
        line += f"  {database}"
        print(line)
    for name, result in results.items():
        rate = result.get("rate") or {}
        problems = []
        if result["errors"]:
            problems.append(f"{result['errors']} failed requests under most-per-second load")
        if rate.get("saturated"):
            problems.append(
                f"could not keep {rate['offered_rate']:g}/s: more than 2 s of requests "
                f"unanswered after {rate['sent']} sent; p50/p99 are lower bounds"
            )
        elif rate.get("errors") or rate.get("answered", 0) < rate.get("sent", 0):
            missing = rate["sent"] - rate["answered"]
            problems.append(f"{missing} of {rate['sent']} unanswered at the fixed rate")
        if rate and rate["send_lag_p99_ms"] > 5:
            problems.append(
                f"the generator sent late (p99 {rate['send_lag_p99_ms']:.1f} ms): "
                "its latencies include its own delay"
            )
        for problem in problems:
            print(f"  ! {name}: {problem}")


def main(argv: list[str] | None = None, default_routes: tuple[str, ...] = ALL_ROUTES) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=4, help="each most-requests-per-second run")
    parser.add_argument("--rounds", type=int, default=2, help="round-robin passes over the routes")
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--rate", type=float, default=300, help="offered rate for p50/p99 (requests/s)")
    parser.add_argument("--rate-seconds", type=float, default=10, help="0 leaves the fixed-rate runs out")
    parser.add_argument(
        "--routes", default=",".join(default_routes), help=f"comma-separated, from {', '.join(ALL_ROUTES)}"
    )
    parser.add_argument(
        "--plain-serve",
        action="store_true",
        help="run `homeward serve` itself (no bare route; floors: static file)",
    )
    parser.add_argument(
        "--profile",
        type=float,
        default=0,
        metavar="SECONDS",
        help="afterwards, py-spy the server for this long under load on --profile-route",
    )
    parser.add_argument("--profile-route", default="plan", choices=ALL_ROUTES)
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    names = [name for name in args.routes.split(",") if name]
    if args.plain_serve and "bare" in names:
        names.remove("bare")
    unknown = set(names) - set(ALL_ROUTES)
    if unknown:
        parser.error(f"unknown routes: {', '.join(sorted(unknown))}")
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    print(
        f"machine: {os.cpu_count()} cores, load average before starting "
        f"{Path('/proc/loadavg').read_text().split()[:3]}"
    )
    print(fsync_floor())
    everything = {}
    for database in databases:
        with Served(database, bare_route=not args.plain_serve) as served:
            results = measure(served, names, args)
            print_table(database, results, args)
            if args.profile:
                output = profile(served, args.profile, args.profile_route, args)
                print(
                    f"profile of {args.profile_route} ({database}): {output}; "
                    f"summary: python bench/profile_summary.py {output}"
                )
            everything[database] = results
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))


if __name__ == "__main__":
    main()
