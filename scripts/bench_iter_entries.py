"""CPU time and peak memory of streaming a retorno from Python: cnab.iter_entries over FILE, touching every entry's
amount paid and event date. Run it on files of different sizes: peak memory stays the same in constant memory.

    python scripts/bench_iter_entries.py FILE
"""

import resource
import sys
import time

import cnab

t = time.process_time()
n = 0
for e in cnab.iter_entries(sys.argv[1]):
    e.valor_pago
    e.data_ocorrencia
    n += 1
cpu = time.process_time() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{sys.argv[1]}: {n} entries, {cpu:.2f} CPU s, peak RSS {peak:.0f} MB")
