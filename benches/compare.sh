#!/usr/bin/env bash
# Builds the same synthetic content with cairn and with Hugo, several runs
# each, and prints median wall time, CPU time (user + system) and peak memory,
# with the ratio cairn/Hugo from the same run.
#
#   benches/compare.sh [N ...]        default: 1000 10000; RUNS=5 by default
#
# Hugo comes from Debian's package (installed here if missing). Sites and
# outputs live on tmpfs (/dev/shm) so the disk's noise does not decide.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
[ $# -eq 0 ] && sizes=(1000 10000)
runs=${RUNS:-5}

if ! command -v hugo >/dev/null; then
  echo "installing hugo (Debian package)..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y -qq hugo >/dev/null
fi
cargo build --release --quiet --bin cairn --example gen
cairn=$PWD/target/release/cairn
gen=$PWD/target/release/examples/gen
work=$(mktemp -d /dev/shm/cairn-bench.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

# Minimal comparable Hugo templates: each page shows its title and body;
# each section lists its pages.
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

# measure NAME OUTDIR CMD... -> prints "wall cpu maxkb" medians
measure() {
  local out=$1; shift
  local rows=()
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>&1
    rows+=("$(tail -n 1 "$work/time")")
  done
  local wall cpu mem
  wall=$(printf '%s\n' "${rows[@]}" | awk '{print $1}' | median)
  cpu=$(printf '%s\n' "${rows[@]}" | awk '{print $2 + $3}' | median)
  mem=$(printf '%s\n' "${rows[@]}" | awk '{print $4}' | median)
  echo "$wall $cpu $mem"
}

printf '%-7s %-6s %9s %9s %10s\n' pages tool "wall s" "cpu s" "peak MiB"
for n in "${sizes[@]}"; do
  site=$work/site-$n
  "$gen" --pages "$n" "$site" >/dev/null
  hugo_dir=$work/hugo-$n
  hugo_site "$hugo_dir"
  cp -r "$site/content" "$hugo_dir/content"
  "$cairn" --root "$site" check >/dev/null 2>&1 || { echo "the synthetic site does not check" >&2; exit 1; }
  read -r cw cc cm < <(measure "$work/out-cairn" "$cairn" --root "$site" build -o "$work/out-cairn")
  read -r hw hc hm < <(measure "$work/out-hugo" hugo --quiet -s "$hugo_dir" -d "$work/out-hugo")
  printf '%-7s %-6s %9.2f %9.2f %10.0f\n' "$n" cairn "$cw" "$cc" "$(echo "$cm / 1024" | bc -l)"
  printf '%-7s %-6s %9.2f %9.2f %10.0f\n' "$n" hugo "$hw" "$hc" "$(echo "$hm / 1024" | bc -l)"
  printf '%-7s %-6s %9.2f %9.2f %10.2f   (cairn/hugo)\n' "$n" ratio "$(echo "$cw / $hw" | bc -l)" "$(echo "$cc / $hc" | bc -l)" "$(echo "$cm / $hm" | bc -l)"
  "$cairn" --root "$site" check >/dev/null 2>&1
  read -r kw kc _ < <(measure /dev/null/none "$cairn" --root "$site" check)
  printf '%-7s %-6s %9.2f %9.2f\n' "$n" check "$kw" "$kc"
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); runs per figure: $runs (median)"
