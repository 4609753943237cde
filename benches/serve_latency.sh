#!/usr/bin/env bash
# Time from saving one file of a synthetic site to the reload answer that
# `cairn serve` gives open pages (debounce and rebuild included).
#
#   benches/serve_latency.sh [PAGES]     default 1000; RUNS=7 by default
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
pages=${1:-1000}
runs=${RUNS:-7}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
cargo build --release --quiet --bin cairn --example gen
bin=$CARGO_TARGET_DIR/release
work=$(mktemp -d /dev/shm/cairn-serve.XXXXXX 2>/dev/null || mktemp -d)
port=$((20000 + RANDOM % 20000))
"$bin/examples/gen" --pages "$pages" "$work/site" >/dev/null
"$bin/cairn" --root "$work/site" serve --port "$port" 2>"$work/log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
# The first build of a big site on a busy machine can take a while.
for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
curl -s -o /dev/null "http://127.0.0.1:$port/" || { echo "cairn serve did not answer; its log:" >&2; cat "$work/log" >&2; exit 1; }
version=$(curl -s "http://127.0.0.1:$port/__cairn/poll?since=0" | cut -d' ' -f2)
file=$(find "$work/site/content/sessions" -name '*.md' | sort | head -n 1)
times=()
for i in $(seq "$runs"); do
  sleep 0.3
  start=$(date +%s%N)
  printf '\nEdited %s.\n' "$i" >> "$file"
  answer=$(curl -s "http://127.0.0.1:$port/__cairn/poll?since=$version")
  end=$(date +%s%N)
  version=$(echo "$answer" | cut -d' ' -f2)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "pages: $pages; save-to-reload over $runs saves: median ${median} ms (all: ${times[*]} ms)"
grep -o 'rebuilt in [0-9]* ms' "$work/log" | tail -n 3
