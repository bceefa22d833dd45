#!/usr/bin/env bash
# Proves, without Docker, that every deployable builds, starts and ships on its own: the
# same steps as its Dockerfile (apps/Dockerfile with APP=<app>, packages/ui/Dockerfile), in a
# temporary folder outside the workspace. The server checks are TypeScript
# (packages/testing/src/prove-server.ts, on @vaart/testing's server-process helper).
#
#   server apps: turbo prune <app> --docker → pnpm install --frozen-lockfile (out/json) →
#                turbo run build (out/full) → pnpm deploy --prod → start with production
#                settings on a free port → 200 from /healthz → SIGTERM → exit code 0 →
#                the newsletter cron jobs run from the deployed folder.
#                Also: without each variable @vaart/web's list marks as required for the
#                app, the server exits non-zero naming the variable.
#   storybook:   turbo prune @vaart/ui --docker → install → build-storybook → tarball →
#                unpack and serve the tarball → index.json lists stories.
#
# Usage: scripts/prove-deployables.sh [deployable ...]   (default: all of them)
#        KEEP_WORKDIR=1 keeps the temporary folder; ARTEFACT_DIR=<dir> keeps the Storybook tarball.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Every deployable, in the order CI proves them. A new server app is one more name here
# (it needs apps/<name>/server.js on the shared @vaart/web server; apps/Dockerfile builds it).
deployables=(site storybook)
# The landing app (issue 9) joins as soon as it is in the tree.
if [ -f apps/landing/package.json ]; then deployables=(site landing storybook); fi
if [ -f apps/studio/package.json ]; then deployables=(site landing studio storybook); fi

# Root files the app builds need that `turbo prune` does not copy into its output.
# .pnpmfile.cjs: its checksum is in the lockfile (a frozen install fails without it) and it
# points node-gyp at Node's headers; tsconfig.base.json: every package's tsconfig extends it.
prune_misses=(.pnpmfile.cjs tsconfig.base.json)

if [ "$#" -gt 0 ]; then deployables=("$@"); fi

work="$(mktemp -d "${TMPDIR:-/tmp}/vaart-deployables.XXXXXX")"
server_pid="" # the Storybook static server, while it runs
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" || true; fi
  if [ "${KEEP_WORKDIR:-0}" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
failure_title="DEPLOYABLE FAILED"
subject=""
# shellcheck source=lib/steps.sh
source "$root/scripts/lib/steps.sh"

free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# prune <turbo package> <dir>: turbo prune --docker, then the two folders the Dockerfile's
# builder stage has: first the manifests + lockfile (install), then the full sources (build).
prune_and_install() {
  local package="$1" dir="$2"
  step "turbo prune" pnpm exec turbo prune "$package" --docker --out-dir "$dir/out"
  mkdir -p "$dir/src"
  cp -a "$dir/out/json/." "$dir/src/"
  cp "$dir/out/pnpm-lock.yaml" "$dir/src/"
  for file in "${prune_misses[@]}"; do cp "$file" "$dir/src/"; done
  step "install (frozen)" pnpm --dir "$dir/src" install --frozen-lockfile
  cp -a "$dir/out/full/." "$dir/src/"
}

# The Dockerfile must perform the steps this script proves (Docker does not run here, so
# this keeps the two from drifting apart): each required line, as a fixed string.
check_dockerfile() {
  local dockerfile="$1"
  shift
  local missing=0
  for wanted in "$@"; do
    if ! grep -qF -- "$wanted" "$dockerfile"; then
      echo "$dockerfile lacks: $wanted"
      missing=1
    fi
  done
  [ "$missing" -eq 0 ] && echo "$dockerfile has every step ($# checked)"
}

# The server checks (packages/testing/src/prove-server.ts): the app's Dockerfile steps, a
# production-only tree, refusal without each required variable, start → /healthz → SIGTERM,
# the newsletter's cron jobs.
prove_server_app() {
  local app="$1" dir="$work/$1"
  local prove=(node "$root/packages/testing/dist/prove-server.js")
  current_step="files"
  [ -f "apps/$app/server.js" ] || fail "apps/$app/server.js not found"
  [ -f apps/Dockerfile ] || fail "apps/Dockerfile not found"
  step "Dockerfile steps" "${prove[@]}" dockerfile "$app" apps/Dockerfile
  prune_and_install "$app" "$dir"
  step "build" pnpm --dir "$dir/src" exec turbo run build --filter="$app"
  step "deploy --prod" pnpm --dir "$dir/src" --filter "$app" --prod deploy "$dir/app"
  step "production deps only" "${prove[@]}" production "$app" "$dir/app"
  step "refuses without each required" "${prove[@]}" refusals "$app" "$dir/app" "$work"
  step "start, /healthz 200, SIGTERM" "${prove[@]}" serve "$app" "$dir/app" "$work"
  step "newsletter cron jobs" "${prove[@]}" cron "$app" "$dir/app" "$work"
}

check_storybook_served() {
  local static="$1" port log body entries
  port="$(free_port)"
  log="$work/logs/storybook-server.log"
  # The same static server as `pnpm --filter @vaart/ui start`, from the pruned install.
  (cd "$work/storybook/src/packages/ui" && exec node_modules/.bin/sirv "$static" --port "$port" --host 127.0.0.1 --quiet) >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port/index.json" 2>/dev/null; then break; fi
    sleep 0.2
  done
  body="$(curl -fsS --max-time 5 "http://127.0.0.1:$port/index.json")" || {
    cat "$log"
    echo "GET /index.json failed"
    return 1
  }
  entries="$(printf '%s' "$body" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(Object.keys(j.entries??{}).length)})')"
  echo "GET /index.json → 200, $entries entries"
  [ "$entries" -gt 0 ] || { echo "index.json lists no stories"; return 1; }
  curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$port/index.html" || { echo "GET /index.html failed"; return 1; }
  curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$port/iframe.html" || { echo "GET /iframe.html failed"; return 1; }
  echo "GET /index.html, /iframe.html → 200"
  kill -TERM "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

make_storybook_tarball() {
  local dir="$1"
  tar -czf "$dir/storybook-static.tar.gz" -C "$dir/src/packages/ui/storybook-static" .
  mkdir -p "$dir/unpacked"
  tar -xzf "$dir/storybook-static.tar.gz" -C "$dir/unpacked"
  ls -l "$dir/storybook-static.tar.gz"
  if [ -n "${ARTEFACT_DIR:-}" ]; then
    mkdir -p "$ARTEFACT_DIR"
    cp "$dir/storybook-static.tar.gz" "$ARTEFACT_DIR/"
  fi
}

prove_storybook() {
  local dir="$work/storybook"
  current_step="files"
  [ -f packages/ui/Dockerfile ] || fail "packages/ui/Dockerfile not found"
  step "Dockerfile steps" check_dockerfile packages/ui/Dockerfile \
    "turbo prune @vaart/ui --docker" "${prune_misses[@]}" "pnpm install --frozen-lockfile" \
    "turbo run build-storybook --filter=@vaart/ui" "AS artefact" "HEALTHCHECK" "index.json"
  prune_and_install "@vaart/ui" "$dir"
  step "build-storybook" pnpm --dir "$dir/src" exec turbo run build-storybook --filter=@vaart/ui
  step "tarball" make_storybook_tarball "$dir"
  step "serve, index.json" check_storybook_served "$dir/unpacked"
}

# The server checks are compiled TypeScript: build them first (cached when unchanged).
subject="proof"
step "build the server checks" pnpm exec turbo run build --filter=@vaart/testing

overall=$SECONDS
echo "Proving deployables in $work (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
for app in "${deployables[@]}"; do
  subject="$app"
  app_started="$(now_ms)"
  echo "▶ $app"
  case "$app" in
    storybook) prove_storybook ;;
    *) prove_server_app "$app" ;;
  esac
  summary+=("$(printf '%-10s %-32s %6s s' "$app" "TOTAL" "$(seconds_since "$app_started")")")
done

echo ""
echo "Deployables proven in $((SECONDS - overall)) s (load average: $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %s\n' "${summary[@]}"
