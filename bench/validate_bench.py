"""`msvitd validate` side by side with check-jsonschema and yamllint on the same generated files.

    python3 bench/validate_bench.py                      # 1,000 and 10,000 files (about 30 minutes)
    python3 bench/validate_bench.py --files 1000         # one size
    python3 bench/validate_bench.py --tools msvitd       # msvitd only (no peers installed)

The files are made from the bundled evidence (evidence/studies/*.yaml and the seed article): every
study is copied with its own id, name, year and event counts (percentages recomputed, so they stay
valid); one file in ten is an article about one of the generated D-Lay MS copies (so cross-file
references are checked); one in a hundred has a percentage that disagrees with its counts.

Each tool runs once per size, as a CI job would run it, on all the files in one process:
- `msvitd validate DIR` (and `--jobs 0`: one process per CPU), schema + cross-field + cross-file checks;
- `check-jsonschema --schemafile <msvitd schema> FILES...`, structure only;
- `yamllint -f parsable DIR` with its default configuration, YAML style only.
The peers are installed from the package index into bench/.venv the first time (plain `pip install`,
as a user would get them). Reported: wall time, files per second, peak resident memory of the
largest process (os.wait4), and each tool's time as a multiple of msvitd's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / ".venv"
PEERS = ("check-jsonschema", "yamllint")


# --- the corpus ---------------------------------------------------------------------------------------

_COUNTS = re.compile(r"events: (\d+), total: (\d+), percent: (\d+(?:\.\d+)?)")


def _vary_study(text: str, new_id: str, rng: random.Random, broken: bool) -> str:
    old_id = re.search(r"^id: (\S+)$", text, re.M).group(1)
    text = text.replace(f"\nid: {old_id}\n", f"\nid: {new_id}\n", 1)
    text = re.sub(r"^name: (.+)$", lambda m: f"name: {m.group(1)} ({new_id})", text, count=1, flags=re.M)
    text = re.sub(r"^(  year: )\d{4}$", lambda m: f"{m.group(1)}{rng.randint(1995, 2025)}", text, count=1,
                  flags=re.M)

    def counts(m: re.Match) -> str:
        total = int(m.group(2))
        events = rng.randint(0, total)
        decimals = len(m.group(3).split(".")[1]) if "." in m.group(3) else 0
        percent = round(100 * events / total, decimals) if total else 0
        if broken:
            percent = min(100, percent + 7)
        shown = f"{percent:.{decimals}f}" if decimals else str(int(percent))
        return f"events: {events}, total: {total}, percent: {shown}"

    return _COUNTS.sub(counts, text)


def generate(n: int, out: Path, seed: int = 20250422) -> dict:
    """Write n evidence files under out/evidence; return what was made."""
    rng = random.Random(seed)
    studies = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "evidence" / "studies").glob("*.yaml"))}
    article = (ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.yaml").read_text(encoding="utf-8")
    (out / "evidence" / "studies").mkdir(parents=True)
    (out / "evidence" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt", out / "evidence" / "articles")
    names = sorted(studies)
    dlay: list[str] = []
    made = {"studies": 0, "articles": 0, "broken": 0, "bytes": 0}
    for i in range(n):
        if i % 10 == 9 and dlay:
            about = rng.choice(dlay)
            text = (article.replace("id: seed-vitamin-d-ms-forum\n", f"id: news-{i:05d}\n", 1)
                    .replace("about: [d-lay-ms]", f"about: [{about}]", 1))
            path = out / "evidence" / "articles" / f"news-{i:05d}.yaml"
            made["articles"] += 1
        else:
            broken = i % 100 == 42
            base = "d-lay-ms" if broken else names[i % len(names)]  # a study with counts and percentages
            new_id = f"{base}-{i:05d}"
            text = _vary_study(studies[base], new_id, rng, broken)
            if base == "d-lay-ms":
                dlay.append(new_id)
            path = out / "evidence" / "studies" / f"{new_id}.yaml"
            made["studies"] += 1
            made["broken"] += broken
        path.write_text(text, encoding="utf-8")
        made["bytes"] += len(text.encode("utf-8"))
    return made


# --- running tools --------------------------------------------------------------------------------------

def ensure_peers() -> Path:
    """bench/.venv with check-jsonschema and yamllint from the package index."""
    bindir = VENV / "bin"
    if not all((bindir / tool).exists() for tool in PEERS):
        print(f"installing {', '.join(PEERS)} into {VENV} ...", file=sys.stderr)
        if not (bindir / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(bindir / "python"), "-m", "pip", "install", "--quiet", *PEERS], check=True)
    return bindir


def run(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB of the largest process, exit code; output to a file, not a pipe."""
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT,
                                env={**os.environ, "NO_COLOR": "1"})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def versions(bindir: Path | None) -> dict:
    import yaml

    from msvitd import __version__

    out = {"python": platform.python_version(), "msvitd": __version__,
           "PyYAML": f"{yaml.__version__} (libyaml {'yes' if yaml.__with_libyaml__ else 'no'})"}
    try:
        import pydantic

        out["pydantic"] = pydantic.VERSION
    except ImportError:
        pass
    if bindir is not None:
        listing = subprocess.run([str(bindir / "python"), "-m", "pip", "list", "--format", "json"],
                                 capture_output=True, text=True, check=True).stdout
        wanted = {"check-jsonschema", "yamllint", "jsonschema", "ruamel.yaml", "ruamel.yaml.clib", "PyYAML"}
        for item in json.loads(listing):
            if item["name"] in wanted:
                out[f"{item['name']} (peers)"] = item["version"]
    return out


def machine() -> str:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(next(ln.split()[1] for ln in open("/proc/meminfo") if ln.startswith("MemTotal")))
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{' (' + cpu + ')' if cpu else ''}{mem}"


def bench(n: int, tools: list[str], bindir: Path | None) -> list[dict]:
    msvitd = [sys.executable, "-m", "msvitd"]
    rows = []
    with tempfile.TemporaryDirectory(prefix=f"msvitd-bench-{n}-") as tmp:
        work = Path(tmp)
        made = generate(n, work)
        files = sorted(str(p.relative_to(work)) for p in (work / "evidence").rglob("*.yaml"))
        print(f"\n{n:,} files: {made['studies']:,} studies, {made['articles']:,} articles "
              f"({made['broken']} with a wrong percentage), {made['bytes'] / 1e6:.1f} MB", flush=True)
        schema = work / "evidence.schema.json"
        subprocess.run(msvitd + ["schema", "-o", str(schema)], check=True)
        commands = {
            "msvitd validate": msvitd + ["validate", "evidence"],
            "msvitd validate --jobs 0": msvitd + ["validate", "--jobs", "0", "evidence"],
            "check-jsonschema": [str(bindir / "check-jsonschema") if bindir else "check-jsonschema",
                                 "--schemafile", str(schema), *files],
            "yamllint": [str(bindir / "yamllint") if bindir else "yamllint", "-f", "parsable", "evidence"],
        }
        for name, cmd in commands.items():
            if name.split()[0] not in tools:
                continue
            seconds, rss, code = run(cmd, work)
            rows.append({"tool": name, "files": n, "seconds": seconds, "files_per_s": n / seconds, "rss_mib": rss,
                         "exit": code})
            print(f"  {name:26} {seconds:8.2f} s  {n / seconds:8.0f} files/s  {rss:7.1f} MiB  exit {code}",
                  flush=True)
    base = next((r["seconds"] for r in rows if r["tool"] == "msvitd validate"), None)
    for r in rows:
        r["ratio"] = r["seconds"] / base if base else None
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| files | tool | seconds | files/s | peak memory | time vs msvitd validate |",
             "|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        lines.append(f"| {r['files']:,} | {r['tool']} | {r['seconds']:.2f} | {r['files_per_s']:,.0f} | "
                     f"{r['rss_mib']:.0f} MiB | {ratio} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", default="1000,10000", help="comma-separated corpus sizes (default: 1000,10000)")
    ap.add_argument("--tools", default="msvitd,check-jsonschema,yamllint", help="which tools to run")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = ap.parse_args()
    sizes = [int(s) for s in args.files.split(",")]
    tools = args.tools.split(",")
    bindir = ensure_peers() if any(t in tools for t in PEERS) else None
    info = {"machine": machine(), "versions": versions(bindir)}
    print(f"machine: {info['machine']}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    rows = []
    for n in sizes:
        rows += bench(n, tools, bindir)
    print("\n" + table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps({**info, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
