#!/usr/bin/env bash
# A clerk's cold count, side by side (issue 16): `java -jar target/folkmoot.jar combine` (a fresh JVM, default flags)
# against the libsodium counter (Python + PyNaCl, 2 processes), alternately, on the same files in the page cache.
# Prints per scale the median wall time of each and the ratio (ours / libsodium).
#
# Usage: LIBSODIUM_COUNT=PATH/libsodium_count.py bash scripts/bench-count.sh [RUNS] [SCALE...]
#   RUNS    runs of each count per scale (default 5); SCALE verdict counts (default 100 1000 30000 100000)
#   LIBSODIUM_COUNT  the libsodium counter (required: the project never reads it itself), e.g.
#                    /work/shared/bench/libsodium_count.py; PYTHON  the Python with PyNaCl (default /usr/bin/python3,
#                    `apt-get install -y python3-nacl`); BENCH_SETS  where the sets are made (default target/bench-count)
#   JAVA_OPTS        extra JVM flags for our count (default none: the clerk's `java -jar`)
# Needs `mvn -q -DskipTests package` first, and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: LIBSODIUM_COUNT=PATH/libsodium_count.py bash scripts/bench-count.sh [RUNS] [SCALE...]" >&2
    exit 64
}
RUNS=${1:-5}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || usage
shift || true
SCALES=("$@")
[[ ${#SCALES[@]} -gt 0 ]] || SCALES=(100 1000 30000 100000)
COUNTER=${LIBSODIUM_COUNT:-}
[[ -n $COUNTER && -f $COUNTER ]] || { echo "bench-count: LIBSODIUM_COUNT must name the libsodium counter" >&2; usage; }
PYTHON=${PYTHON:-/usr/bin/python3}
"$PYTHON" -c 'import nacl' 2>/dev/null || { echo "bench-count: $PYTHON has no PyNaCl (apt-get install -y python3-nacl)" >&2; exit 1; }
[[ -f target/folkmoot.jar ]] || { echo "bench-count: no target/folkmoot.jar (mvn -q -DskipTests package)" >&2; exit 1; }
SETS=${BENCH_SETS:-target/bench-count}
JAVA_OPTS=${JAVA_OPTS:-}

# the laptop's data folder for these counts only: its body key signs the results, its checked keys are the roster's
export FOLKMOOT_HOME
FOLKMOOT_HOME=$(mktemp -d)
OUT=$(mktemp -d)
trap 'rm -rf "$FOLKMOOT_HOME" "$OUT"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ours() { # N SHA: one cold count; prints "wall user sys maxrss_kb"
    rm -f "$OUT/result.tally"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" java $JAVA_OPTS -jar target/folkmoot.jar combine --roster "$SETS/$1/roster.json" \
        --resolution M-R1 --text-sha256 "$2" --out "$OUT/result.tally" "$SETS/$1/verdicts" > "$OUT/said"
    grep -q "^Reporting: $1 of $1 " "$OUT/said" && grep -q "Not counted: 0 refused" "$OUT/said" \
        || { echo "bench-count: our count of $1 did not count them all:" >&2; cat "$OUT/said" >&2; exit 1; }
    cat "$OUT/time"
}

theirs() { # N: one libsodium count, 2 processes
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" "$PYTHON" "$COUNTER" "$SETS/$1/roster.json" "$SETS/$1/verdicts" 2 > "$OUT/said"
    grep -q "^$1 " "$OUT/said" && ! grep -q refused "$OUT/said" \
        || { echo "bench-count: the libsodium count of $1 did not count them all: $(cat "$OUT/said")" >&2; exit 1; }
    cat "$OUT/time"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD), $(date -u +%FT%TZ), runs $RUNS"
printf '%-8s %-34s %-34s %s\n' verdicts "ours: median wall (cpu, maxRSS)" "libsodium: median wall (cpu, maxRSS)" "ours/libsodium"
for n in "${SCALES[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || usage
    if [[ ! -f $SETS/$n/roster.json ]]; then
        mkdir -p "$SETS/$n"
        "$PYTHON" scripts/bench-sets.py "$n" "$SETS/$n" > "$SETS/$n/text-sha256"
    fi
    sha=$(cat "$SETS/$n/text-sha256")
    find "$SETS/$n" -type f -print0 | xargs -0 cat > /dev/null # the files in the page cache
    ours "$n" "$sha" > /dev/null # the warm-up: this laptop checks the roster's keys once and remembers them
    : > "$OUT/ours"; : > "$OUT/theirs"
    for ((i = 0; i < RUNS; i++)); do
        ours "$n" "$sha" >> "$OUT/ours"
        theirs "$n" >> "$OUT/theirs"
    done
    ow=$(cut -d' ' -f1 "$OUT/ours" | median); tw=$(cut -d' ' -f1 "$OUT/theirs" | median)
    oc=$(awk '{print $2 + $3}' "$OUT/ours" | median); tc=$(awk '{print $2 + $3}' "$OUT/theirs" | median)
    om=$(cut -d' ' -f4 "$OUT/ours" | median); tm=$(cut -d' ' -f4 "$OUT/theirs" | median)
    printf '%-8s %-34s %-34s %s\n' "$n" "$(printf '%.2f s (%.2f s, %d MB)' "$ow" "$oc" "$((${om%.*} / 1024))")" \
        "$(printf '%.2f s (%.2f s, %d MB)' "$tw" "$tc" "$((${tm%.*} / 1024))")" "$(awk -v a="$ow" -v b="$tw" 'BEGIN {printf "%.2f", a / b}')"
    echo "  walls: ours $(cut -d' ' -f1 "$OUT/ours" | tr '\n' ' ')| libsodium $(cut -d' ' -f1 "$OUT/theirs" | tr '\n' ' ')"
done
