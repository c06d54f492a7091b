package compare

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"kehoach/corpus"
	"kehoach/index"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fakeSource answers Records from a list, filtering as the index would.
type fakeSource struct{ recs []index.Record }

var _ Source = (*fakeSource)(nil)

func (s *fakeSource) Records(_ context.Context, f index.Filter) ([]index.Record, error) {
	var out []index.Record
	for _, r := range s.recs {
		if f.Kind != "" && r.Kind != f.Kind {
			continue
		}
		if f.Province != "" && r.Meta.Province != f.Province {
			continue
		}
		if f.ProvinceNow != "" && r.Meta.ProvinceNow != f.ProvinceNow {
			continue
		}
		if f.Indicator != "" && (r.Target == nil || r.Target.Indicator != f.Indicator) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

func iptr(i int) *int { return &i }

// fixture: Kon Tum 2021 and Vĩnh Phúc 2022 annual plans, Bình Định's
// 2021-2025 plan.
func fixture() *fakeSource {
	kt := corpus.DocMeta{Number: "123/KH-UBND", Type: "Kế hoạch", Province: "Kon Tum", ProvinceNow: "Quảng Ngãi", Period: &corpus.Period{From: 2021, To: 2021}}
	vp := corpus.DocMeta{Number: "326/KH-UBND", Type: "Kế hoạch", Province: "Vĩnh Phúc", ProvinceNow: "Phú Thọ", Period: &corpus.Period{From: 2022, To: 2022}}
	bd := corpus.DocMeta{Number: "5362/QĐ-UBND", Type: "Quyết định", Province: "Bình Định", ProvinceNow: "Gia Lai", Period: &corpus.Period{From: 2021, To: 2025}}
	doc := func(id string, m corpus.DocMeta) index.Record {
		return index.Record{ID: id, Kind: index.KindDoc, Doc: id, N: -1, Source: id + ".txt", Meta: m}
	}
	tgt := func(id string, m corpus.DocMeta, n int, t corpus.Target) index.Record {
		return index.Record{ID: id + "/target/" + string(rune('0'+n)), Kind: index.KindTarget, Doc: id, N: n, Source: id + ".txt", Meta: m, Target: &t}
	}
	bud := func(id string, m corpus.DocMeta, n int, b corpus.Budget) index.Record {
		return index.Record{ID: id + "/budget/" + string(rune('0'+n)), Kind: index.KindBudget, Doc: id, N: n, Source: id + ".txt", Meta: m, Budget: &b}
	}
	cit := func(id string, m corpus.DocMeta, n int, c corpus.Citation) index.Record {
		return index.Record{ID: id + "/citation/" + string(rune('0'+n)), Kind: index.KindCitation, Doc: id, N: n, Source: id + ".txt", Meta: m, Citation: &c}
	}
	return &fakeSource{recs: []index.Record{
		doc("kt", kt), doc("vp", vp), doc("bd", bd),
		tgt("kt", kt, 0, corpus.Target{Kind: "target", Indicator: "test.dvc_l4", Value: 30, Unit: "%", Comparator: ">=", Year: iptr(2021),
			Span: corpus.Span{Start: 100, End: 160}, Quote: "cung cấp tối thiểu 30% dịch vụ công trực tuyến thực hiện ở mức độ 4"}),
		tgt("kt", kt, 1, corpus.Target{Kind: "achieved", Indicator: "test.dvc_l4", Value: 22.5, Unit: "%", Year: iptr(2020),
			Span: corpus.Span{Start: 200, End: 230}, Quote: "đạt 22,5%"}),
		tgt("bd", bd, 0, corpus.Target{Kind: "target", Indicator: "test.dvc_l4", Value: 80, Unit: "%", Comparator: ">=", Year: iptr(2025),
			Span: corpus.Span{Start: 10, End: 40}, Quote: "tối thiểu 80% DVCTT mức độ 4"}),
		tgt("bd", bd, 1, corpus.Target{Kind: "target", Value: 50, Unit: "%", Quote: "50% không rõ chỉ tiêu"}),
		bud("kt", kt, 0, corpus.Budget{Kind: "total", AmountVND: 16_368_600_000, Year: iptr(2021), Span: corpus.Span{Start: 900, End: 940}, Quote: "Tổng kinh phí: 16.368,6 triệu đồng"}),
		bud("vp", vp, 0, corpus.Budget{Kind: "total", AmountVND: 83_589_000_000, Year: iptr(2021), Span: corpus.Span{Start: 50, End: 90}, Quote: "tổng kinh phí 83.589 triệu đồng"}),
		bud("vp", vp, 1, corpus.Budget{Kind: "source", AmountVND: 1_000_000, Year: iptr(2022), Quote: "nguồn"}),
		cit("kt", kt, 0, corpus.Citation{Type: "Nghị định", Number: "47/2020/NĐ-CP", Count: 2, Quote: "Nghị định 47/2020/NĐ-CP"}),
		cit("bd", bd, 0, corpus.Citation{Type: "Nghị định", Number: "47/2020/NĐ-CP", Count: 1, Quote: "Nghị định số 47/2020/NĐ-CP"}),
		cit("bd", bd, 1, corpus.Citation{Type: "Quyết định", Number: "749/QĐ-TTg", Count: 1, Quote: "Quyết định số 749/QĐ-TTg, \"Chương trình\""}),
	}}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, got, 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s (-want +got)\n%s", name, d)
	}
}

func allTables(t *testing.T, o Options) []*Table {
	t.Helper()
	ts, err := All(context.Background(), fixture(), o)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestTablesGolden(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		o            Options
	}{
		{"all.txt", "text", Options{}},
		{"all_now.txt", "text", Options{ByNow: true}},
		{"province.txt", "text", Options{Province: "Kon Tum"}},
		{"all.md", "md", Options{}},
		{"all.csv", "csv", Options{}},
		{"all.json", "json", Options{}},
	} {
		var b bytes.Buffer
		if err := Export(&b, tc.format, allTables(t, tc.o)); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.name, b.Bytes())
	}
}

func cellAt(t *testing.T, tb *Table, row, col string) Cell {
	t.Helper()
	ci := -1
	for i, c := range tb.Columns {
		if c == col {
			ci = i
		}
	}
	for _, r := range tb.Rows {
		if (r.Key == row || r.Label == row) && ci >= 0 {
			return r.Cells[ci]
		}
	}
	t.Fatalf("%s: no cell %s × %s (columns %v)", tb.Name, row, col, tb.Columns)
	return Cell{}
}

func TestBudgetCells(t *testing.T) {
	tb, err := Budgets(context.Background(), fixture(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		row, col, text, status string
	}{
		{"Kon Tum", "2021", "16.368,6 triệu đồng", StatusOK},
		{"Vĩnh Phúc", "2021", "83.589 triệu đồng", StatusOK},
		{"Kon Tum", "2021", "16.368,6 triệu đồng", StatusOK},
		{"Bình Định", "2021", "— no figure", StatusNoFigure}, // its 2021-2025 plan states none
	} {
		c := cellAt(t, tb, tc.row, tc.col)
		if c.Text != tc.text || c.Status != tc.status {
			t.Errorf("%s × %s = %q (%s), want %q (%s)", tc.row, tc.col, c.Text, c.Status, tc.text, tc.status)
		}
		if c.Status == StatusOK && (len(c.Evidence) == 0 || c.Evidence[0].Quote == "") {
			t.Errorf("%s × %s has no evidence", tc.row, tc.col)
		}
	}
	// A province with plans for other years only: no plan for the column.
	src := fixture()
	src.recs = append(src.recs, index.Record{ID: "vp2", Kind: index.KindDoc, Doc: "vp2", Meta: corpus.DocMeta{Province: "Cao Bằng", Period: &corpus.Period{From: 2019, To: 2019}}})
	tb, _ = Budgets(context.Background(), src, Options{})
	if c := cellAt(t, tb, "Cao Bằng", "2021"); c.Status != StatusNoPlan {
		t.Errorf("Cao Bằng × 2021 = %+v, want no_plan", c)
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		want string
	}{
		{16_368_600_000, "16.368,6 triệu đồng"},
		{83_589_000_000, "83.589 triệu đồng"},
		{33_228_453_443, "33.228.453.443 đồng"},
		{-1_965_000_500, "-1.965.000.500 đồng"},
		{1_250_000, "1,25 triệu đồng"},
		{500_000, "0,5 triệu đồng"},
	} {
		if got := FormatVND(tc.v); got != tc.want {
			t.Errorf("FormatVND(%d) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if got := GroupDigits(16_368_600_000); got != "16 368 600 000" {
		t.Errorf("GroupDigits = %q", got)
	}
	if got := FormatNumber(1234567.25); got != "1.234.567,25" {
		t.Errorf("FormatNumber = %q", got)
	}
}

func TestCSVIsExcelFriendly(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, allTables(t, Options{})); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Fatal("no UTF-8 BOM")
	}
	if !bytes.Contains(b.Bytes(), []byte("\r\n")) {
		t.Error("no CRLF line ends")
	}
	r := csv.NewReader(bytes.NewReader(b.Bytes()[3:]))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		for _, c := range row {
			if c == `Quyết định số 749/QĐ-TTg, "Chương trình"` {
				found = true
			}
		}
	}
	if !found {
		t.Error("quoted field with comma and quotes did not survive")
	}
}

func TestXLSXRoundTrip(t *testing.T) {
	var b bytes.Buffer
	tables := allTables(t, Options{})
	if err := WriteXLSX(&b, tables); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(tables)+1 || sheets[len(sheets)-1] != "Evidence" {
		t.Fatalf("sheets = %v", sheets)
	}
	budgets := sheets[1]
	rows, err := f.GetRows(budgets, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Province" || rows[1][0] != "Bình Định" {
		t.Errorf("budget sheet head = %v / %v", rows[0], rows[1])
	}
	v, _ := f.GetCellValue(budgets, "B3", excelize.Options{RawCellValue: true})
	if v != "16368600000" {
		t.Errorf("Kon Tum 2021 raw = %q, want 16368600000", v)
	}
	panes, err := f.GetPanes(budgets)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	ev, _ := f.GetRows("Evidence")
	if len(ev) < 2 || ev[0][len(ev[0])-1] != "quote" {
		t.Errorf("evidence sheet = %v", ev)
	}
	if link, target, _ := f.GetCellHyperLink(budgets, "B3"); !link || !strings.HasPrefix(target, "Evidence!") {
		t.Errorf("B3 link = %v %q", link, target)
	}
}

// TestLibreOfficeReadsExports converts the CSV and the XLSX with
// LibreOffice (when installed) and checks the Vietnamese cell values.
func TestLibreOfficeReadsExports(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	tables := allTables(t, Options{})
	var c, x bytes.Buffer
	WriteCSV(&c, tables)
	WriteXLSX(&x, tables)
	os.WriteFile(filepath.Join(dir, "t.csv"), c.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "x.xlsx"), x.Bytes(), 0o644)
	out := filepath.Join(dir, "out")
	// CSV -> XLSX (UTF-8 import, comma separated), XLSX -> CSV (UTF-8).
	for _, args := range [][]string{
		{"--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", out, filepath.Join(dir, "t.csv")},
		{"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1", "--outdir", out, filepath.Join(dir, "x.xlsx")},
	} {
		// The profile option must come first.
		cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless"}, args...)...)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, b)
		}
		if strings.Contains(string(b), "source file could not be loaded") {
			t.Skipf("LibreOffice cannot open the file (is libreoffice-calc installed?): %s", b)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, "t.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	var all []string
	for _, r := range rows {
		all = append(all, r...)
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"Vĩnh Phúc", "83.589 triệu đồng", "test.dvc_l4", `Quyết định số 749/QĐ-TTg, "Chương trình"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("LibreOffice CSV import lost %q", want)
		}
	}
	// The XLSX's sheet 1 as CSV: the targets table.
	// LibreOffice names the file after the sheet it wrote (x-<sheet>.csv).
	csvs, _ := filepath.Glob(filepath.Join(out, "x*.csv"))
	if len(csvs) != 1 {
		t.Fatalf("LibreOffice wrote %v, want one x*.csv", csvs)
	}
	b, err := os.ReadFile(csvs[0])
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))))
	r.FieldsPerRecord = -1
	rows2, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows2) < 2 || rows2[0][0] != "Indicator" || !strings.Contains(strings.Join(rows2[0], ","), "Bình Định") {
		t.Errorf("LibreOffice XLSX export head = %v", rows2)
	}
}

func TestIndicatorTable(t *testing.T) {
	kt := corpus.DocMeta{Number: "123/KH-UBND", Province: "Kon Tum", ProvinceNow: "Quảng Ngãi", Period: &corpus.Period{From: 2021, To: 2021}}
	vp := corpus.DocMeta{Number: "326/KH-UBND", Province: "Vĩnh Phúc", ProvinceNow: "Phú Thọ", Period: &corpus.Period{From: 2022, To: 2022}}
	src := &fakeSource{recs: []index.Record{
		{ID: "kt", Kind: index.KindDoc, Doc: "kt", N: -1, Source: "kt.txt", Meta: kt},
		{ID: "vp", Kind: index.KindDoc, Doc: "vp", N: -1, Source: "vp.txt", Meta: vp},
		{ID: "kt/target/0", Kind: index.KindTarget, Doc: "kt", Source: "kt.txt", Meta: kt, Target: &corpus.Target{Kind: "target",
			Indicator: "gov.dvc_l4_share", Value: 30, Unit: "%", Comparator: ">=", Year: iptr(2020), Quote: "tối thiểu 30% DVCTT mức độ 4"}},
	}}
	for _, tc := range []struct {
		name string
		o    Options
		err  string
	}{{"no id", Options{}, "needs an indicator"}, {"unknown id", Options{Indicator: "no.such"}, "unknown indicator"}} {
		if _, err := Indicator(context.Background(), src, tc.o); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.err)
		}
	}
	tb, err := Indicator(context.Background(), src, Options{Indicator: "gov.dvc_l4_share"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 2 {
		t.Fatalf("%d rows, want one figure row for Kon Tum and one empty row for Vĩnh Phúc", len(tb.Rows))
	}
	row := tb.Rows[0]
	if row.Label != "Kon Tum" || row.Cells[0].Text != "2020" || !strings.Contains(row.Cells[1].Text, "30%") || len(row.Cells[1].Evidence) != 1 {
		t.Errorf("Kon Tum row = %+v", row)
	}
	// The national target for 2020 is ≥30% (17/NQ-CP): the gap is 0.
	if !strings.Contains(row.Cells[2].Text, "30") || row.Cells[3].Value == nil || *row.Cells[3].Value != 0 {
		t.Errorf("national %q gap %+v, want ≥30 and 0", row.Cells[2].Text, row.Cells[3])
	}
	if tb.Rows[1].Label != "Vĩnh Phúc" || tb.Rows[1].Cells[1].Status != StatusNoFigure {
		t.Errorf("Vĩnh Phúc row = %+v, want no figure", tb.Rows[1])
	}
}

func TestSpendingTable(t *testing.T) {
	kt := corpus.DocMeta{Number: "", Province: "Kon Tum", ProvinceNow: "Quảng Ngãi", Period: &corpus.Period{From: 2021, To: 2021}}
	amt := func(v int64) *int64 { return &v }
	src := &fakeSource{recs: []index.Record{
		{ID: "kt", Kind: index.KindDoc, Doc: "kt", N: -1, Source: "kt.txt", Meta: kt},
		{ID: "kt/budget/0", Kind: index.KindBudget, Doc: "kt", Source: "kt.txt", Meta: kt, Budget: &corpus.Budget{Kind: "total", AmountVND: 16_368_600_000, Quote: "16.368,6 triệu đồng"}},
		{ID: "kt/budget/1", Kind: index.KindBudget, Doc: "kt", Source: "kt.txt", Meta: kt, Budget: &corpus.Budget{Kind: "source", Source: "ngân sách địa phương", AmountVND: 16_368_600_000}},
		{ID: "kt/project/0", Kind: index.KindProject, Doc: "kt", Source: "kt.txt", Meta: kt, Project: &corpus.Project{Name: "LGSP", AmountVND: amt(10_000_000_000)}},
		{ID: "kt/project/1", Kind: index.KindProject, Doc: "kt", Source: "kt.txt", Meta: kt, Project: &corpus.Project{Name: "SOC", AmountVND: amt(6_000_000_000)}},
		{ID: "kt/project/2", Kind: index.KindProject, Doc: "kt", Source: "kt.txt", Meta: kt, Project: &corpus.Project{Name: "no amount"}},
		{ID: "kt/target/0", Kind: index.KindTarget, Doc: "kt", Source: "kt.txt", Meta: kt, Target: &corpus.Target{Kind: "target", Indicator: "infosec.budget_share", Value: 10, Unit: "%", Comparator: ">="}},
	}}
	tb, err := Spending(context.Background(), src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 1 {
		t.Fatalf("%d rows, want 1", len(tb.Rows))
	}
	var got []string
	for _, c := range tb.Rows[0].Cells {
		got = append(got, c.Text)
	}
	want := []string{"(no number)", "2021", "16.368,6 triệu đồng", "16.000 triệu đồng (2 items)", "ngân sách địa phương 16.368,6 triệu đồng", "≥ 10%"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("spending row (-want +got)\n%s", d)
	}
}

func TestTitledLabel(t *testing.T) {
	for _, tc := range []struct{ typ, title, want string }{
		{"Luật", "Luật An toàn thông tin mạng", "Luật An toàn thông tin mạng"},
		{"Luật", "An toàn thông tin mạng", "Luật An toàn thông tin mạng"},
		{"Nghị quyết", "nghị quyết về chuyển đổi số", "nghị quyết về chuyển đổi số"},
		{"", "Chiến lược quốc gia", "Chiến lược quốc gia"},
		{"Luật", "", "Luật"},
		{"Luật", "Lu", "Luật Lu"},
	} {
		if got := titledLabel(tc.typ, tc.title); got != tc.want {
			t.Errorf("titledLabel(%q, %q) = %q, want %q", tc.typ, tc.title, got, tc.want)
		}
	}
}
