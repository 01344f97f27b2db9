"""Where cnab.read spends its time: the Rust read, moving entries into native objects, the whole call, and touching
every entry's amount and date; CPU seconds, minimum of 3.    python scripts/profile_python_read.py FILE
"""
import sys, time
import cnab
from cnab import _cnab
path = sys.argv[1]
def cpu(f):
    best = 1e9
    for _ in range(3):
        c = time.process_time(); out = f(); best = min(best, time.process_time() - c)
    return best, out
t_native, nat = cpu(lambda: _cnab.read_path(path, None, None, None, False))
t_take, _ = cpu(lambda: _cnab.read_path(path, None, None, None, False).take_entries())
t_read, r = cpu(lambda: cnab.read(path))
def touch():
    for e in r.entries:
        e.valor_pago; e.data_ocorrencia
t_touch, _ = cpu(touch)
def iter_touch():
    for e in cnab.iter_entries(path):
        e.valor_pago; e.data_ocorrencia
t_iter, _ = cpu(iter_touch)
n = len(r.entries)
print(f"{path}: {n} entries, CPU seconds (min of 3)")
print(f"  Rust read (read_path: entry views over the bytes): {t_native:.3f}")
print(f"  + the native entry objects:          {t_take - t_native:.3f}")
print(f"  cnab.read total:                     {t_read:.3f}")
print(f"  touching valor_pago + data_ocorrencia of every entry: {t_touch:.3f} ({t_touch / n * 1e9:.0f} ns/entry)")
print(f"  iter_entries + touch:                {t_iter:.3f}")
