# Timed, logged steps for the proof scripts (prove-deployables.sh, release-dry-run.sh).
# Source it after setting:
#   work            the temporary folder (step logs go to $work/logs)
#   failure_title   what failed, e.g. "DEPLOYABLE FAILED"
#   subject    what is being proven, e.g. "site" (may change between steps)
# `step <name> <command...>` runs the command with its output in a log, times it and adds a
# line to `summary`; on failure it names the subject and step and shows the log's end.

current_step=""
step_log=""
summary=()

now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

fail() {
  echo "" >&2
  echo "✗ ${failure_title}: ${subject} — step \"${current_step}\": $*" >&2
  if [ -n "$step_log" ] && [ -s "$step_log" ]; then
    echo "---- last 40 lines of the ${current_step} log (${subject}) ----" >&2
    tail -n 40 "$step_log" >&2
    echo "----" >&2
  fi
  exit 1
}

step() {
  current_step="$1"
  shift
  step_log="$work/logs/${subject//[^A-Za-z0-9]/-}-${current_step//[^A-Za-z0-9]/-}.log"
  mkdir -p "$work/logs"
  local started took
  started="$(now_ms)"
  if ! "$@" >"$step_log" 2>&1; then fail "command failed: $*"; fi
  took="$(seconds_since "$started")"
  printf '  %-32s %6s s\n' "$current_step" "$took"
  summary+=("$(printf '%-10s %-32s %6s s' "$subject" "$current_step" "$took")")
}
