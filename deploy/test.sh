#!/usr/bin/env bash
# Tests the platform's alert rules and routing (deploy/prometheus, deploy/alertmanager).
#
#   bash deploy/test.sh          # from the repo root (works from anywhere)
#
# Needs promtool (Prometheus >= 2.42), amtool and alertmanager (>= 0.25; Debian:
# packages prometheus and prometheus-alertmanager). A missing tool is an error,
# not a skip. Prints one line per check and `deploy: N passed, M failed`; exits
# non-zero when anything failed.
set -euo pipefail

DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROM="$DEPLOY/prometheus"
AM_CONFIG="$DEPLOY/alertmanager/alertmanager.yml"

# The alert names other code (portal plugins, simulator) depends on.
EXPECTED_ALERTS="ApiErrorRateElevated ApiErrorRateHigh ApiLatencyP95High ApiLatencyP99High
ApiRequestRateHigh ApiRequestRateLow NodeCpuUsageCritical NodeCpuUsageHigh NodeDiskUsageCritical
NodeDiskUsageWarning NodeMemoryUsageCritical NodeMemoryUsageWarning ServiceDown"

ALERTMANAGER_BIN="$(command -v alertmanager || command -v prometheus-alertmanager || true)"
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(promtool)
command -v amtool >/dev/null 2>&1 || missing+=(amtool)
[ -n "$ALERTMANAGER_BIN" ] || missing+=("alertmanager (or prometheus-alertmanager)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "deploy: SKIPPED, required tool(s) not found: ${missing[*]}" >&2
  echo "deploy: install them (Debian: apt-get install prometheus prometheus-alertmanager;" >&2
  echo "        or the release tarballs from prometheus.io) and re-run. Failing on purpose." >&2
  exit 1
fi

TMP="$(mktemp -d)"
AM_PID=""
cleanup() {
  if [ -n "$AM_PID" ]; then
    kill "$AM_PID" 2>/dev/null || true
    wait "$AM_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

passed=0
failed=0
# check NAME COMMAND...: runs COMMAND, prints `ok` / `FAIL` and, on failure, its output.
check() {
  local name="$1"
  shift
  local out
  if out="$("$@" 2>&1)"; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
    printf '%s\n' "$out" | sed 's/^/      | /'
  fi
}

# record NAME STATUS OUTPUT: like check, for a result computed in this shell.
record() {
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok    $1"
  else
    failed=$((failed + 1))
    echo "FAIL  $1"
    printf '%s\n' "$3" | sed 's/^/      | /'
  fi
}

# ---------------------------------------------------------------- Prometheus

# Debian's promtool/prometheus are built without the Kubernetes service
# discovery, so they reject `kubernetes_sd_configs` as an unknown field. When
# that is the case, check a copy where that block (and only it) is swapped for
# a placeholder static_configs; everything else, rule files included, is checked
# as written. With an upstream promtool the real file is checked.
check_prometheus_config_without_k8s_sd() {
  mkdir -p "$TMP/prometheus"
  cp -r "$PROM/rules" "$TMP/prometheus/rules"
  sed -e 's/^\( *\)kubernetes_sd_configs:$/\1static_configs:/' \
    -e 's/^\( *\)- role: pod$/\1- targets: ["kubernetes-sd-placeholder:80"]/' \
    "$PROM/prometheus.yml" >"$TMP/prometheus/prometheus.yml"
  local changed
  changed="$(diff "$PROM/prometheus.yml" "$TMP/prometheus/prometheus.yml" | grep -c '^>' || true)"
  if [ "$changed" != 2 ]; then
    echo "expected to rewrite exactly the kubernetes_sd_configs/role: pod lines, rewrote $changed"
    return 1
  fi
  promtool check config "$TMP/prometheus/prometheus.yml"
}
printf 'scrape_configs:\n  - job_name: probe\n    kubernetes_sd_configs:\n      - role: pod\n' >"$TMP/probe.yml"
if promtool check config "$TMP/probe.yml" >/dev/null 2>&1; then
  check "promtool check config prometheus/prometheus.yml" promtool check config "$PROM/prometheus.yml"
else
  check "promtool check config prometheus/prometheus.yml (this promtool lacks Kubernetes SD: kubernetes_sd_configs swapped on a copy)" \
    check_prometheus_config_without_k8s_sd
fi

for f in "$PROM"/rules/*.yaml; do
  check "promtool check rules prometheus/rules/$(basename "$f")" promtool check rules "$f"
done

alert_names() { sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\) *$/\1/p' "$PROM"/rules/*.yaml | sort; }

check_alert_names() {
  local got want
  got="$(alert_names | tr '\n' ' ')"
  want="$(echo $EXPECTED_ALERTS | tr ' ' '\n' | sort | tr '\n' ' ')"
  if [ "$got" != "$want" ]; then
    echo "expected: $want"
    echo "found:    $got"
    return 1
  fi
}
check "alert names are exactly the 13 documented ones" check_alert_names

# Tools read each rule's threshold as the single number at the end of its expr.
check_trailing_thresholds() {
  awk '
    /^ *- alert:/ { alert = $3; inexpr = 0 }
    /^ *expr: *\|-? *$/ { inexpr = 1; last = ""; next }
    /^ *expr: / { last = $0; sub(/^ *expr: */, "", last); inexpr = 0; done_expr() ; next }
    inexpr && /^ *(for|labels|annotations):/ { inexpr = 0; done_expr() }
    inexpr && NF { last = $0 }
    function done_expr() {
      if (last !~ /(>|<|==|!=|>=|<=) *[0-9]+(\.[0-9]+)? *$/) { print alert ": expr does not end in a threshold: " last; bad = 1 }
      n++
    }
    END { if (n != 13) { print "found " n " exprs, expected 13"; bad = 1 } exit bad }
  ' "$PROM"/rules/*.yaml
}
check "every expr ends with its threshold (op number)" check_trailing_thresholds

check_every_rule_tested() {
  local name missing_tests=""
  for name in $(alert_names); do
    grep -q "alertname: $name\$" "$PROM"/tests/*.test.yaml || missing_tests="$missing_tests $name"
  done
  if [ -n "$missing_tests" ]; then
    echo "no alert_rule_test for:$missing_tests"
    return 1
  fi
}
check "every alert rule has a unit test" check_every_rule_tested

for f in "$PROM"/tests/*.test.yaml; do
  check "promtool test rules prometheus/tests/$(basename "$f")" promtool test rules "$f"
done

# ---------------------------------------------------------------- Alertmanager

# amtool check-config does not open api_url_file / routing_key_file /
# credentials_file (Alertmanager reads them when it sends), so the real file is
# checked as is, without the secrets.
check "amtool check-config alertmanager/alertmanager.yml" amtool check-config "$AM_CONFIG"

check_no_inline_secrets() {
  if grep -nE '^\s*(-\s+)?(api_url|slack_api_url|routing_key|service_key|credentials|password|bearer_token)\s*:|hooks\.slack\.com|events\.pagerduty\.com/.*[A-Za-z0-9]{20}' "$AM_CONFIG"; then
    echo "inline secret(s) above: use *_file settings pointing at /etc/alertmanager/secrets/"
    return 1
  fi
  local files
  files="$(grep -cE '^\s*(-\s+)?(api_url_file|routing_key_file|service_key_file|credentials_file):\s*/etc/alertmanager/secrets/' "$AM_CONFIG")"
  if [ "$files" -lt 6 ]; then
    echo "expected every slack/pagerduty/webhook secret as a file under /etc/alertmanager/secrets/ (found $files)"
    return 1
  fi
}
check "no inline secrets (slack, pagerduty, webhook use *_file under /etc/alertmanager/secrets/)" check_no_inline_secrets

# What amtool cannot see: each receiver's integrations and Slack channel, and the
# documented root timings. Lines of the form `receiver kind detail` from the file.
receiver_summary() {
  awk '
    /^receivers:/ { inr = 1; next }
    /^[a-z_]+:/ { inr = 0 }
    inr && /^  - name:/ { name = $3; next }
    inr && /_configs:/ { kind = $1; sub(/:$/, "", kind); next }
    inr && /channel:/ { gsub(/"/, "", $NF); print name, kind, "channel=" $NF }
    inr && /send_resolved:/ { print name, kind, "send_resolved=" $NF }
    inr && / url:/ { print name, kind, "url=" $NF }
    inr && /routing_key_file:|service_key_file:/ { print name, kind, "key_file" }
  ' "$AM_CONFIG" | sort
}
check_receivers() {
  local want got
  want="$(sort <<'EOF'
critical pagerduty_configs key_file
critical pagerduty_configs send_resolved=true
critical slack_configs channel=#alerts-critical
critical slack_configs send_resolved=true
info slack_configs channel=#alerts-info
info slack_configs send_resolved=true
portal-incidents webhook_configs send_resolved=true
portal-incidents webhook_configs url=http://portal:7007/api/incidents/webhooks/alertmanager
slack-default slack_configs channel=#alerts
slack-default slack_configs send_resolved=true
warning slack_configs channel=#alerts-warning
warning slack_configs send_resolved=true
EOF
)"
  got="$(receiver_summary)"
  if [ "$got" != "$want" ]; then
    diff <(echo "$want") <(echo "$got") | sed 's/^</expected:/; s/^>/found:   /'
    return 1
  fi
}
check "receivers: slack channels, pagerduty trading-team key, portal webhook, send_resolved everywhere" check_receivers

check_root_route() {
  local top
  top="$(awk '/^route:/ { r = 1; next } /^[a-z_]+:/ { r = 0 } r && /^  [a-z_]+:/ { print }' "$AM_CONFIG")"
  local want
  for want in "receiver: slack-default" "group_by: \[alertname, service\]" "group_wait: 30s" \
    "group_interval: 5m" "repeat_interval: 4h"; do
    grep -qx "  $want" <<<"$top" || { echo "root route lacks '$want'"; return 1; }
  done
}
check "root route: slack-default, group_by [alertname, service], 30s / 5m / 4h" check_root_route

# route EXPECTED LABELS...: the label set routes to exactly EXPECTED (comma-separated, in route order)
route() {
  local expected="$1"
  shift
  check "route {$*} -> $expected" \
    amtool config routes test --config.file="$AM_CONFIG" --verify.receivers="$expected" "$@"
}
route portal-incidents,critical alertname=ApiErrorRateHigh service=trading-api priority=high
route portal-incidents,critical alertname=ServiceDown service=trading-api priority=high incident_level=P1
route portal-incidents,critical alertname=NodeCpuUsageCritical service=kubernetes node=general-1 priority=high
route warning alertname=ApiLatencyP95High service=trading-api priority=medium
route info alertname=NodeCpuUsageHigh service=kubernetes node=general-1 priority=low
route slack-default alertname=Watchdog
route slack-default alertname=SomethingElse severity=critical
route portal-incidents,warning alertname=External priority=medium incident_level=P2

# Inhibition, on a running Alertmanager with the real config (loopback only, no
# clustering; the notifications it would send after group_wait are never reached).
start_alertmanager() {
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    AM_URL="http://127.0.0.1:$port"
    "$ALERTMANAGER_BIN" --config.file="$AM_CONFIG" --storage.path="$TMP/am-data-$attempt" \
      --web.listen-address="127.0.0.1:$port" --cluster.listen-address= \
      --log.level=warn >"$TMP/alertmanager.log" 2>&1 &
    AM_PID=$!
    local i
    for i in $(seq 1 50); do
      if ! kill -0 "$AM_PID" 2>/dev/null; then break; fi
      if amtool --alertmanager.url="$AM_URL" config show >/dev/null 2>&1; then return 0; fi
      sleep 0.2
    done
    kill "$AM_PID" 2>/dev/null || true
    wait "$AM_PID" 2>/dev/null || true
    AM_PID=""
  done
  cat "$TMP/alertmanager.log"
  return 1
}
AM_URL=""
# Not through `check`: AM_PID must be set in this shell so cleanup can stop it.
if start_alertmanager >"$TMP/start.out" 2>&1; then status=0; else status=$?; fi
record "alertmanager starts with alertmanager.yml ($(basename "$ALERTMANAGER_BIN"), 127.0.0.1 only)" "$status" "$(cat "$TMP/start.out")"

am() { amtool --alertmanager.url="$AM_URL" "$@"; }
# alert_state LABELS...: prints active|suppressed for the one alert with these labels
alert_state() {
  am alert query -o json --active --inhibited "$@" | grep -o '"state":"[a-z]*"' | cut -d'"' -f4 || true
}
expect_state() {
  local want="$1"
  shift
  local got
  got="$(alert_state "$@")"
  if [ "$got" != "$want" ]; then
    echo "expected state $want, got '${got:-no alert}' for $*"
    return 1
  fi
}
# inhibits SOURCE TARGET KEY VALUE OTHER_VALUE [extra labels]: SOURCE on KEY=VALUE
# inhibits TARGET on KEY=VALUE but not TARGET on KEY=OTHER_VALUE.
inhibits() {
  local source="$1" target="$2" key="$3" value="$4" other="$5"
  shift 5
  if [ -z "$AM_PID" ]; then
    check "inhibit: $source suppresses $target on the same $key" false
    check "inhibit: $source leaves $target on another $key alone" false
    return
  fi
  # (a failed add shows up as a failed state check below)
  am alert add alertname="$source" cluster=fdp-cluster "$key=$value" "$@" >/dev/null 2>&1 || true
  am alert add alertname="$target" cluster=fdp-cluster "$key=$value" "$@" >/dev/null 2>&1 || true
  am alert add alertname="$target" cluster=fdp-cluster "$key=$other" "$@" >/dev/null 2>&1 || true
  check "inhibit: $source suppresses $target on the same $key" \
    expect_state suppressed alertname="$target" "$key=$value"
  check "inhibit: $source leaves $target on another $key alone" \
    expect_state active alertname="$target" "$key=$other"
}
inhibits NodeCpuUsageCritical NodeCpuUsageHigh node general-1 general-2 pool=general service=kubernetes
inhibits NodeMemoryUsageCritical NodeMemoryUsageWarning node data-processing-1 data-processing-2 pool=data-processing service=kubernetes
inhibits NodeDiskUsageCritical NodeDiskUsageWarning node ai-inference-1 ai-inference-2 pool=ai-inference service=kubernetes
inhibits ApiErrorRateHigh ApiErrorRateElevated service trading-api trading-websocket
inhibits ServiceDown ApiRequestRateLow service model-serving stream-processing

echo "deploy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
