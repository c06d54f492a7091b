package chart

import (
	"bytes"
	"errors"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"

	"kehoach/compare"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Fixtures: tables shaped as package compare builds them, with the
// provinces whose names are hardest to set (stacked diacritics, Đ, the
// en dash of Bà Rịa – Vũng Tàu).

func val(v float64) *float64 { return &v }

func money(vnd int64, text string) compare.Cell {
	return compare.Cell{Text: text, Value: val(float64(vnd)), Unit: "đồng", Status: compare.StatusOK,
		Evidence: []compare.Evidence{{Doc: "d", Quote: text}}}
}

func pct(v float64) compare.Cell {
	return compare.Cell{Text: compare.FormatNumber(v) + "%", Value: val(v), Unit: "%", Status: compare.StatusOK}
}

func txt(s string) compare.Cell { return compare.Cell{Text: s, Status: compare.StatusOK} }

var (
	noFigure = compare.Cell{Text: "— no figure", Status: compare.StatusNoFigure}
	noPlan   = compare.Cell{Text: "· no plan", Status: compare.StatusNoPlan}
)

func budgets() *compare.Table {
	return &compare.Table{Name: "budgets", Title: "Stated budget totals by province and year", Corner: "Province",
		Columns: []string{"2016–2020", "2021", "2022"}, Province: "named",
		Rows: []compare.Row{
			{Key: "Bà Rịa – Vũng Tàu", Label: "Bà Rịa – Vũng Tàu", Cells: []compare.Cell{money(33_228_453_443, "33.228.453.443 đồng"), noFigure, noPlan}},
			{Key: "Đắk Lắk", Label: "Đắk Lắk", Cells: []compare.Cell{noPlan, money(16_368_600_000, "16.368,6 triệu đồng"), noPlan}},
			{Key: "Quảng Ngãi", Label: "Quảng Ngãi", Cells: []compare.Cell{noFigure, noPlan, noPlan}},
			{Key: "Thừa Thiên Huế", Label: "Thừa Thiên Huế", Cells: []compare.Cell{noPlan, noPlan, noPlan}},
			{Key: "Vĩnh Phúc", Label: "Vĩnh Phúc", Cells: []compare.Cell{noPlan, money(83_589_000_000, "83.589 triệu đồng"),
				money(729_340_000_000, "729.340 triệu đồng; 640.563 triệu đồng")}},
		}}
}

func spending() *compare.Table {
	return &compare.Table{Name: "spending", Title: "Money of each plan", Corner: "Province",
		Columns: []string{"Plan", "Years", "Stated total", "Sum of items", "By source", "Cybersecurity share"}, Province: "now",
		Rows: []compare.Row{
			{Key: "Đắk Lắk", Label: "Đắk Lắk", Cells: []compare.Cell{txt("12/KH-UBND"), txt("2021"),
				money(21_243_000_000, "21.243 triệu đồng"), money(226_386_000_000, "226.386 triệu đồng (36 items)"),
				money(3_686_000_000, "sự nghiệp 3.686 triệu đồng; đầu tư 18.043 triệu đồng"), pct(10)}},
			{Key: "Đắk Lắk", Label: "Đắk Lắk", Cells: []compare.Cell{txt("34/KH-UBND"), txt("2022"),
				money(0, "0 triệu đồng"), noFigure, noFigure, noFigure}},
			{Key: "Thừa Thiên Huế", Label: "Thừa Thiên Huế", Cells: []compare.Cell{txt("(no number)"), txt("2021–2025"),
				noFigure, noFigure, noFigure, pct(10)}},
		}}
}

func indicatorTable() *compare.Table {
	gap := func(v float64) compare.Cell {
		return compare.Cell{Text: compare.FormatNumber(v), Value: val(v), Unit: "%", Status: compare.StatusOK}
	}
	return &compare.Table{Name: "indicator", Title: "Tỷ lệ dịch vụ công trực tuyến toàn trình: targets beside the national target", Corner: "Province",
		Columns: []string{"Year", "Target", "National target", "Gap", "Document"}, Province: "named",
		Rows: []compare.Row{
			{Key: "Bà Rịa – Vũng Tàu", Label: "Bà Rịa – Vũng Tàu", Cells: []compare.Cell{noFigure, noFigure, noFigure, noFigure, noFigure}},
			{Key: "Đắk Lắk", Label: "Đắk Lắk", Cells: []compare.Cell{txt("2025"), pct(80), txt("80 (2025)"), gap(0), txt("1/KH")}},
			{Key: "Đắk Lắk", Label: "Đắk Lắk", Cells: []compare.Cell{txt("2021"), pct(30), txt("100 (2025)"), gap(-70), txt("2/KH")}},
		}}
}

func citationsTable(n int) *compare.Table {
	t := &compare.Table{Name: "citations", Title: "Legal documents cited, by province", Corner: "Cited document",
		Columns: []string{"Bà Rịa – Vũng Tàu", "Đắk Lắk", "Thừa Thiên Huế"}, Province: "named"}
	cite := func(k int) compare.Cell {
		return compare.Cell{Text: "✓ 1", Value: val(float64(k)), Status: compare.StatusOK}
	}
	none := compare.Cell{Text: "—", Status: compare.StatusNoFigure}
	labels := []string{"Nghị định 45/2020/NĐ-CP", "Luật An toàn thông tin mạng", "Quyết định 749/QĐ-TTg", "Nghị quyết 52-NQ/TW"}
	for i := 0; i < n; i++ {
		l := labels[i%len(labels)]
		if i >= len(labels) {
			l += " (" + compare.FormatNumber(float64(i)) + ")"
		}
		cells := []compare.Cell{cite(3), none, none}
		if i%2 == 0 {
			cells[1] = cite(1)
		}
		if i == 1 {
			cells = []compare.Cell{cite(2), cite(5), cite(1)}
		}
		t.Rows = append(t.Rows, compare.Row{Key: l, Label: l, Cells: cells})
	}
	return t
}

func targets() *compare.Table {
	n := func(v float64, unit string) compare.Cell {
		return compare.Cell{Text: compare.FormatNumber(v) + " " + unit, Value: val(v), Unit: unit, Status: compare.StatusOK}
	}
	return &compare.Table{Name: "targets", Title: "Targets by indicator and province", Corner: "Indicator",
		Columns: []string{"Đắk Lắk", "Thừa Thiên Huế"}, Province: "named",
		Rows: []compare.Row{
			{Key: "gov.a", Label: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến trên tổng số hồ sơ", Cells: []compare.Cell{pct(50), pct(80)}},
			{Key: "gov.b", Label: "Số dịch vụ công trực tuyến", Cells: []compare.Cell{n(1200, "dịch vụ"), noFigure}},
			{Key: "gov.c", Label: "Tỷ lệ cán bộ có chữ ký số", Cells: []compare.Cell{noFigure, pct(100)}},
		}}
}

func zeros() *compare.Table {
	t := budgets()
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if c.Value != nil {
				r.Cells[i] = money(0, "0 đồng")
			}
		}
	}
	return t
}

// nfd is the budgets table with its labels decomposed (NFD), as a plan
// typed on a Mac may give them.
func nfd() *compare.Table {
	t := budgets()
	for i := range t.Rows {
		t.Rows[i].Label = norm.NFD.String(t.Rows[i].Label)
	}
	return t
}

func TestBuild(t *testing.T) {
	type bar struct {
		Label  string
		Values []float64 // NaN-free: only the bars drawn, in series order
		Empty  string
	}
	for _, tc := range []struct {
		name   string
		table  *compare.Table
		max    int
		title  string
		axis   string
		scale  float64
		series []string
		groups []bar
		notes  int
		err    string
	}{
		{name: "budgets in tỷ đồng", table: budgets(), title: "Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm",
			axis: "Kinh phí (tỷ đồng)", scale: 1e9, series: []string{"2016–2020", "2021", "2022"},
			groups: []bar{{"Bà Rịa – Vũng Tàu", []float64{33_228_453_443}, ""}, {"Đắk Lắk", []float64{16_368_600_000}, ""},
				{"Quảng Ngãi", nil, "không nêu số liệu"}, {"Thừa Thiên Huế", nil, "chưa có kế hoạch"},
				{"Vĩnh Phúc", []float64{83_589_000_000, 729_340_000_000}, ""}},
			notes: 1},
		{name: "spending: totals only, repeated province told apart by plan", table: spending(),
			title: "Kinh phí của từng kế hoạch: tổng nêu trong kế hoạch và tổng các hạng mục (tỉnh theo địa giới từ 1/7/2025)",
			axis:  "Kinh phí (tỷ đồng)", scale: 1e9, series: []string{"Tổng kinh phí nêu trong kế hoạch", "Tổng các hạng mục"},
			groups: []bar{{"Đắk Lắk · 12/KH-UBND", []float64{21_243_000_000, 226_386_000_000}, ""},
				{"Đắk Lắk · 34/KH-UBND", []float64{0}, ""}, {"Thừa Thiên Huế", nil, "không nêu số liệu"}},
			notes: 1},
		{name: "indicator: target beside national", table: indicatorTable(),
			title: "Tỷ lệ dịch vụ công trực tuyến toàn trình: chỉ tiêu của tỉnh và chỉ tiêu quốc gia",
			axis:  "Tỷ lệ (%)", scale: 1, series: []string{"Chỉ tiêu của tỉnh", "Chỉ tiêu quốc gia"},
			groups: []bar{{"Bà Rịa – Vũng Tàu", nil, "không nêu số liệu"}, {"Đắk Lắk · 2025", []float64{80, 80}, ""},
				{"Đắk Lắk · 2021", []float64{30, 100}, ""}}},
		{name: "citations: provinces citing, most first", table: citationsTable(4), title: "Văn bản được trích dẫn: số tỉnh trích dẫn",
			axis: "Số tỉnh trích dẫn", scale: 1, series: []string{"Số tỉnh trích dẫn"},
			groups: []bar{{"Luật An toàn thông tin mạng", []float64{3}, ""}, {"Nghị định 45/2020/NĐ-CP", []float64{2}, ""},
				{"Quyết định 749/QĐ-TTg", []float64{2}, ""}, {"Nghị quyết 52-NQ/TW", []float64{1}, ""}},
			notes: 1},
		{name: "citations cut to max", table: citationsTable(40), max: 2, title: "Văn bản được trích dẫn: số tỉnh trích dẫn",
			axis: "Số tỉnh trích dẫn", scale: 1, series: []string{"Số tỉnh trích dẫn"},
			groups: []bar{{"Luật An toàn thông tin mạng", []float64{3}, ""}, {"Nghị định 45/2020/NĐ-CP", []float64{2}, ""}},
			notes:  2},
		{name: "targets: the unit most figures share", table: targets(), title: "Chỉ tiêu theo tỉnh",
			axis: "Tỷ lệ (%)", scale: 1, series: []string{"Đắk Lắk", "Thừa Thiên Huế"},
			groups: []bar{{"Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến trên tổng số hồ sơ", []float64{50, 80}, ""},
				{"Tỷ lệ cán bộ có chữ ký số", []float64{100}, ""}},
			notes: 1},
		{name: "all zero", table: zeros(), title: "Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm",
			axis: "Kinh phí (đồng)", scale: 1, series: []string{"2016–2020", "2021", "2022"},
			groups: []bar{{"Bà Rịa – Vũng Tàu", []float64{0}, ""}, {"Đắk Lắk", []float64{0}, ""},
				{"Quảng Ngãi", nil, "không nêu số liệu"}, {"Thừa Thiên Huế", nil, "chưa có kế hoạch"},
				{"Vĩnh Phúc", []float64{0, 0}, ""}}},
		{name: "NFD labels come out NFC", table: nfd(), title: "Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm",
			axis: "Kinh phí (tỷ đồng)", scale: 1e9, series: []string{"2016–2020", "2021", "2022"},
			groups: []bar{{"Bà Rịa – Vũng Tàu", []float64{33_228_453_443}, ""}, {"Đắk Lắk", []float64{16_368_600_000}, ""},
				{"Quảng Ngãi", nil, "không nêu số liệu"}, {"Thừa Thiên Huế", nil, "chưa có kế hoạch"},
				{"Vĩnh Phúc", []float64{83_589_000_000, 729_340_000_000}, ""}},
			notes: 1},
		{name: "nil table", table: nil, err: "no table"},
		{name: "no rows", table: &compare.Table{Name: "budgets", Columns: []string{"2021"}}, err: "table budgets has no row to chart"},
		{name: "no numeric column", table: &compare.Table{Name: "progress", Columns: []string{"Target", "Achieved"},
			Rows: []compare.Row{{Label: "Đắk Lắk", Cells: []compare.Cell{noFigure, txt("x")}}}}, err: "table progress has no numeric column to chart"},
		{name: "citations none", table: &compare.Table{Name: "citations", Columns: []string{"Đắk Lắk"},
			Rows: []compare.Row{{Label: "Luật", Cells: []compare.Cell{noFigure}}}}, err: "table citations has no numeric column to chart"},
		{name: "short rows", table: &compare.Table{Name: "budgets", Columns: []string{"2021", "2022"},
			Rows: []compare.Row{{Label: "Đắk Lắk", Cells: []compare.Cell{money(5e9, "5 tỷ")}}}},
			title: "Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm", axis: "Kinh phí (tỷ đồng)", scale: 1e9,
			series: []string{"2021"}, groups: []bar{{"Đắk Lắk", []float64{5e9}, ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Build(tc.table, tc.max)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrNoData) {
					t.Fatalf("Build = %v, want error ~ %q wrapping ErrNoData", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []bar
			for _, g := range s.Groups {
				if len(g.Bars) != len(s.Series) {
					t.Errorf("group %q: %d bars for %d series", g.Label, len(g.Bars), len(s.Series))
				}
				b := bar{Label: g.Label, Empty: g.Empty}
				for _, v := range g.Bars {
					if v.OK {
						b.Values = append(b.Values, v.Value)
					}
				}
				got = append(got, b)
			}
			if d := cmp.Diff(tc.groups, got); d != "" {
				t.Errorf("groups (-want +got)\n%s", d)
			}
			if s.Title != tc.title || s.Axis != tc.axis || s.Scale != tc.scale {
				t.Errorf("title, axis, scale = %q, %q, %g; want %q, %q, %g", s.Title, s.Axis, s.Scale, tc.title, tc.axis, tc.scale)
			}
			if d := cmp.Diff(tc.series, s.Series); d != "" {
				t.Errorf("series (-want +got)\n%s", d)
			}
			if len(s.Notes) != tc.notes {
				t.Errorf("notes = %q, want %d", s.Notes, tc.notes)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {-0.0001, "0"}, {1, "1"}, {16.3686, "16,37"}, {729.34, "729,3"}, {83.589, "83,59"},
		{1234.5, "1.235"}, {1234567, "1.234.567"}, {0.25, "0,25"}, {-70, "-70"}, {2.5, "2,5"}, {0.1 + 0.2, "0,3"},
	} {
		if got := Number(tc.in); got != tc.want {
			t.Errorf("Number(%g) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var fixtures = []struct {
	name  string
	table func() *compare.Table
	opt   Options
}{
	{"budgets", budgets, Options{}},
	{"spending", spending, Options{Width: 800, Height: 400}},
	{"indicator", indicatorTable, Options{}},
	{"citations", func() *compare.Table { return citationsTable(6) }, Options{}},
	{"targets", targets, Options{Width: 640}},
	{"zeros", zeros, Options{}},
}

// TestSVGGolden: the SVG of each fixture is stable byte for byte
// (go test ./compare/chart -update rewrites the goldens).
func TestSVGGolden(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := Write(&a, "svg", f.table(), f.opt); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, "svg", f.table(), f.opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two runs gave different SVG")
			}
			path := filepath.Join("testdata", "golden", f.name+".svg")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, a.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(string(want), a.String()); d != "" {
				t.Errorf("%s (-want +got)\n%s", path, d)
			}
		})
	}
}

// svgTexts is the character data of every <text> element of an SVG.
func svgTexts(t *testing.T, b []byte) []string {
	t.Helper()
	out, err := Texts(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSVGText: the Vietnamese labels are in the SVG as text, in NFC,
// also when the table's labels were NFD.
func TestSVGText(t *testing.T) {
	for _, tc := range []struct {
		table func() *compare.Table
		want  []string
	}{
		{budgets, []string{"Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm", "Bà Rịa – Vũng Tàu", "Đắk Lắk", "Thừa Thiên Huế",
			"Kinh phí (tỷ đồng)", "chưa có kế hoạch", "không nêu số liệu", "33,23", "729,3 *", "2016–2020"}},
		{nfd, []string{"Bà Rịa – Vũng Tàu", "Đắk Lắk", "Thừa Thiên Huế", "Vĩnh Phúc"}},
		{spending, []string{"Đắk Lắk · 12/KH-UBND", "Tổng các hạng mục", "Tổng kinh phí nêu trong kế hoạch", "226,4", "Thừa Thiên Huế"}},
		{indicatorTable, []string{"Chỉ tiêu quốc gia", "Chỉ tiêu của tỉnh", "Đắk Lắk · 2021", "Tỷ lệ (%)"}},
	} {
		var b bytes.Buffer
		if err := Write(&b, "svg", tc.table(), Options{}); err != nil {
			t.Fatal(err)
		}
		texts := svgTexts(t, b.Bytes())
		all := strings.Join(texts, "\n")
		for _, s := range texts {
			if !norm.NFC.IsNormalString(s) {
				t.Errorf("SVG text %q is not NFC", s)
			}
		}
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("SVG of %s has no text %q; texts:\n%s", tc.table().Name, w, all)
			}
		}
		if !strings.Contains(b.String(), "font-family:'Liberation Sans',Arial,sans-serif;") {
			t.Errorf("SVG does not name Liberation Sans with its fallbacks")
		}
	}
}

// TestSVGEmbedFonts: with EmbedFonts the SVG carries the fonts it uses.
func TestSVGEmbedFonts(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "svg", budgets(), Options{EmbedFonts: true}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "@font-face"); n < 2 {
		t.Errorf("%d @font-face rules, want one per face used (regular, bold, italic)", n)
	}
	svgTexts(t, b.Bytes())
}

// TestPNG: a PNG decodes, has the size asked for (or the default width)
// and is not blank.
func TestPNG(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table func() *compare.Table
		opt   Options
		w, h  int // 0: not checked
	}{
		{"budgets sized", budgets, Options{Width: 800, Height: 500}, 800, 500},
		{"budgets default", budgets, Options{}, defaultWidth, 0},
		{"citations", func() *compare.Table { return citationsTable(40) }, Options{Width: 1200, Height: 900}, 1200, 900},
		{"zeros", zeros, Options{Width: 640, Height: 480}, 640, 480},
		{"indicator", indicatorTable, Options{Width: 1000}, 1000, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, "png", tc.table(), tc.opt); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&b)
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			r := img.Bounds()
			if r.Dx() != tc.w || (tc.h > 0 && r.Dy() != tc.h) || r.Dy() < minHeight {
				t.Errorf("size %dx%d, want %dx%d", r.Dx(), r.Dy(), tc.w, tc.h)
			}
			if n := inked(img); n < r.Dx()*r.Dy()/200 {
				t.Errorf("only %d of %d pixels drawn", n, r.Dx()*r.Dy())
			}
		})
	}
}

// inked counts the pixels that are not white.
func inked(img image.Image) int {
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := color.GrayModel.Convert(img.At(x, y)).(color.Gray); c.Y < 0xf0 {
				n++
			}
		}
	}
	return n
}

// TestGlyphs draws every fixture on a recording canvas and checks that
// every rune of every string drawn has a glyph in the font it is drawn
// with: a missing glyph would rasterize as a box in a PNG.
func TestGlyphs(t *testing.T) {
	all := append(fixtures[:len(fixtures):len(fixtures)], struct {
		name  string
		table func() *compare.Table
		opt   Options
	}{"nfd", nfd, Options{}})
	var drawn strings.Builder
	for _, f := range all {
		s, err := Build(f.table(), 0)
		if err != nil {
			t.Fatal(err)
		}
		pw, ph := Size(s, f.opt)
		rec := &recorder.Canvas{}
		if err := drawSpec(rec, vg.Length(pw)*vg.Inch/dpi, vg.Length(ph)*vg.Inch/dpi, s); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range rec.Actions {
			fs, ok := a.(*recorder.FillString)
			if !ok {
				continue
			}
			n++
			drawn.WriteString(fs.String + "\n")
			if fs.Font.Typeface != "Liberation" || fs.Font.Variant != "Sans" {
				t.Errorf("%s: %q drawn in %s %s, want Liberation Sans", f.name, fs.String, fs.Font.Typeface, fs.Font.Variant)
			}
			if !font.DefaultCache.Has(fs.Font) {
				t.Fatalf("%s: font %v not in the cache", f.name, fs.Font)
			}
			face := font.DefaultCache.Lookup(fs.Font, fs.Size)
			var buf sfnt.Buffer
			for _, r := range fs.String {
				g, err := face.Face.GlyphIndex(&buf, r)
				if err != nil || g == 0 {
					t.Errorf("%s: no glyph for %q (U+%04X) in %q (%v)", f.name, r, r, fs.String, err)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no text drawn", f.name)
		}
	}
	for _, w := range []string{"Bà Rịa – Vũng Tàu", "Đắk Lắk", "Thừa Thiên Huế", "Kinh phí (tỷ đồng)"} {
		if !strings.Contains(drawn.String(), w) {
			t.Errorf("%q was not drawn", w)
		}
	}
}

// TestVietnameseCoverage: the font the charts use has every Vietnamese
// letter, so any province or indicator name renders.
func TestVietnameseCoverage(t *testing.T) {
	for _, f := range []font.Font{sans(10, false), sans(10, true)} {
		face := font.DefaultCache.Lookup(f, 10)
		var buf sfnt.Buffer
		var letters []rune
		for r := rune(0x1EA0); r <= 0x1EF9; r++ {
			letters = append(letters, r)
		}
		letters = append(letters, []rune("ĐđƠơƯưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĨĩŨũ–…·*%")...)
		for _, r := range letters {
			if g, err := face.Face.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("%v: no glyph for %q (U+%04X)", f.Weight, r, r)
			}
		}
	}
}

// TestWriteEdges: bad formats and empty tables are errors; tiny or huge
// sizes and zero figures never panic.
func TestWriteEdges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format string
		table  *compare.Table
		opt    Options
		err    string // "" when no error is wanted; "*" when either is fine
	}{
		{"unknown format", "pdf", budgets(), Options{}, "want svg|png"},
		{"empty table", "svg", &compare.Table{Name: "targets"}, Options{}, "no row"},
		{"empty table png", "png", &compare.Table{Name: "spending", Columns: []string{"Stated total"}}, Options{}, "no row"},
		{"zeros png", "png", zeros(), Options{}, ""},
		{"tiny", "png", budgets(), Options{Width: 10, Height: 10}, "*"},
		{"tiny svg", "svg", spending(), Options{Width: 1, Height: 1}, "*"},
		{"huge is capped", "png", budgets(), Options{Width: 1 << 20, Height: 600}, ""},
		{"negative size", "svg", budgets(), Options{Width: -5, Height: -5}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, tc.format, tc.table, tc.opt)
			switch {
			case tc.err == "*":
			case tc.err == "" && err != nil:
				t.Errorf("Write = %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("Write = %v, want error ~ %q", err, tc.err)
			}
		})
	}
}
