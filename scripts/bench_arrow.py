"""Times the Python columns on one retorno (e.g. 999,997 entries from `cnab gen`): cnab.read, Retorno.to_arrow(),
pyarrow.table() over it, a DuckDB sum over it, and cnab.iter_batches() streamed into a pyarrow table. Minimum of
RUNS runs each; peak memory is the whole process's.

    python scripts/bench_arrow.py FILE [RUNS]
    cnab gen --bank 237 --layout 400 --kind retorno --entries 999997 --seed 2026 --out b400.ret
"""

from __future__ import annotations

import resource
import sys
import time

import duckdb
import pyarrow as pa

import cnab


def best(runs: int, f):  # type: ignore[no-untyped-def]
    """Minimum wall time and minimum CPU time of this process (on a loaded machine the CPU time is the steadier)."""
    times = []
    cpu = []
    out = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        out = f()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(times), min(cpu), out


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t, c, r = best(1, lambda: cnab.read_retorno(path))
    print(f"entries: {len(r.entries)}   (wall s / CPU s)")
    print(f"cnab.read_retorno:               {t:8.3f} / {c:8.3f}")
    t, c, obj = best(runs, r.to_arrow)
    print(f"Retorno.to_arrow():              {t:8.3f} / {c:8.3f}")
    t, c, table = best(runs, lambda: pa.table(r.to_arrow()))
    print(f"pyarrow.table(r.to_arrow()):     {t:8.3f} / {c:8.3f}  ({table.num_rows} rows)")
    con = duckdb.connect()
    con.register("entries", table)
    t, c, s = best(runs, lambda: con.sql("select sum(valor_pago) from entries").fetchall()[0])
    print(f"duckdb sum(valor_pago):          {t:8.3f} / {c:8.3f}  ({s[0]})")
    want = sum((e.valor_pago for e in r.entries if e.valor_pago is not None), start=0)
    print(f"model sum(valor_pago):           {want}")
    del r, obj, table
    t, c, st = best(1, lambda: pa.table(cnab.iter_batches(path)))
    print(f"pyarrow.table(iter_batches()):   {t:8.3f} / {c:8.3f}  ({st.num_rows} rows)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
