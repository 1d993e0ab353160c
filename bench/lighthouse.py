"""Lighthouse 12 on a phone: the sign-in page and Jade's home, signed in (issue 13).

Starts `homeward serve` on a fresh database with the demo data (bench/served.py), signs
in as Jade, and runs Lighthouse (npm, installed under bench/ from its package-lock.json)
against Debian's chromium with `--form-factor=mobile`: a mid-range phone on slow 4G
(150 ms, 1.6 Mbit/s down) with a 4x slower CPU, simulated from one real load. The
signed-in page gets Jade's session cookie through `--extra-headers`, which Lighthouse
adds to every request of the page.

Prints per page: performance and accessibility scores, LCP, TTI (and FCP, TBT, CLS, which
make up the performance score with LCP), total bytes, requests,
the longest critical request chain (how many requests deep the module imports go),
what text compression would save, and the JS+CSS of the first load: files, bytes as sent
(headers included), the compressed bodies alone (issue 13's budget: under 60 KB
compressed), and the same files gzipped at level 6 for comparison.

Usage: python bench/lighthouse.py [--runs 1] [--database sqlite|postgres] [--keep-reports]
Needs: npm ci --prefix bench; chromium (apt-get install chromium).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served import BENCH, Served, load_average

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
OUT = BENCH / "out"
PAGES = {  # name -> (hash route, signed in)
    "sign-in": ("#/signin", False),
    "young person's home": ("#/home", True),
}


def run_lighthouse(url: str, headers: dict[str, str], report: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    if headers:
        command.append(f"--extra-headers={json.dumps(headers)}")
    for attempt in range(3):
        # On a busy machine chromium now and then loses the trace (NO_NAVSTART, NO_FCP):
        # Lighthouse's own advice is to run it again.
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode == 0:
            return json.loads(report.read_text())
        print(
            f"  Lighthouse failed (attempt {attempt + 1} of 3): {done.stderr.strip()[-300:]}", file=sys.stderr
        )
    raise SystemExit("Lighthouse failed three times")


def chain_depth(audits: dict) -> tuple[int | None, float | None]:
    """Requests in the longest critical chain and its duration (ms). Lighthouse 12 has
    the classic audit; newer ones moved it to an insight: read either."""
    classic = audits.get("critical-request-chains", {}).get("details") or {}
    longest = classic.get("longestChain")
    if longest:
        return longest.get("length"), longest.get("duration")
    insight = audits.get("network-dependency-tree-insight", {}).get("details") or {}
    for item in insight.get("items", []):
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, dict) and value.get("longestChain"):
            return value["longestChain"].get("length"), value["longestChain"].get("duration")
    return None, None


# What Debian's chromium sends: the server answers each file in the best form it accepts.
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"


def first_load_code(base: str, audits: dict, headers: dict[str, str]) -> tuple[int, int, int, int]:
    """(JS+CSS files, bytes as sent with their HTTP headers, the compressed bodies alone,
    the same files gzipped at level 6) over the page's load."""
    items = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    files, sent, bodies, gzipped = 0, 0, 0, 0
    for item in items:
        if item.get("resourceType") not in ("Script", "Stylesheet") or not item["url"].startswith(base):
            continue
        files += 1
        sent += item.get("transferSize") or 0
        asked = {**headers, "Accept-Encoding": BROWSER_ENCODINGS}
        with httpx.stream("GET", item["url"], headers=asked) as reply:
            bodies += sum(len(chunk) for chunk in reply.iter_raw())
        body = httpx.get(item["url"], headers=headers).content
        gzipped += len(gzip.compress(body, compresslevel=6))
    return files, sent, bodies, gzipped


def figures(base: str, result: dict, headers: dict[str, str]) -> dict:
    audits = result["audits"]
    depth, chain_ms = chain_depth(audits)
    files, sent, bodies, gzipped = first_load_code(base, audits, headers)
    items = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    compression = audits.get("uses-text-compression", {}).get("details") or {}
    return {
        "performance": result["categories"]["performance"]["score"],
        "accessibility": result["categories"]["accessibility"]["score"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tti_ms": audits["interactive"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "total_bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(items),
        "chain_depth": depth,
        "chain_ms": chain_ms,
        "compression_savings_bytes": compression.get("overallSavingsBytes", 0),
        "code_files": files,
        "code_bytes_sent": sent,
        "code_bytes_body": bodies,
        "code_bytes_gzipped": gzipped,
        "load": load_average(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is printed")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--keep-reports", action="store_true", help="keep Lighthouse's JSON reports in bench/out/"
    )
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: npm ci --prefix bench")
    if not shutil.which(os.environ.get("CHROME_PATH", "/usr/bin/chromium")):
        raise SystemExit("No chromium: apt-get install -y chromium (or set CHROME_PATH)")
    OUT.mkdir(exist_ok=True)
    everything: dict[str, list[dict]] = {}
    with Served(args.database, bare_route=False) as served:
        for name, (route, signed_in) in PAGES.items():
            headers = {"Cookie": served.cookie} if signed_in else {}
            runs = []
            for run in range(args.runs):
                report = OUT / f"lighthouse-{route.strip('#/')}-{run + 1}.json"
                result = run_lighthouse(f"{served.base}/{route}", headers, report)
                runs.append(figures(served.base, result, headers))
                if not args.keep_reports:
                    report.unlink()
            everything[name] = runs
    print(
        f"Lighthouse 12, mobile (simulated slow 4G, 4x CPU slowdown), Debian chromium, "
        f"{args.database}; median of {args.runs} run(s) per page; 1-min load average at the end"
    )
    columns = [
        ("performance", "perf", "{:.2f}"),
        ("accessibility", "a11y", "{:.2f}"),
        ("lcp_ms", "LCP ms", "{:.0f}"),
        ("tti_ms", "TTI ms", "{:.0f}"),
        ("fcp_ms", "FCP ms", "{:.0f}"),
        ("tbt_ms", "TBT ms", "{:.0f}"),
        ("cls", "CLS", "{:.3f}"),
        ("total_bytes", "bytes", "{:.0f}"),
        ("requests", "reqs", "{:.0f}"),
        ("chain_depth", "chain", "{:.0f}"),
        ("chain_ms", "chain ms", "{:.0f}"),
        ("compression_savings_bytes", "gzip saves", "{:.0f}"),
        ("code_files", "JS+CSS files", "{:.0f}"),
        ("code_bytes_sent", "JS+CSS sent", "{:.0f}"),
        ("code_bytes_body", "JS+CSS body", "{:.0f}"),
        ("code_bytes_gzipped", "JS+CSS gz", "{:.0f}"),
        ("load", "load", "{:.1f}"),
    ]
    print(f"{'page':<22}" + "".join(f"{title:>13}" for _, title, _ in columns))
    for name, runs in everything.items():
        line = f"{name:<22}"
        for key, _, pattern in columns:
            values = [run[key] for run in runs if run[key] is not None]
            line += f"{pattern.format(statistics.median(values)) if values else '-':>13}"
        print(line)
    print(
        "chain: requests in the longest critical request chain (document -> module -> import ...); "
        "JS+CSS sent: as Lighthouse counts it, HTTP headers included (about 0.9 KB a file over HTTP/1.1); "
        "JS+CSS body: the compressed bodies alone; JS+CSS gz: the same files gzipped at level 6"
    )
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))


if __name__ == "__main__":
    main()
