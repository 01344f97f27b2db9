"""Times the Python libraries that read CNAB retornos on the same generated files (run by scripts/bench-peers.sh).

Each measurement runs in a fresh interpreter (so that peak memory is that reader's alone): read the whole file and
touch every entry's amount paid and date of the event, the minimum over RUNS alternated runs. Prints one table per
file with seconds, MB/s, CPU seconds, peak RSS and the time ratios against pycobranca by the wall clock and by CPU
time (how many times faster than pycobranca); the least wall time and the least CPU time are taken apart.

    python bench_peers.py RUNS CNAB_BIN FILE:LAYOUT:BANK[:python3-cnab-module] ...
    PEERS_READERS=cnab.read,pycobranca python bench_peers.py ...   (only these readers)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

READERS = {
    # Ours, whole file into the model (Decimal and date objects).
    "cnab.read": """
import cnab
START
r = cnab.read(PATH)
n = 0
for e in r.entries:
    e.valor_pago; e.data_ocorrencia; n += 1
""",
    # Ours, streaming.
    "cnab.iter_entries": """
import cnab
START
n = 0
for e in cnab.iter_entries(PATH):
    e.valor_pago; e.data_ocorrencia; n += 1
""",
    # pycobranca 1.1.2 (strings: valor_recebido is the field's digits, data_ocorrencia DDMMAA[AA]).
    "pycobranca": """
import warnings
warnings.simplefilter("ignore")
from pycobranca.cnab.retorno import Retorno
START
r = Retorno.ler(PATH)
n = 0
for x in r.registros:
    x.valor_recebido; x.data_ocorrencia; n += 1
""",
    # python3-cnab 1.0.11 (module cnab240; CNAB 240 only; values as Decimal/int).
    "python3-cnab": """
import codecs, importlib
from cnab240.tipos import Arquivo
banco = importlib.import_module("cnab240.bancos." + MODULE)
START
a = Arquivo(banco, arquivo=codecs.open(PATH, encoding="latin-1"))
n = 0
for lote in a.lotes:
    for ev in lote.eventos:
        ev.titulo_pago; ev.data_ocorrencia; n += 1
""",
}

HARNESS = """
import resource, sys, time, json
PATH = sys.argv[1]
MODULE = sys.argv[2]
{body}
t = time.perf_counter() - t0
c = time.process_time() - c0
print(json.dumps({{"s": t, "cpu": c, "n": n, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run_python(name: str, path: str, module: str) -> dict | str:
    # The clocks (wall and the process's CPU time) start after the imports (START), so that only reading and touching
    # the entries is timed.
    code = HARNESS.format(body=READERS[name].replace("START", "t0 = time.perf_counter(); c0 = time.process_time()"))
    p = subprocess.run([sys.executable, "-c", code, path, module], capture_output=True, text=True)
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["?"])[-1]
        return last[:160]
    return json.loads(p.stdout.strip().splitlines()[-1])


def run_cli(cnab: str, args: list[str], path: str) -> dict | str:
    t0, c0 = time.perf_counter(), children_cpu()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", cnab, *args, path], capture_output=True, text=True)
    t, c = time.perf_counter() - t0, children_cpu() - c0
    if p.returncode != 0:
        return (p.stderr.strip().splitlines() or ["?"])[-1][:160]
    n = next((int(l.split()[1]) for l in p.stdout.splitlines() if l.startswith(("entries:", "titulos:"))), 0)
    rss = int(p.stderr.strip().splitlines()[-1]) / 1024
    return {"s": t, "cpu": c, "n": n, "rss_mb": rss}


def children_cpu() -> float:
    """User + system CPU seconds of the finished child processes."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_wc(path: str) -> dict:
    t0, c0 = time.perf_counter(), children_cpu()
    subprocess.run(["wc", "-l", path], capture_output=True, check=True)
    return {"s": time.perf_counter() - t0, "cpu": children_cpu() - c0, "n": 0, "rss_mb": 0.0}


def main() -> None:
    runs = int(sys.argv[1])
    cnab = sys.argv[2]
    for spec in sys.argv[3:]:
        parts = spec.split(":")
        path, layout, bank = parts[0], parts[1], parts[2]
        module = parts[3] if len(parts) > 3 else ""
        size = os.path.getsize(path) / 1e6
        names = ["wc -l", "cnab inspect", "cnab inspect --stream", "cnab.read", "cnab.iter_entries", "pycobranca"]
        if module:
            names.append("python3-cnab")
        only = os.environ.get("PEERS_READERS")  # e.g. "cnab.read,pycobranca": only these readers
        if only:
            names = [n for n in names if n in only.split(",")]
        best: dict[str, dict | str] = {}
        for _ in range(runs):  # alternated: every reader once per round
            for name in names:
                if isinstance(best.get(name), str):
                    continue  # failed once: do not retry
                if name == "wc -l":
                    r: dict | str = run_wc(path)
                elif name == "cnab inspect":
                    r = run_cli(cnab, ["inspect", "--rows", "0"], path)
                elif name == "cnab inspect --stream":
                    r = run_cli(cnab, ["inspect", "--stream", "--rows", "0"], path)
                else:
                    r = run_python(name, path, module)
                prev = best.get(name)
                if isinstance(r, str) or prev is None:
                    best[name] = r
                elif isinstance(prev, dict):  # the least wall time and, apart, the least CPU time
                    best[name] = {
                        "s": min(prev["s"], r["s"]),
                        "cpu": min(prev["cpu"], r["cpu"]),
                        "n": r["n"],
                        "rss_mb": max(prev["rss_mb"], r["rss_mb"]),
                    }
        print(f"\n{os.path.basename(path)}: CNAB {layout}, bank {bank}, {size:.1f} MB — minimum of {runs} runs")
        print(
            f"{'reader':24} {'entries':>8} {'seconds':>9} {'MB/s':>8} {'CPU s':>8} {'peak MB':>8}"
            f" {'× pycobranca':>13} {'(by CPU)':>9}"
        )
        ref = best.get("pycobranca")
        for name in names:
            r = best[name]
            if isinstance(r, str):
                print(f"{name:24} failed: {r}")
                continue
            ratio = f"{ref['s'] / r['s']:.2f}" if isinstance(ref, dict) else "-"
            ratio_cpu = f"{ref['cpu'] / r['cpu']:.2f}" if isinstance(ref, dict) and r["cpu"] > 0 else "-"
            n = r["n"] or ""
            peak = f"{r['rss_mb']:.0f}" if r["rss_mb"] else ""
            print(
                f"{name:24} {n:>8} {r['s']:9.3f} {size / r['s']:8.1f} {r['cpu']:8.3f} {peak:>8}"
                f" {ratio:>13} {ratio_cpu:>9}"
            )


if __name__ == "__main__":
    main()
