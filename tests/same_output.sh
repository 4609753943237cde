#!/usr/bin/env bash
# Builds every site of the repository (the demo, each example, each build
# fixture and each check fixture that builds) with two cairn binaries and
# compares the outputs byte for byte. For refactors that must not change
# what is written:
#
#   git stash; cargo build --release; cp target/release/cairn /tmp/cairn-old
#   git stash pop; cargo build --release
#   tests/same_output.sh /tmp/cairn-old target/release/cairn
#
# Exit 0 when every site gives identical output (or fails to build with both
# binaries alike), 1 with the differing sites listed. SAME_OUTPUT_IGNORE names
# one file to leave out of the comparison (a deliberate change, e.g.
# cairn.css), passed to `diff -x`.
set -uo pipefail
old="$1"; new="$2"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/cairn-same.XXXXXX")"
trap 'rm -rf "$work"' EXIT

sites=("$repo")
for d in "$repo"/examples/*/ "$repo"/tests/fixtures/build/*/ "$repo"/tests/fixtures/kitchen-sink/ "$repo"/tests/fixtures/check/*/; do
  [ -f "$d/content/_program.md" ] && sites+=("${d%/}")
done

same=0; differ=0; failed=0
for site in "${sites[@]}"; do
  name="${site#"$repo"}"; name="${name#/}"; name="${name:-demo}"
  slot="$work/$(echo "$name" | tr '/' '_')"
  for args in "" "--portable" "--base-url https://example.org/track/"; do
    # shellcheck disable=SC2086
    "$old" --root "$site" -q build -o "$slot-old" --drafts $args >/dev/null 2>&1; a=$?
    # shellcheck disable=SC2086
    "$new" --root "$site" -q build -o "$slot-new" --drafts $args >/dev/null 2>&1; b=$?
    if [ "$a" != "$b" ]; then
      echo "DIFFERENT exit ($a vs $b): $name $args"; differ=$((differ + 1))
    elif [ "$a" != 0 ]; then
      failed=$((failed + 1))
    elif diff -r ${SAME_OUTPUT_IGNORE:+-x "$SAME_OUTPUT_IGNORE"} "$slot-old" "$slot-new" >/dev/null; then
      same=$((same + 1))
    else
      echo "DIFFERENT output: $name $args"; diff -r ${SAME_OUTPUT_IGNORE:+-x "$SAME_OUTPUT_IGNORE"} "$slot-old" "$slot-new" | head -5; differ=$((differ + 1))
    fi
    rm -rf "$slot-old" "$slot-new"
  done
done
echo "same-output: $same builds identical, $failed refused by both alike, $differ different (${#sites[@]} sites x 3 option sets)"
[ "$differ" = 0 ]
