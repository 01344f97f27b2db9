"""Reading a folder of retornos inside Apache Spark: each task streams its files with ``cnab.iter_batches`` (Arrow
record batches, constant memory) and hands them to Spark through ``mapInArrow``, so the entries become a Spark
DataFrame without a row-by-row copy. The per-file totals Spark computes are then checked against ``cnab inspect``.

    python examples/spark_retornos.py FOLDER [--cnab PATH_TO_CNAB_CLI] [--partitions N]

Needs ``pip install pyspark pyarrow`` and a Java runtime that PySpark supports (17 or later for PySpark 4). Runs in
local mode (``local[*]``); on a cluster, ``cnab-rs`` must be installed on every executor and the paths readable
there (a shared file system or object store mounted on the nodes).

Exit status: 0 when every file's entry count and totals agree with ``cnab inspect``, 1 otherwise, 2 on usage.
"""

from __future__ import annotations

import argparse
import decimal
import os
import re
import subprocess
import sys
import time
from typing import Dict, Iterator, List, Tuple

import pyarrow as pa

import cnab

# Spark has no unsigned integer types: the line numbers and the inscrição type are cast to signed ones (lossless).
_SIGNED = {pa.uint64(): pa.int64(), pa.uint8(): pa.int16()}


def spark_arrow_schema() -> pa.Schema:
    """The ``cnab`` entry columns as Spark takes them, plus the file each entry came from."""
    probe = pa.RecordBatchReader.from_stream(cnab.iter_batches(_any_fixture()))
    fields = [pa.field("file", pa.string(), nullable=False)]
    for f in probe.schema:
        fields.append(pa.field(f.name, _SIGNED.get(f.type, f.type), f.nullable))
    return pa.schema(fields)


def _any_fixture() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(here, "..", "fixtures", "237-bradesco", "cnab400", "retorno", "retorno.ret")


def retorno_files(folder: str) -> List[str]:
    """Every regular file below the folder, sorted (retornos have no one extension: .ret, .RET, .txt, none)."""
    out = []
    for root, _dirs, files in os.walk(folder):
        out.extend(os.path.join(root, f) for f in files)
    return sorted(out)


def make_reader(schema: pa.Schema):  # type: ignore[no-untyped-def]
    """The function ``mapInArrow`` runs on each partition: paths in, entry batches out."""

    def read_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import cnab as cnab_on_executor  # imported where the task runs

        for b in batches:
            for path in b.column("path").to_pylist():
                reader = pa.RecordBatchReader.from_stream(cnab_on_executor.iter_batches(path))
                for entries in reader:
                    cols = [pa.array([path] * entries.num_rows, pa.string())]
                    for f in schema:
                        if f.name != "file":
                            cols.append(entries.column(f.name).cast(f.type))
                    yield pa.RecordBatch.from_arrays(cols, schema=schema)

    return read_partition


def inspect_totals(cnab_bin: str, path: str) -> Tuple[int, decimal.Decimal, decimal.Decimal]:
    """Entries, valor_titulo total and valor_pago total as ``cnab inspect --stream`` prints them."""
    out = subprocess.run(
        [cnab_bin, "inspect", "--stream", "--rows", "0", path], check=True, capture_output=True, text=True
    ).stdout

    def grab(label: str) -> str:
        m = re.search(rf"^{label}:?\s+(\S+)", out, re.M)
        if m is None:
            raise SystemExit(f"cnab inspect {path}: no '{label}' line in:\n{out}")
        return m.group(1)

    return int(grab("entries")), decimal.Decimal(grab("valor_titulo total")), decimal.Decimal(grab("valor_pago total"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--cnab", default="cnab", help="the cnab CLI to check the totals against")
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()
    files = retorno_files(args.folder)
    if not files:
        print(f"{args.folder}: no files", file=sys.stderr)
        return 2

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    # the executors run this same interpreter (with cnab and pyarrow), not whatever `python3` is first on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[*]")
        .appName("cnab-retornos")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    schema = spark_arrow_schema()
    paths = spark.createDataFrame([(p,) for p in files], "path string").repartition(args.partitions)
    entries = paths.mapInArrow(make_reader(schema), from_arrow_schema(schema))
    totals = (
        entries.groupBy("file")
        .agg(
            F.count(F.lit(1)).alias("entries"),
            F.sum("valor_titulo").alias("valor_titulo"),
            F.sum("valor_pago").alias("valor_pago"),
        )
        .collect()
    )
    spark_s = time.perf_counter() - t0
    got: Dict[str, Tuple[int, decimal.Decimal, decimal.Decimal]] = {
        r["file"]: (r["entries"], r["valor_titulo"] or decimal.Decimal(0), r["valor_pago"] or decimal.Decimal(0))
        for r in totals
    }
    spark.stop()

    bad = 0
    n_entries = 0
    for path in files:
        want = inspect_totals(args.cnab, path)
        have = got.get(path, (0, decimal.Decimal(0), decimal.Decimal(0)))
        n_entries += want[0]
        # a file with no entry has no Spark group: its totals are zero on both sides
        same = have[0] == want[0] and have[1] == want[1] and have[2] == want[2]
        if not same:
            bad += 1
            print(f"MISMATCH {path}: spark {have} != cnab inspect {want}")
    print(
        f"spark: {len(files)} files, {n_entries} entries, per-file count/valor_titulo/valor_pago equal to cnab inspect "
        f"for {len(files) - bad}; {spark_s:.1f} s in Spark (session start included)"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
