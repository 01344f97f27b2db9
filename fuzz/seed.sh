#!/usr/bin/env bash
# Copies seed inputs into fuzz/corpus/<target>/ (git-ignored). Run from anywhere: fuzz/seed.sh [target...]
# Seeds: the repository's fixtures and, when present, the shared real-file corpus (../shared/corpus/real, never
# committed here). Also the regression inputs kept in crates/cnab-core/tests/regressions/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${CNAB_SHARED_CORPUS:-$root/../shared/corpus/real}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(read_any roundtrip boleto_parse write_remessa)

copy_files() { # dest, then find roots
  local dest="$1"; shift
  for src in "$@"; do
    [ -d "$src" ] || continue
    find "$src" -type f ! -name '*.json' ! -name '*.md' -size -2000k -print0 |
      while IFS= read -r -d '' f; do
        cp "$f" "$dest/$(printf '%s' "${f#"$src"/}" | tr '/ ' '__')"
      done
  done
}

for t in "${targets[@]}"; do
  dest="$here/corpus/$t"
  mkdir -p "$dest"
  case "$t" in
    read_any|roundtrip)
      copy_files "$dest" "$root/fixtures" "$shared" "$root/crates/cnab-core/tests/regressions" ;;
    boleto_parse)
      # Codes from the boleto crate's docs and tests: digit runs of 44, 47 and 48 digits.
      grep -rhoE '[0-9][0-9. ]{42,60}[0-9]' "$root/crates/boleto/src" "$root/crates/boleto/tests" 2>/dev/null |
        sort -u | head -500 | nl -ba | while read -r n code; do printf '%s' "$code" >"$dest/code_$n"; done ;;
    write_remessa)
      # Arbitrary-built models: any bytes are a model; seed with the fixture files' bytes for variety.
      copy_files "$dest" "$root/fixtures" ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  echo "$t: $(find "$dest" -type f | wc -l) seed files in $dest"
done
