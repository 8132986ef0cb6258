#!/usr/bin/env bash
# The main job on the seed reports with the embedded default store:
# read and extract every report into the RDF dataset + embedded graph, then ask it the questions
# researchers ask, score extraction against the gold annotations, and draw a page.
set -euo pipefail
SEEDS=${1:-../shared/seeds}
GOLD=${KG_GOLD_DIR:-$(dirname "$SEEDS")/gold}
export KG_DATA_DIR=${KG_DATA_DIR:-kg-data}
KG=.venv/bin/kg
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "kg ingest $SEEDS  (data dir: $KG_DATA_DIR)"
$KG ingest "$SEEDS"
step "Which jurisdictions ran 证照分离 (and its narrower programs)?"
$KG query program-adopters -p program=证照分离
step "National firsts claimed"
$KG query firsts -p scope=national -p limit=12
step "Pilots"
$KG query pilots -p limit=12
step "Program x jurisdiction x first year (first 10 rows of the CSV)"
$KG query adoption-matrix --format csv -p limit=10
if [ -d "$GOLD" ]; then
  step "Extraction quality against $GOLD"
  $KG eval "$GOLD" --docs "$SEEDS"
fi
step "Interactive page"
$KG viz program 证照分离 -o "$KG_DATA_DIR/viz-zhengzhaofenli.html"
echo "open $KG_DATA_DIR/viz-zhengzhaofenli.html in a browser (works offline)"
