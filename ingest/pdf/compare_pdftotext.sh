#!/usr/bin/env bash
# Compares the speed of kehoach's PDF reading with plain pdftotext on the
# same files. With no argument it converts the five sample plans to PDF
# with LibreOffice first.
#
#   ingest/pdf/compare_pdftotext.sh            # the samples
#   ingest/pdf/compare_pdftotext.sh 'plans/*.pdf'
set -euo pipefail
cd "$(dirname "$0")/../.."
glob="${1:-}"
if [ -z "$glob" ]; then
  command -v soffice >/dev/null || { echo "soffice not installed: pass a glob of PDFs" >&2; exit 1; }
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
    --convert-to pdf --outdir "$tmp" testdata/corpus/0*.txt >/dev/null 2>&1
  glob="$tmp/*.pdf"
fi
command -v pdftotext >/dev/null || { echo "pdftotext not installed (apt-get install poppler-utils)" >&2; exit 1; }
out=$(KEHOACH_BENCH_PDFS="$glob" go test -run '^$' -bench 'BenchmarkParse$|BenchmarkParsePureGo$|BenchmarkPdftotext$' -benchtime 5x ./ingest/pdf)
echo "$out" | grep -E '^Benchmark'
echo "$out" | awk '/^BenchmarkParse-|^BenchmarkParse /{p=$3} /^BenchmarkPdftotext/{t=$3} END{ if (t>0) printf "kehoach / pdftotext time: %.2fx (the issue asks for <= 2x)\n", p/t }'
