#!/usr/bin/env bash
# Compares kehoach with recoll (Debian's recollcmd: recollindex, recollq),
# the desktop search a user would otherwise point at a folder of plans, on
# one synthetic corpus made from the samples (index/synth), in one run:
#   - documents per second: kehoach ingest (ingest + extract + store +
#     index) against recollindex;
#   - index size against the corpus text;
#   - ten searches, each as a whole process: kehoach search against recollq.
# Wall-clock and CPU (user + system) seconds are both reported: on a
# shared machine the CPU figures are the stable ones.
#
# Usage: index/bench/recoll.sh [DOCS]     (default 10000)
# Needs: go, recollcmd (apt-get install recollcmd), GNU time
# (apt-get install time). WORK=dir keeps the files there.
set -euo pipefail
N=${1:-10000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$(mktemp -d /tmp/kehoach-bench.XXXXXX)}
for c in recollindex recollq /usr/bin/time; do
	command -v "$c" >/dev/null || { echo "recoll.sh: $c not found (apt-get install recollcmd time)" >&2; exit 1; }
done
cd "$ROOT"
go build -o "$WORK/kehoach" ./cmd/kehoach
rm -rf "$WORK/corpus" "$WORK/data" "$WORK/recoll"
rm -f "$WORK/k-index" "$WORK/r-index" "$WORK/k-q" "$WORK/r-q"
go run ./index/synth/gen -n "$N" -out "$WORK/corpus" >/dev/null
TEXT=$(cat "$WORK"/corpus/*.txt | wc -c)

# measure FILE CMD...: runs CMD, appends "wall cpu maxrss_kib" to FILE.
measure() {
	local f=$1; shift
	/usr/bin/time -f "%e %U %S %M" -o "$f.t" "$@"
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$f.t" >>"$f"
}
field() { awk -v i="$2" '{ s += $i } END { printf "%.2f", s }' "$1"; }
peak() { awk -v i="$2" '$i > m { m = $i } END { printf "%.2f", m }' "$1"; }

measure "$WORK/k-index" "$WORK/kehoach" --data "$WORK/data" ingest "$WORK/corpus" >"$WORK/kehoach-ingest.out" 2>"$WORK/kehoach-ingest.err" || true
KSIZE=$(du -sb "$WORK/data/index" | cut -f1)

mkdir -p "$WORK/recoll"
printf 'topdirs = %s\nloglevel = 1\n' "$WORK/corpus" >"$WORK/recoll/recoll.conf"
measure "$WORK/r-index" recollindex -c "$WORK/recoll" >/dev/null 2>"$WORK/recollindex.err"
RSIZE=$(du -sb "$WORK/recoll/xapiandb" | cut -f1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "corpus: $N documents, $TEXT bytes of text ($WORK)"
echo "kehoach: $(tail -1 "$WORK/kehoach-ingest.out")"
printf "%-34s %12s %12s\n" "" kehoach recollindex
printf "%-34s %12s %12s\n" "index wall time (s)" "$(field "$WORK/k-index" 1)" "$(field "$WORK/r-index" 1)"
printf "%-34s %12s %12s\n" "index CPU time (s)" "$(field "$WORK/k-index" 2)" "$(field "$WORK/r-index" 2)"
printf "%-34s %12s %12s\n" "documents per wall second" "$(ratio "$N" "$(field "$WORK/k-index" 1)")" "$(ratio "$N" "$(field "$WORK/r-index" 1)")"
printf "%-34s %12s %12s\n" "documents per CPU second" "$(ratio "$N" "$(field "$WORK/k-index" 2)")" "$(ratio "$N" "$(field "$WORK/r-index" 2)")"
printf "%-34s %12s %12s\n" "index size (bytes)" "$KSIZE" "$RSIZE"
printf "%-34s %12s %12s\n" "index size / text" "$(ratio "$KSIZE" "$TEXT")" "$(ratio "$RSIZE" "$TEXT")"
printf "%-34s %12s %12s\n" "peak RSS while indexing (MiB)" "$(ratio "$(peak "$WORK/k-index" 3)" 1024)" "$(ratio "$(peak "$WORK/r-index" 3)" 1024)"

queries=(
	"dich vu cong muc do 4"
	"chuyển đổi số"
	"an toan thong tin mang"
	"CNTT"
	"chính quyền điện tử"
	"ha tang ky thuat"
	"kinh phí thực hiện"
	"co so du lieu"
	"Kon Tum"
	"ngân sách nhà nước"
)
# Warm both once (page cache), then time each query as a whole process.
"$WORK/kehoach" --data "$WORK/data" search "${queries[0]}" >/dev/null
recollq -c "$WORK/recoll" -n 10 "${queries[0]}" >/dev/null 2>&1
printf "\n%-26s %9s %9s %9s %9s %7s %7s\n" query "k wall" "r wall" "k cpu" "r cpu" "k hits" "r hits"
: >"$WORK/k-q"; : >"$WORK/r-q"
for q in "${queries[@]}"; do
	measure "$WORK/k-q" "$WORK/kehoach" --data "$WORK/data" search -n 10 "$q" >"$WORK/k.out"
	measure "$WORK/r-q" recollq -c "$WORK/recoll" -n 10 "$q" >"$WORK/r.out" 2>&1
	kh=$(head -1 "$WORK/k.out" | awk '{print $1}')
	rh=$(grep -o '[0-9]* results' "$WORK/r.out" | head -1 | awk '{print $1}')
	printf "%-26s %9s %9s %9s %9s %7s %7s\n" "$q" "$(tail -1 "$WORK/k-q" | cut -d' ' -f1)" "$(tail -1 "$WORK/r-q" | cut -d' ' -f1)" \
		"$(tail -1 "$WORK/k-q" | cut -d' ' -f2)" "$(tail -1 "$WORK/r-q" | cut -d' ' -f2)" "$kh" "${rh:-?}"
done
printf "%-26s %9s %9s %9s %9s\n" "total (s)" "$(field "$WORK/k-q" 1)" "$(field "$WORK/r-q" 1)" "$(field "$WORK/k-q" 2)" "$(field "$WORK/r-q" 2)"
