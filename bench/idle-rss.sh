#!/usr/bin/env bash
# Idle RSS of `npm start` on the embedded database with the demo (issue 16, row h, by hand):
#   bash bench/idle-rss.sh DATA_DIR PORT
# Starts scripts/start.ts directly (so its pid is the web process), waits until /api/health
# answers, prints VmRSS then and 15 s later, and stops it. Run it twice on one fresh DATA_DIR:
# the first start (initdb in the same heap), then an existing data dir.
set -euo pipefail
dir=${1:?DATA_DIR}; port=${2:-3531}
cd "$(dirname "$0")/.."
DATA_DIR=$dir PORT=$port SEED_DEMO=1 SEED_ADMIN_PASSWORD=admin-password node --import tsx scripts/start.ts > "/tmp/idle-rss-$port.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.5; done
rss() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$pid/status") / 1024 )); }
echo "after start: $(rss) MiB"
sleep 15
echo "idle 15 s:   $(rss) MiB"
