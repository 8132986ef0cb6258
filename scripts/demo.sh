#!/usr/bin/env bash
# The main job on the seed reports with the embedded default store.
set -euo pipefail
SEEDS=${1:-../shared/seeds}
KG=.venv/bin/kg
$KG inspect "$SEEDS"
