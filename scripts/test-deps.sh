#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages:
# - Neo4j's own Cypher parser (@neo4j-cypher/language-support, pinned in tests/cypher/package.json)
# - headless Chromium for the browser tests of the pyvis pages (Debian package)
set -euo pipefail
cd "$(dirname "$0")/.."
# (re-installed when package-lock.json is newer than the installed tree; skipped with a note without npm)
if [ -f tests/cypher/package.json ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test-deps: npm missing; the Neo4j Cypher parser checks will skip" >&2
  elif [ ! -d tests/cypher/node_modules ] \
      || [ tests/cypher/package-lock.json -nt tests/cypher/node_modules/.package-lock.json ]; then
    (cd tests/cypher && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
# (a small CJK font too, so the browser tests' screenshots show 东莞市 rather than empty boxes)
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
      || echo "test-deps: could not install chromium; browser tests will skip" >&2
  elif ! command -v chromium >/dev/null 2>&1; then
    echo "test-deps: chromium missing and not root; browser tests will skip" >&2
  fi
fi
