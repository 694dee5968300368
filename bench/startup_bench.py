"""Start-up time: `msvitd --help` and `--version` against `python -c "import typer"` (the floor for a typer CLI).

    python3 bench/startup_bench.py [--runs 30]

Target (issue 8): both within 2x of importing typer. Each command runs --runs times after one warm-up
(so the OS file cache is warm, as in a CI job's second step); the median wall time is reported.
Then `python -X importtime -m msvitd --version` shows the slowest imports, to see what a change added.
The children run with Python's bytecode written (PYTHONDONTWRITEBYTECODE dropped), as an installed
package has its .pyc files; without them every run compiles msvitd's sources again. The one-article
figures against --version are in bench/critique_speed.py (--startup-only).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

PY = sys.executable
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
COMMANDS = {
    'python -c "pass"': [PY, "-c", "pass"],
    'python -c "import typer"': [PY, "-c", "import typer"],
    "msvitd --version": [PY, "-m", "msvitd", "--version"],
    "msvitd --help": [PY, "-m", "msvitd", "--help"],
    "msvitd validate --help": [PY, "-m", "msvitd", "validate", "--help"],
    "msvitd validate (1 small file)": [PY, "-m", "msvitd", "validate", "tests/fixtures/positive/evidence/studies/demo.yaml"],
}


def median_ms(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, capture_output=True, env=ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def slowest_imports(cmd: list[str], top: int = 8) -> list[tuple[int, str]]:
    err = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=ENV).stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            _, cumulative, name = line.split("|")
            if name.strip() and not name.startswith("  ") and cumulative.strip().isdigit():
                rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    results = {name: median_ms(cmd, args.runs) for name, cmd in COMMANDS.items()}
    floor = results['python -c "import typer"']
    print(f"| command | median ms ({args.runs} runs) | vs import typer |")
    print("|---|---:|---:|")
    for name, ms in results.items():
        print(f"| `{name}` | {ms:.0f} | {ms / floor:.2f}x |")
    print("\nslowest top-level imports of `msvitd --version` (cumulative, ms):")
    for us, name in slowest_imports(COMMANDS["msvitd --version"]):
        print(f"  {us / 1000:7.1f}  {name}")
    worst = max(results["msvitd --version"], results["msvitd --help"]) / floor
    print(f"\n--help/--version: {worst:.2f}x of `import typer` (target: at most 2x)")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
