#!/usr/bin/env bash
# Starts the portal on its embedded default: the platform simulator
# (127.0.0.1:6443, scenario "default"), the backend (:7007, SQLite files under
# data/) and the frontend dev server (:3000). Ctrl-C stops all three.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FDP_ROOT"
bash scripts/bootstrap.sh
mkdir -p data

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "dev: starting the platform simulator on 127.0.0.1:6443 (log: data/platform-sim.log)"
rm -f data/kubeconfig
# --tls-dir keeps its certificate in data/ across restarts, as a real cluster
# keeps its CA, so a running backend keeps trusting a restarted simulator.
# FDP_SIM_TIME_SCALE=4 runs the demo's timeline four times faster (the CPU
# alert's 15-minute rule then fires after about 4.5 minutes instead of 17.5).
# Its Alertmanager notifies the portal's incident webhook (as deploy/alertmanager
# routes it) with the development token, read from app-config.development.yaml
# so the value lives in one place. It also writes trading-db's
# `pgbackrest info` JSON (data/pgbackrest-info.json, backups.pgbackrest) from
# the scenario's clock, as the CronJob of a real repository would.
(umask 077 && node -e '
  const { parse } = require("yaml");
  const cfg = parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.stdout.write(String(cfg.incidents.webhook.token));
' app-config.development.yaml >data/incidents-webhook-token)
packages/platform-sim/bin/platform-sim --scenario default --port 6443 \
  --time-scale "${FDP_SIM_TIME_SCALE:-1}" \
  --kubeconfig-out data/kubeconfig --ca-out data/platform-sim-ca.crt \
  --tls-dir data \
  --webhook http://127.0.0.1:7007/api/incidents/webhooks/alertmanager \
  --webhook-token-file data/incidents-webhook-token \
  --pgbackrest-info-out data/pgbackrest-info.json \
  >data/platform-sim.log 2>&1 &
pids+=($!)
# The backend reads the simulator's certificate: wait until it is written.
for _ in $(seq 1 60); do
  [ -s data/kubeconfig ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat data/platform-sim.log; exit 1; }
  sleep 1
done
echo "dev: simulator ready (kubectl: KUBECONFIG=data/kubeconfig kubectl get nodes)"

# app-config.development.yaml adds the development sign-ins (guest, test users)
yarn start --config "$FDP_ROOT/app-config.yaml" \
  --config "$FDP_ROOT/app-config.development.yaml" &
pids+=($!)
wait -n
