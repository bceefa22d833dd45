#!/usr/bin/env bash
# The @vaart/ui release flow as a dry run (nothing is published, the checkout is not touched):
#   0. check that every pending changeset names a published package
#      (scripts/release/changesets-check.mjs);
#   1. copy the repository (tracked and untracked, not ignored files) to a scratch folder;
#   2. install there with the frozen lockfile and run `changeset version`;
#   3. build @vaart/ui and `pnpm pack` it (pnpm's pack rewrites `workspace:` ranges;
#      Changesets does not);
#   4. install the tarball with react/react-dom 18.3.1 into a throwaway npm project outside
#      the workspace, render components to HTML with react-dom/server and check that
#      `@vaart/ui/styles.css` exists and styles the rendered classes
#      (scripts/release/render-check.mjs).
# Usage: scripts/release-dry-run.sh        KEEP_WORKDIR=1 keeps the scratch folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
package="@vaart/ui"
package_dir="packages/ui"

work="$(mktemp -d "${TMPDIR:-/tmp}/vaart-release.XXXXXX")"
cleanup() {
  if [ "${KEEP_WORKDIR:-0}" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

failure_title="RELEASE DRY RUN FAILED"
subject="$package"
# shellcheck source=lib/steps.sh
source "$root/scripts/lib/steps.sh"

scratch="$work/repo"
pack_dir="$work/pack"
consumer="$work/consumer"

copy_repository() {
  mkdir -p "$scratch"
  # What git would commit: tracked and untracked files, minus ignored ones (node_modules,
  # dist, .data, …) and minus tracked files deleted in the working tree.
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
    tar --null -T - -cf - | tar -xf - -C "$scratch"
  ls "$scratch/.changeset"
}

version_packages() {
  local before after
  before="$(node -p "require('$scratch/$package_dir/package.json').version")"
  (cd "$scratch" && pnpm exec changeset version)
  after="$(node -p "require('$scratch/$package_dir/package.json').version")"
  echo "$package: $before → $after"
  if [ "$before" = "$after" ]; then
    echo "changeset version left $package at $before: no pending changeset for it?"
    return 1
  fi
  grep -q "^## $after" "$scratch/$package_dir/CHANGELOG.md" || {
    echo "$package_dir/CHANGELOG.md has no section for $after"
    return 1
  }
  if ls "$scratch/.changeset/"*.md 2>/dev/null | grep -v '/README.md$'; then
    echo "changesets left unconsumed (listed above)"
    return 1
  fi
  echo "$after" >"$work/version"
  head -n 12 "$scratch/$package_dir/CHANGELOG.md"
}

check_tarball() {
  local tarball version manifest
  tarball="$(ls "$pack_dir"/*.tgz)"
  version="$(cat "$work/version")"
  local listing
  listing="$(tar -tzf "$tarball" | sort)"
  echo "$listing"
  manifest="$(tar -xOzf "$tarball" package/package.json)"
  if grep -q 'workspace:' <<<"$manifest"; then
    echo "the packed package.json still has a workspace: range"
    return 1
  fi
  [ "$(node -p 'JSON.parse(require("fs").readFileSync(0,"utf8")).version' <<<"$manifest")" = "$version" ] || {
    echo "the packed version is not $version"
    return 1
  }
  for file in package/dist/index.js package/dist/index.d.ts package/dist/ui.css; do
    grep -qx "$file" <<<"$listing" || {
      echo "$file is not in the tarball"
      return 1
    }
  done
  ls -l "$tarball"
}

install_into_consumer() {
  local tarball
  tarball="$(ls "$pack_dir"/*.tgz)"
  mkdir -p "$consumer"
  # A project of its own, outside any workspace: npm, not pnpm, as a consumer would.
  printf '{ "name": "vaart-ui-consumer", "private": true, "type": "module" }\n' >"$consumer/package.json"
  (cd "$consumer" && npm install --no-audit --no-fund --prefer-offline "$tarball" react@18.3.1 react-dom@18.3.1)
  cp "$root/scripts/release/render-check.mjs" "$consumer/"
}

started="$(now_ms)"
echo "Release dry run of $package in $work (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
step "changesets name published packages" node scripts/release/changesets-check.mjs "$root"
step "copy repository" copy_repository
step "install (frozen)" pnpm --dir "$scratch" install --frozen-lockfile
step "changeset version" version_packages
step "build" pnpm --dir "$scratch" exec turbo run build --filter="$package"
step "pnpm pack" pnpm --dir "$scratch/$package_dir" pack --pack-destination "$pack_dir"
step "check tarball" check_tarball
step "npm install tarball" install_into_consumer
step "render + CSS check" node "$consumer/render-check.mjs"
cat "$step_log"
echo ""
echo "Release dry run passed in $(seconds_since "$started") s (load average: $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %s\n' "${summary[@]}"
