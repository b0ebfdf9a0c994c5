#!/usr/bin/env bash
# The offline CLI end to end, as README tells an intranet unit: `npm pack` (prepack bundles
# the CLI into one file), then `npm install -g ./jixiao-check-<v>.tgz --offline` into a scratch
# prefix with an empty cache and an unreachable registry, then the command on the sample.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

npm pack --silent --pack-destination "$scratch" >/dev/null
tarball="$(ls "$scratch"/jixiao-check-*.tgz)"
npm install -g "$tarball" --offline --prefix "$scratch/prefix" --cache "$scratch/cache" \
  --registry http://127.0.0.1:9/ --no-audit --no-fund --loglevel=error

set +e
NO_COLOR=1 "$scratch/prefix/bin/jixiao-check" assets/samples/ningxian-2026.xlsx >"$scratch/report.txt"
code=$?
set -e
cat "$scratch/report.txt"
# The sample has two errors (exit 1) and scores 87.00 of 90.
if [ "$code" -ne 1 ] || ! grep -q '得分 87.00 / 90.00' "$scratch/report.txt"; then
  echo "offline CLI: unexpected result (exit $code)" >&2
  exit 1
fi
echo "offline CLI: $(basename "$tarball") installed with --offline and checked the sample"
