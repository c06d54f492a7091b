package main

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/compare/chart"
)

// TestExportCharts ingests the samples and draws the comparison tables
// as SVG and PNG charts.
func TestExportCharts(t *testing.T) {
	data := t.TempDir()
	if code, out, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus"); code != 0 {
		t.Fatalf("ingest = %d\n%s\n%s", code, out, errs)
	}
	dir := t.TempDir()
	svgs := filepath.Join(dir, "so-sanh.svg")
	budgetsPNG := filepath.Join(dir, "kinh-phi.png")
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings expected
	}{
		{"svg, one file per table", []string{"--data", data, "export", "--format", "svg", "--out", svgs}, 0, "svg chart of budgets to " + filepath.Join(dir, "so-sanh-budgets.svg"), ""},
		{"png of one table", []string{"--data", data, "export", "--format", "png", "--table", "budgets", "--width", "800", "--height", "600", "--out", budgetsPNG}, 0, "png chart of budgets to " + budgetsPNG, ""},
		{"svg of one table to stdout", []string{"--data", data, "export", "--format", "svg", "--table", "spending"}, 0, "Kinh phí của từng kế hoạch", ""},
		{"svg with its fonts", []string{"--data", data, "export", "--format", "svg", "--table", "budgets", "--embed-fonts"}, 0, "@font-face", ""},
		{"svg of several tables needs --out", []string{"--data", data, "export", "--format", "svg"}, 1, "", "one chart per table"},
		{"indicator chart", []string{"--data", data, "export", "--format", "svg", "--table", "indicator", "--indicator", "gov.dvc_l4_share"}, 0, "Chỉ tiêu quốc gia", ""},
		{"bad format names the chart formats", []string{"--data", data, "export", "--format", "gif"}, 1, "", "want csv|xlsx|json|md|svg|png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ~ %q, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.out, tc.err)
			}
		})
	}

	for _, table := range []string{"targets", "budgets", "spending", "citations", "progress"} {
		b, err := os.ReadFile(filepath.Join(dir, "so-sanh-"+table+".svg"))
		if err != nil {
			t.Errorf("chart of %s: %v", table, err)
			continue
		}
		texts := chartTexts(t, b)
		if len(texts) == 0 {
			t.Errorf("chart of %s has no text", table)
		}
		if table == "budgets" {
			for _, want := range []string{"Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm", "Kinh phí (tỷ đồng)", "Vĩnh Phúc", "Bình Định", "16,37"} {
				if !strings.Contains(strings.Join(texts, "\n"), want) {
					t.Errorf("budgets chart: no text %q in\n%s", want, strings.Join(texts, "\n"))
				}
			}
		}
	}
	f, err := os.Open(budgetsPNG)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("budgets PNG: %v", err)
	}
	if r := img.Bounds(); r.Dx() != 800 || r.Dy() != 600 {
		t.Errorf("budgets PNG is %dx%d, want 800x600", r.Dx(), r.Dy())
	}
}

// chartTexts is the text of an SVG's <text> elements; it fails the test
// when the SVG is not XML.
func chartTexts(t *testing.T, b []byte) []string {
	t.Helper()
	out, err := chart.Texts(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
