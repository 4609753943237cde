#!/bin/sh
# Runs cairn's fuzz targets one after another (one process, one core: the
# machine keeps the others) and prints, per target, the seconds run, the
# executions, libFuzzer's final coverage (`cov:`, `ft:`), the corpus size,
# the peak memory and the crashes found. Record the table in
# docs/hardening.md ("Fuzzing record").
#
#   fuzz/run-all.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Defaults: 1920 s each for the seven targets below (about 3 h 45 min of
# fuzzing, 4 hours with the builds and the corpus minimisation). Needs a
# nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
# Where things go (all under fuzz/, ignored by git):
#   corpus/TARGET/     the growing corpus, kept between runs (seeded from
#                      tests/fixtures/fuzz/TARGET/ when that exists)
#   artifacts/TARGET/  crash-*, timeout-*, oom-* inputs: each one is a
#                      finding; fix it and keep it as a regression test
#                      (tests/fixtures/fuzz/TARGET/ + fuzz_regressions.rs)
#   logs/TARGET.log    libFuzzer's whole output
# FUZZ_TARGET_DIR sets cargo's target folder (default: fuzz/target).
# CMIN=1 minimises each corpus after its run (cargo fuzz cmin).
set -eu
# libFuzzer's lines hold raw bytes (its dictionary entries): read them as bytes.
export LC_ALL=C
cd "$(dirname "$0")"
per=${1:-1920}
[ $# -gt 0 ] && shift
targets=${*:-"site roll diff new site_bytes front_matter markdown"}
target_dir=${FUZZ_TARGET_DIR:-target}
mkdir -p logs
cargo +nightly fuzz build --target-dir "$target_dir" --codegen-units 16
printf '%-13s %7s %12s %7s %8s %7s %8s %s\n' target seconds execs cov ft corpus rss_mb crashes
for t in $targets; do
    mkdir -p "corpus/$t" "artifacts/$t"
    seeds=""
    [ -d "../tests/fixtures/fuzz/$t" ] && seeds="../tests/fixtures/fuzz/$t"
    # -close_fd_mask=1: the commands' own stdout (roll's plan, new's
    # message) would slow every run; libFuzzer reports on stderr.
    # shellcheck disable=SC2086
    cargo +nightly fuzz run --target-dir "$target_dir" --codegen-units 16 "$t" \
        "corpus/$t" $seeds -- \
        -max_total_time="$per" -timeout=20 -rss_limit_mb=2048 \
        -close_fd_mask=1 -print_final_stats=1 \
        >"logs/$t.log" 2>&1 || true
    last=$(grep -a -E '^#[0-9]+' "logs/$t.log" | tail -n 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "logs/$t.log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "logs/$t.log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    corpus=$(find "corpus/$t" -type f | wc -l)
    crashes=$(find "artifacts/$t" -type f | wc -l)
    printf '%-13s %7s %12s %7s %8s %7s %8s %s\n' "$t" "$per" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "${rss:-?}" "$crashes"
    if [ "${CMIN:-0}" = 1 ]; then
        cargo +nightly fuzz cmin --target-dir "$target_dir" --codegen-units 16 "$t" "corpus/$t" \
            >>"logs/$t.log" 2>&1 || true
    fi
done
