#!/usr/bin/env bash
# Rebuilds the Action's bundle into a scratch folder and fails when it differs from the committed
# dist/ (the file action.yml runs). CI calls this: a source change without `npm run build:action`
# would otherwise ship a stale Action.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
node scripts/build-action.mjs "$scratch/dist"
if ! diff -r -q dist "$scratch/dist" >/dev/null; then
  echo "dist/ is out of date with src/: run 'npm run build:action' and commit dist/." >&2
  diff -r -q dist "$scratch/dist" >&2 || true
  exit 1
fi
echo "dist/ matches a fresh build."
