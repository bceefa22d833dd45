#!/usr/bin/env bash
# Proves, without Docker, that every deployable builds, starts and ships on its own: the
# same steps as its Dockerfile (apps/<app>/Dockerfile, packages/ui/Dockerfile), in a
# temporary folder outside the workspace.
#
#   server apps: turbo prune <app> --docker → pnpm install --frozen-lockfile (out/json) →
#                turbo run build (out/full) → pnpm deploy --prod → start with production
#                settings on a free port → 200 from /healthz → SIGTERM → exit code 0 →
#                the newsletter cron jobs run from the deployed folder.
#                Also: without SITE_URL (or the app's public URL variable, or a secret it
#                declares in secrets.json) the server exits non-zero naming the variable.
#   storybook:   turbo prune @vaart/ui --docker → install → build-storybook → tarball →
#                unpack and serve the tarball → index.json lists stories.
#
# Usage: scripts/prove-deployables.sh [deployable ...]   (default: all of them)
#        KEEP_WORKDIR=1 keeps the temporary folder; ARTEFACT_DIR=<dir> keeps the Storybook tarball.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Every deployable, in the order CI proves them. A new server app is one more name here
# (it needs apps/<name>/server.js, the shared @vaart/web server and apps/<name>/Dockerfile).
deployables=(site storybook)
# The landing app (issue 9) joins as soon as it is in the tree.
if [ -f apps/landing/package.json ]; then deployables=(site landing storybook); fi

# Root files the app builds need that `turbo prune` does not copy into its output.
# .pnpmfile.cjs: its checksum is in the lockfile (a frozen install fails without it) and it
# points node-gyp at Node's headers; tsconfig.base.json: every package's tsconfig extends it.
prune_misses=(.pnpmfile.cjs tsconfig.base.json)

if [ "$#" -gt 0 ]; then deployables=("$@"); fi

work="$(mktemp -d "${TMPDIR:-/tmp}/vaart-deployables.XXXXXX")"
server_pid=""
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

# The production environment of a server app. Everything is explicit: the server must not
# pick up the CI shell's variables (CI, DATABASE_URL, VAART_LOCAL_DEFAULTS, …).
production_env() {
  local port="$1" data="$2"
  printf '%s\n' \
    "PATH=$PATH" \
    "HOME=$HOME" \
    "NODE_ENV=production" \
    "PORT=$port" \
    "HOST=127.0.0.1" \
    "SITE_URL=https://www.vaartinsamenwerken.example" \
    "LANDING_URL=https://campagne.vaartinsamenwerken.example" \
    "TRUST_PROXY=0" \
    "NEWSLETTER_SECRET=ci-proof-secret-0123456789abcdefghijklmnopqrstuvwxyz" \
    "NEWSLETTER_MAIL_FROM=Vaart in samenwerken <updates@vaartinsamenwerken.example>" \
    "NEWSLETTER_MAIL_TRANSPORT=outbox" \
    "DATA_DIR=$data" \
    "RESULTS_PASSWORD=ci-proof-results-password" \
    "PREVIEW_TOKEN=ci-proof-preview-token-0123456789"
}

# start_server <dir> <envfile> <log>: starts node server.js with exactly the variables in
# <envfile> (one NAME=value a line), sets server_pid.
start_server() {
  local dir="$1" envfile="$2" log="$3"
  local -a vars=()
  mapfile -t vars <"$envfile"
  (cd "$dir" && exec env -i "${vars[@]}" node server.js) >"$log" 2>&1 &
  server_pid=$!
}

# The variables a production server must refuse to start without: SITE_URL for every app,
# the app's own public URL when its server.js names one (`publicUrlVariable`), and its own
# secrets when it declares them (apps/<app>/secrets.json) — both the landing app's.
required_variables() {
  local app="$1"
  echo SITE_URL
  sed -n 's/.*publicUrlVariable: *"\([A-Z_]*\)".*/\1/p' "apps/$app/server.js"
  if [ -f "apps/$app/secrets.json" ]; then
    node -e 'for (const s of require(process.argv[1])) console.log(s.name)' "$root/apps/$app/secrets.json"
  fi
}

# check_config_refusal <deployed dir> <variable>: started with production settings minus
# <variable>, the server must exit non-zero with a message naming it.
check_config_refusal() {
  local app_dir="$1" variable="$2" port data envfile log code
  port="$(free_port)"
  data="$work/$subject-data-refusal"
  mkdir -p "$data"
  envfile="$work/$subject-refusal.env"
  production_env "$port" "$data" | grep -v "^$variable=" >"$envfile"
  log="$work/logs/${subject}-refusal-$variable-server.log"
  start_server "$app_dir" "$envfile" "$log"
  if ! wait_for_server_exit 20; then
    cat "$log"
    echo "the server started without $variable (it must refuse)"
    return 1
  fi
  code="$server_exit_code"
  cat "$log"
  if [ "$code" -eq 0 ]; then
    echo "exit code 0 without $variable (expected non-zero)"
    return 1
  fi
  if ! grep -q "$variable" "$log"; then
    echo "the error does not name $variable"
    return 1
  fi
  echo "refused to start without $variable (exit code $code), naming the variable"
}

start_and_check_health() {
  local app_dir="$1" port data envfile log body
  port="$(free_port)"
  data="$work/$subject-data"
  mkdir -p "$data"
  envfile="$work/$subject.env"
  production_env "$port" "$data" >"$envfile"
  log="$work/logs/${subject}-server.log"
  start_server "$app_dir" "$envfile" "$log"
  echo "started pid $server_pid on port $port"
  for _ in $(seq 1 150); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$log"
      echo "the server exited before answering /healthz"
      server_pid=""
      return 1
    fi
    if body="$(curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null)"; then break; fi
    sleep 0.2
  done
  cat "$log"
  body="$(curl -sS --max-time 5 -w '\n%{http_code}' "http://127.0.0.1:$port/healthz")" || return 1
  echo "GET /healthz → $body"
  [ "${body##*$'\n'}" = "200" ] || { echo "/healthz did not answer 200"; return 1; }
  [[ "$body" == *'"status":"ok"'* ]] || { echo "/healthz did not report ok"; return 1; }
  # The app itself answers too: a page or a redirect, not an error.
  local home
  home="$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" || return 1
  echo "GET / → $home"
  [ "$home" -ge 200 ] && [ "$home" -lt 400 ] || { echo "GET / answered $home"; return 1; }
  if grep -q 'Local defaults' "$log"; then
    echo "the server runs on local defaults; expected production settings"
    return 1
  fi
  echo "$port" >"$work/$subject.port"
}

# wait_for_server_exit <seconds>: waits for $server_pid to end and sets server_exit_code;
# after <seconds> it kills the server and returns 1.
wait_for_server_exit() {
  for _ in $(seq 1 $(($1 * 10))); do
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" || true
    server_pid=""
    return 1
  fi
  server_exit_code=0
  wait "$server_pid" || server_exit_code=$?
  server_pid=""
}

stop_server() {
  local log="$1" code
  kill -TERM "$server_pid"
  if ! wait_for_server_exit 10; then
    cat "$log"
    echo "still running 10 s after SIGTERM"
    return 1
  fi
  code="$server_exit_code"
  cat "$log"
  [ "$code" -eq 0 ] || { echo "exit code $code after SIGTERM (expected 0)"; return 1; }
  grep -q 'SIGTERM' "$log" || { echo "no shutdown log line after SIGTERM"; return 1; }
  echo "clean exit (0) after SIGTERM"
}

check_production_only() {
  local app_dir="$1"
  # Development tools must not be in the runtime tree (the Dockerfile copies this folder).
  for dev in vite @remix-run/dev vitest typescript @playwright/test; do
    if [ -e "$app_dir/node_modules/$dev" ]; then
      echo "devDependency $dev is in the production tree"
      return 1
    fi
  done
  [ -d "$app_dir/build/server" ] && [ -d "$app_dir/build/client" ] || {
    echo "build/ is missing from the deployed folder"
    return 1
  }
  du -sh "$app_dir"
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

# The newsletter's cron jobs (docs/deploy.md) run from the deployed folder with the app's
# environment: the compiled CLI, no pnpm or tsx.
run_newsletter_jobs() {
  local app_dir="$1" envfile="$2"
  local -a vars=()
  mapfile -t vars <"$envfile"
  local out
  for job in "resend-pending" "prune" "stats --json"; do
    # shellcheck disable=SC2086 # the job's words are separate arguments
    out="$(cd "$app_dir" && env -i "${vars[@]}" node node_modules/@vaart/newsletter/dist/cli.js $job 2>&1)" || {
      echo "$out"
      echo "newsletter $job failed"
      return 1
    }
    echo "newsletter $job → $out"
    # A CLI that prints nothing did not run (e.g. its "am I the main module" check failed).
    [ -n "$out" ] || { echo "newsletter $job printed nothing"; return 1; }
  done
  node -e 'const s=JSON.parse(process.argv[1]);if(!s.totals)process.exit(1)' "$out" || {
    echo "stats --json did not print the stats as JSON"
    return 1
  }
}

prove_server_app() {
  local app="$1" dir="$work/$1"
  current_step="files"
  [ -f "apps/$app/server.js" ] || fail "apps/$app/server.js not found"
  [ -f "apps/$app/Dockerfile" ] || fail "apps/$app/Dockerfile not found"
  step "Dockerfile steps" check_dockerfile "apps/$app/Dockerfile" \
    "turbo prune $app --docker" "${prune_misses[@]}" "pnpm install --frozen-lockfile" \
    "turbo run build --filter=$app" "pnpm --filter $app --prod deploy" \
    "NODE_ENV=production" "USER node" "EXPOSE" "HEALTHCHECK" "/healthz" 'CMD ["node", "server.js"]'
  prune_and_install "$app" "$dir"
  step "build" pnpm --dir "$dir/src" exec turbo run build --filter="$app"
  step "deploy --prod" pnpm --dir "$dir/src" --filter "$app" --prod deploy "$dir/app"
  step "production deps only" check_production_only "$dir/app"
  local variable
  for variable in $(required_variables "$app"); do
    step "refuses without $variable" check_config_refusal "$dir/app" "$variable"
  done
  step "start, /healthz 200" start_and_check_health "$dir/app"
  step "SIGTERM, clean exit" stop_server "$work/logs/${app}-server.log"
  step "newsletter cron jobs" run_newsletter_jobs "$dir/app" "$work/$app.env"
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
