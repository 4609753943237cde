#!/usr/bin/env bash
# Builds every site of the repository (the demo, each example, each build
# fixture and each check fixture) with two cairn binaries and compares the
# outputs byte for byte. For refactors that must not change what is written:
#
#   git stash; cargo build --release; cp target/release/cairn /tmp/cairn-old
#   git stash pop; cargo build --release
#   tests/same_output.sh /tmp/cairn-old target/release/cairn
#
# Each site is built with and without `--drafts`, each time plain, with
# `--portable` and with `--base-url`. When both binaries refuse a build (exit
# 1), their `check --format json` (same `--drafts`) must be identical instead:
# the same diagnostics, not only the same exit status. Any exit status but 0
# and 1 (a crash, a usage or I/O error) is a failure, even on both sides.
#
# Exit 0 when every build compared is identical and at least one was; 1 with
# the differences listed. SAME_OUTPUT_IGNORE names files to leave out of the
# comparison (a deliberate change, e.g. `cairn.css`), separated by spaces,
# each passed to `diff -x`. Against a binary older than the list in
# `.cairn-build` (SPEC 9.1), add `.cairn-build`: its text changed then.
set -uo pipefail
if [ $# != 2 ]; then
  echo "usage: $0 OLD_CAIRN NEW_CAIRN" >&2; exit 2
fi
old="$1"; new="$2"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cairn-same.XXXXXX")"
trap 'rm -rf "$work"' EXIT

ignore=()
for name in ${SAME_OUTPUT_IGNORE:-}; do ignore+=(-x "$name"); done

sites=("$repo")
for d in "$repo"/examples/*/ "$repo"/tests/fixtures/build/*/ "$repo"/tests/fixtures/kitchen-sink/ "$repo"/tests/fixtures/check/*/; do
  [ -f "$d/content/_program.md" ] && sites+=("${d%/}")
done

same=0; refused=0; differ=0
for site in "${sites[@]}"; do
  name="${site#"$repo"}"; name="${name#/}"; name="${name:-demo}"
  slot="$work/$(echo "$name" | tr '/' '_')"
  for drafts in "" "--drafts"; do
    for args in "" "--portable" "--base-url https://example.org/track/"; do
      label="$name${drafts:+ $drafts}${args:+ $args}"
      # shellcheck disable=SC2086
      "$old" --root "$site" -q build -o "$slot-old" $drafts $args >/dev/null 2>&1; a=$?
      # shellcheck disable=SC2086
      "$new" --root "$site" -q build -o "$slot-new" $drafts $args >/dev/null 2>&1; b=$?
      if [ "$a" -gt 1 ] || [ "$b" -gt 1 ]; then
        echo "FAILED build (exit $a vs $b, only 0 or 1 may be): $label"; differ=$((differ + 1))
      elif [ "$a" != "$b" ]; then
        echo "DIFFERENT exit ($a vs $b): $label"; differ=$((differ + 1))
      elif [ "$a" = 1 ]; then
        # Refused by both: what they say must be the same. `check` takes no
        # build options, so it runs once per `--drafts` setting.
        [ -n "$args" ] && continue
        # shellcheck disable=SC2086
        "$old" --root "$site" check --format json $drafts >"$slot-old.json" 2>/dev/null; a=$?
        # shellcheck disable=SC2086
        "$new" --root "$site" check --format json $drafts >"$slot-new.json" 2>/dev/null; b=$?
        if [ "$a" != 1 ] || [ "$b" != 1 ]; then
          echo "DIFFERENT check (exit $a vs $b after build exit 1): $label"; differ=$((differ + 1))
        elif ! grep -q '^{"diagnostics":' "$slot-old.json"; then
          echo "FAILED check --format json (not its JSON): $label"; differ=$((differ + 1))
        elif cmp -s "$slot-old.json" "$slot-new.json"; then
          refused=$((refused + 1))
        else
          echo "DIFFERENT diagnostics: $label"; diff "$slot-old.json" "$slot-new.json" | head -5; differ=$((differ + 1))
        fi
        rm -f "$slot-old.json" "$slot-new.json"
      elif diff -r "${ignore[@]}" "$slot-old" "$slot-new" >/dev/null; then
        same=$((same + 1))
      else
        echo "DIFFERENT output: $label"; diff -r "${ignore[@]}" "$slot-old" "$slot-new" | head -5; differ=$((differ + 1))
      fi
      rm -rf "$slot-old" "$slot-new"
    done
  done
done
echo "same-output: $same builds identical, $refused refusals with identical diagnostics, $differ different (${#sites[@]} sites, with and without --drafts, x 3 option sets)"
if [ "$same" = 0 ]; then
  echo "same-output: no build was compared" >&2; exit 1
fi
[ "$differ" = 0 ]
