package table

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"kehoach/corpus"
	"kehoach/ingest/structure"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render prints tables one row per line, for reading golden diffs.
func render(text string, ts []corpus.Table) string {
	var b strings.Builder
	for i, t := range ts {
		fmt.Fprintf(&b, "table %d [%d:%d) title=%q unit=%q", i, t.Span.Start, t.Span.End, t.Title, t.Unit)
		if t.UnitAt != nil {
			fmt.Fprintf(&b, " unit_at=%q", t.UnitAt.In(text))
		}
		b.WriteString("\n")
		for _, h := range t.Header {
			fmt.Fprintf(&b, "  header %s\n", cellsString(h))
		}
		fmt.Fprintf(&b, "  columns %q\n", t.Columns)
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "  %-7s %s\n", r.Kind, cellsString(r.Cells))
		}
	}
	return b.String()
}

func cellsString(cs []corpus.Cell) string {
	var parts []string
	for _, c := range cs {
		t := c.Text
		if len([]rune(t)) > 60 {
			t = string([]rune(t)[:57]) + "..."
		}
		parts = append(parts, t)
	}
	return "| " + strings.Join(parts, " | ") + " |"
}

func readSample(t testing.TB, name string) string {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return norm.NFC.String(strings.ReplaceAll(string(raw), "\r\n", "\n"))
}

var samples = []string{
	"000_64c392787df719ee.txt",
	"001_04c4a298a9751e71.txt",
	"002_dd0f6087aed52522.txt",
	"003_a12ddbcff1a202a2.txt",
	"004_9fba268cafe1d6b9.txt",
}

func TestGolden(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			text := readSample(t, name)
			ts := Recover(text)
			checkSpans(t, text, ts)
			got := render(text, ts)
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("Recover(%s) (-want +got)\n%s", name, d)
			}
		})
	}
}

// checkSpans checks that every span lies in the text and every cell's
// text is its span's text with white space folded.
func checkSpans(t testing.TB, text string, ts []corpus.Table) {
	t.Helper()
	for i, tb := range ts {
		if !tb.Span.Valid(text) {
			t.Fatalf("table %d: bad span %v", i, tb.Span)
		}
		if tb.UnitAt != nil && !tb.UnitAt.Valid(text) {
			t.Fatalf("table %d: bad unit span %v", i, *tb.UnitAt)
		}
		for _, h := range tb.Header {
			for _, c := range h {
				if !c.Span.Valid(text) {
					t.Fatalf("table %d: bad header cell span %v", i, c.Span)
				}
			}
		}
		for r, row := range tb.Rows {
			if !row.Span.Valid(text) {
				t.Fatalf("table %d row %d: bad span %v", i, r, row.Span)
			}
			if len(row.Cells) != len(tb.Columns) {
				t.Fatalf("table %d row %d: %d cells for %d columns", i, r, len(row.Cells), len(tb.Columns))
			}
			for _, c := range row.Cells {
				if !c.Span.Valid(text) {
					t.Fatalf("table %d row %d: bad cell span %v", i, r, c.Span)
				}
				if c.Text == "" {
					continue
				}
				if c.Text != fold(c.Span.In(text)) && !strings.Contains(fold(c.Span.In(text)), c.Text) {
					t.Fatalf("table %d row %d: cell %q is not under its span %q", i, r, c.Text, c.Span.In(text))
				}
			}
		}
	}
}

// The done-when checks of issue 3, on the sample text as given and as
// ingest repairs it.
func TestSampleTables(t *testing.T) {
	for _, repaired := range []bool{false, true} {
		get := func(name string) string {
			s := readSample(t, name)
			if repaired {
				s = norm.NFC.String(structure.Repair(s))
			}
			return s
		}
		// Cao Bằng Phụ lục 1: 13 project rows and a total row.
		ts := Recover(get("002_dd0f6087aed52522.txt"))
		if len(ts) < 2 {
			t.Fatalf("repaired=%v: Cao Bằng: %d tables, want 2", repaired, len(ts))
		}
		pl1 := ts[0]
		var data, total int
		for _, r := range pl1.Rows {
			switch r.Kind {
			case corpus.RowData:
				data++
			case corpus.RowTotal:
				total++
				if got := []string{r.Cells[3].Text, r.Cells[4].Text}; got[0] != "3.686" || got[1] != "18.043" {
					t.Errorf("repaired=%v: Cao Bằng PL1 total = %q, want 3.686 18.043", repaired, got)
				}
			}
		}
		if data != 13 || total != 1 || len(pl1.Columns) != 6 || pl1.Unit != "triệu đồng" {
			t.Errorf("repaired=%v: Cao Bằng PL1: %d data rows, %d total rows, columns %q, unit %q; want 13, 1, 6 columns, triệu đồng", repaired, data, total, pl1.Columns, pl1.Unit)
		}
		// Bình Định Phụ lục I: the total row.
		ts = Recover(get("003_a12ddbcff1a202a2.txt"))
		if len(ts) < 1 {
			t.Fatalf("repaired=%v: Bình Định: no tables", repaired)
		}
		found := false
		for _, r := range ts[0].Rows {
			if r.Kind == corpus.RowTotal {
				found = true
				got := r.Cells[3].Text + " / " + r.Cells[4].Text + " / " + r.Cells[5].Text
				if got != "33.228.453.443 / 18.228.855.443 / 14.999.598.000" {
					t.Errorf("repaired=%v: Bình Định PL I total = %q", repaired, got)
				}
			}
		}
		if !found {
			t.Errorf("repaired=%v: Bình Định PL I: no total row", repaired)
		}
		// Vĩnh Phúc Phụ lục 3: 59 rows and TỔNG 729.340 / 640.563.
		ts = Recover(get("004_9fba268cafe1d6b9.txt"))
		if len(ts) != 1 {
			t.Fatalf("repaired=%v: Vĩnh Phúc: %d tables, want 1", repaired, len(ts))
		}
		data = 0
		for _, r := range ts[0].Rows {
			if r.Kind == corpus.RowData {
				data++
			}
			if r.Kind == corpus.RowTotal && (r.Cells[3].Text != "729.340" || r.Cells[4].Text != "640.563") {
				t.Errorf("repaired=%v: Vĩnh Phúc total = %q %q", repaired, r.Cells[3].Text, r.Cells[4].Text)
			}
		}
		if data != 59 {
			t.Errorf("repaired=%v: Vĩnh Phúc PL3: %d data rows, want 59", repaired, data)
		}
	}
}

func TestUnitOf(t *testing.T) {
	for _, tc := range []struct{ in, unit, at string }{
		{"Đơn vị tính: triệu đồng", "triệu đồng", "Đơn vị tính: triệu đồng"},
		{"ĐVT: Triệu đồng", "triệu đồng", "ĐVT: Triệu đồng"},
		{"(Đơn vị tính: Triệu đồng)", "triệu đồng", "Đơn vị tính: Triệu đồng"},
		{"(Đơn\nvị tính: Triệu đồng)", "triệu đồng", "Đơn\nvị tính: Triệu đồng"},
		{"Đơn vị: tỷ đồng", "tỷ đồng", "Đơn vị: tỷ đồng"},
		{"ĐVT: đồng. Ghi chú khác", "đồng", "ĐVT: đồng"},
		{"Đơn vị tính: 1.000 đồng", "1.000 đồng", "Đơn vị tính: 1.000 đồng"},
		{"Kinh phí thực hiện", "", ""},
	} {
		u, s, e, ok := UnitOf(tc.in)
		if u != tc.unit || (ok && tc.in[s:e] != tc.at) {
			t.Errorf("UnitOf(%q) = %q [%d:%d], want %q %q", tc.in, u, s, e, tc.unit, tc.at)
		}
	}
}

func TestRecoverSmall(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string
	}{
		{"pipe with group and total", "Bảng 1\n\nĐơn vị tính: triệu đồng\n\n| STT | Nội dung | Kinh phí |\n|---|---|---|\n| I | Hạ tầng | |\n| 1 | Mạng WAN | 1.000 |\n| 2 | LGSP | 500 |\n| | Tổng cộng | 1.500 |\n",
			"table 0 [45:187) title=\"Bảng 1\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | STT | Nội dung | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Kinh phí\"]\n  group   | I | Hạ tầng |  |\n  data    | 1 | Mạng WAN | 1.000 |\n  data    | 2 | LGSP | 500 |\n  total   |  | Tổng cộng | 1.500 |\n"},
		{"flattened with merged cell", "PHỤ LỤC\n\nSTT\n\nTên\n\nĐơn vị\n\nKinh phí\n\n1\n\nA\n\nSở X\n\n10\n\n2\n\nB\n\n20\n\n3\n\nC\n\nSở Y\n\n30\n\n4\n\nD\n\n40\n",
			"table 0 [13:101) title=\"PHỤ LỤC\" unit=\"\"\n  header | STT | Tên | Đơn vị | Kinh phí |\n  columns [\"STT\" \"Tên\" \"Đơn vị\" \"Kinh phí\"]\n  data    | 1 | A | Sở X | 10 |\n  data    | 2 | B |  | 20 |\n  data    | 3 | C | Sở Y | 30 |\n  data    | 4 | D |  | 40 |\n"},
		{"no table", "STT\n\nmột đoạn văn\n\nkhông có bảng", ""},
		{"pipe, two-level header with spans resolved, no separator", "| STT | Tên dự án | Kinh phí | Kinh phí | Đơn vị chủ trì |\n| STT | Tên dự án | Sự nghiệp | Đầu tư | Đơn vị chủ trì |\n| 1 | Mạng WAN | | 8.000 | Sở TT&TT |\n| 2 | LGSP | 1.500 | | Sở TT&TT |\n| | Tổng cộng | 1.500 | 8.000 | |\n",
			"table 0 [0:264) title=\"\" unit=\"\"\n  header | STT | Tên dự án | Kinh phí | Kinh phí | Đơn vị chủ trì |\n  header | STT | Tên dự án | Sự nghiệp | Đầu tư | Đơn vị chủ trì |\n  columns [\"STT\" \"Tên dự án\" \"Kinh phí / Sự nghiệp\" \"Kinh phí / Đầu tư\" \"Đơn vị chủ trì\"]\n  data    | 1 | Mạng WAN |  | 8.000 | Sở TT&TT |\n  data    | 2 | LGSP | 1.500 |  | Sở TT&TT |\n  total   |  | Tổng cộng | 1.500 | 8.000 |  |\n"},
		{"pipe as the HTML and DOCX parsers write it", "| STT | Tên nhiệm vụ | Kinh phí | Kinh phí | Đơn vị |\n|---|---|---|---|---|\n| STT | Tên nhiệm vụ | Sự nghiệp | Đầu tư | Đơn vị |\n| I | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật |\n| 1 | Nâng cấp hệ thống / hội nghị | 2.000 |  | Sở A |\n| 2 | Thư điện tử | | 969 | Sở A |\n| Tổng cộng | Tổng cộng | 2.000 | 969 | |\n",
			"table 0 [0:431) title=\"\" unit=\"\"\n  header | STT | Tên nhiệm vụ | Kinh phí | Kinh phí | Đơn vị |\n  header | STT | Tên nhiệm vụ | Sự nghiệp | Đầu tư | Đơn vị |\n  columns [\"STT\" \"Tên nhiệm vụ\" \"Kinh phí / Sự nghiệp\" \"Kinh phí / Đầu tư\" \"Đơn vị\"]\n  group   | I | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật |\n  data    | 1 | Nâng cấp hệ thống / hội nghị | 2.000 |  | Sở A |\n  data    | 2 | Thư điện tử |  | 969 | Sở A |\n  total   | Tổng cộng | Tổng cộng | 2.000 | 969 |  |\n"},
		{"flattened, column numbers under the header", "STT\n\nNội dung\n\nĐơn vị\n\nKinh phí\n\n(1)\n\n(2)\n\n(3)\n\n(4)\n\n1\n\nMạng LAN\n\nSở A\n\n60\n\n2\n\nMáy chủ\n\nSở B\n\n40\n",
			"table 0 [0:112) title=\"\" unit=\"\"\n  header | STT | Nội dung | Đơn vị | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Đơn vị\" \"Kinh phí\"]\n  data    | 1 | Mạng LAN | Sở A | 60 |\n  data    | 2 | Máy chủ | Sở B | 40 |\n"},
		{"pipe, column numbers under the header", "| STT | Nội dung | Kinh phí |\n|---|---|---|\n| 1 | 2 | 3 |\n| 1 | Mạng LAN | 60 |\n",
			"table 0 [0:84) title=\"\" unit=\"\"\n  header | STT | Nội dung | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Kinh phí\"]\n  data    | 1 | Mạng LAN | 60 |\n"},
		{"flattened, header repeated on a new page", "STT\n\nNội dung\n\nKinh phí\n\n1\n\nMạng LAN\n\n60\n\nSTT\n\nNội dung\n\nKinh phí\n\n2\n\nMáy chủ\n\n40\n",
			"table 0 [0:92) title=\"\" unit=\"\"\n  header | STT | Nội dung | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Kinh phí\"]\n  data    | 1 | Mạng LAN | 60 |\n  data    | 2 | Máy chủ | 40 |\n"},
		{"pipe, an unnumbered heading in capitals is a group", "| STT | Nội dung | Kinh phí |\n|---|---|---|\n| | HẠ TẦNG KỸ THUẬT | 100 |\n| 1 | Mạng LAN | 60 |\n| 2 | Máy chủ | 40 |\n| | Tổng cộng | 100 |\n",
			"table 0 [0:157) title=\"\" unit=\"\"\n  header | STT | Nội dung | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Kinh phí\"]\n  group   |  | HẠ TẦNG KỸ THUẬT | 100 |\n  data    | 1 | Mạng LAN | 60 |\n  data    | 2 | Máy chủ | 40 |\n  total   |  | Tổng cộng | 100 |\n"},
		{"flattened, a figure equal to the next STT", "STT\n\nTên\n\nSố lượng\n\nKinh phí\n\n1\n\nMáy chủ\n\n2\n\n300\n\n2\n\nMáy trạm\n\n3\n\n45\n\n3\n\nTường lửa\n\n1\n\n120\n",
			"table 0 [0:108) title=\"\" unit=\"\"\n  header | STT | Tên | Số lượng | Kinh phí |\n  columns [\"STT\" \"Tên\" \"Số lượng\" \"Kinh phí\"]\n  data    | 1 | Máy chủ | 2 | 300 |\n  data    | 2 | Máy trạm | 3 | 45 |\n  data    | 3 | Tường lửa | 1 | 120 |\n"},
		{"flattened, sub-rows a) b) and dotted numbers", "STT\n\nNội dung\n\nKinh phí\n\n1\n\nHạ tầng\n\n100\n\n1.1\n\nMạng LAN\n\n60\n\n1.2\n\nMáy chủ\n\n40\n\n2\n\nĐào tạo\n\n10\n",
			"table 0 [0:109) title=\"\" unit=\"\"\n  header | STT | Nội dung | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Kinh phí\"]\n  data    | 1 | Hạ tầng | 100 |\n  data    | 1.1 | Mạng LAN | 60 |\n  data    | 1.2 | Máy chủ | 40 |\n  data    | 2 | Đào tạo | 10 |\n"},
		{"flattened, numbering carried on across group rows A, B", "STT\n\nTên nhiệm vụ\n\nKinh phí\n\nA\n\nHạ tầng số\n\n \n\n1\n\nMạng diện rộng\n\n120\n\n2\n\nMáy chủ ảo hóa\n\n80\n\nB\n\nDữ liệu số\n\n \n\n3\n\nKho dữ liệu dùng chung\n\n200\n\n4\n\nSố hóa hồ sơ đất đai\n\n150\n\n \n\nCộng\n\n550\n", "table 0 [0:233) title=\"\" unit=\"\"\n  header | STT | Tên nhiệm vụ | Kinh phí |\n  columns [\"STT\" \"Tên nhiệm vụ\" \"Kinh phí\"]\n  group   | A | Hạ tầng số |  |\n  data    | 1 | Mạng diện rộng | 120 |\n  data    | 2 | Máy chủ ảo hóa | 80 |\n  group   | B | Dữ liệu số |  |\n  data    | 3 | Kho dữ liệu dùng chung | 200 |\n  data    | 4 | Số hóa hồ sơ đất đai | 150 |\n  total   |  | Cộng | 550 |\n"},
		{"flattened, two-row header: Kinh phí over Tổng số / Đầu tư / Sự nghiệp, then Ghi chú", "Đơn vị tính: triệu đồng\n\nTT\n\nTên dự án\n\nCơ quan chủ trì\n\nKinh phí\n\nGhi chú\n\nTổng số\n\nĐầu tư\n\nSự nghiệp\n\n1\n\nCổng dữ liệu mở của tỉnh\n\nSở A\n\n700\n\n700\n\n \n\nDự án mới\n\n2\n\nThuê bao chữ ký số\n\nSở B\n\n300\n\n \n\n300\n\n \n\n3\n\nĐào tạo kỹ năng số cho công chức\n\nSở C\n\n450\n\n \n\n450\n\n \n\n \n\nTổng cộng\n\n \n\n1.450\n\n700\n\n750\n\n \n", "table 0 [35:379) title=\"\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | TT | Tên dự án | Cơ quan chủ trì | Kinh phí | Kinh phí | Kinh phí | Ghi chú |\n  header | TT | Tên dự án | Cơ quan chủ trì | Tổng số | Đầu tư | Sự nghiệp | Ghi chú |\n  columns [\"TT\" \"Tên dự án\" \"Cơ quan chủ trì\" \"Kinh phí / Tổng số\" \"Kinh phí / Đầu tư\" \"Kinh phí / Sự nghiệp\" \"Ghi chú\"]\n  data    | 1 | Cổng dữ liệu mở của tỉnh | Sở A | 700 | 700 |  | Dự án mới |\n  data    | 2 | Thuê bao chữ ký số | Sở B | 300 |  | 300 |  |\n  data    | 3 | Đào tạo kỹ năng số cho công chức | Sở C | 450 |  | 450 |  |\n  total   |  | Tổng cộng |  | 1.450 | 700 | 750 |  |\n"},
		{"flattened, total row first, parent cell last: Kinh phí over Tổng cộng / NSTW / NSĐP, group rows with subtotals", "PHỤ LỤC\n\nDANH MỤC DỰ ÁN NĂM 2024\n\nĐơn vị tính: triệu đồng\n\nSTT\n\nTên dự án\n\nĐơn vị thực hiện\n\nThời gian\n\nKinh phí\n\nTổng cộng\n\nNSTW\n\nNSĐP\n\n \n\nTỔNG CỘNG\n\n \n\n \n\n1.500\n\n1.000\n\n500\n\nI\n\nHạ tầng\n\n \n\n \n\n1.100\n\n1.000\n\n100\n\n1\n\nMạng truyền số liệu chuyên dùng\n\nSở A\n\n2024\n\n1.000\n\n1.000\n\n \n\n2\n\nCamera giám sát\n\nSở B\n\n2024\n\n100\n\n \n\n100\n\nII\n\nĐào tạo\n\n \n\n \n\n400\n\n \n\n400\n\n1\n\nTập huấn an toàn thông tin\n\nSở C\n\n2024\n\n400\n\n \n\n400\n",
			"table 0 [79:485) title=\"PHỤ LỤC DANH MỤC DỰ ÁN NĂM 2024\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | STT | Tên dự án | Đơn vị thực hiện | Thời gian | Kinh phí | Kinh phí | Kinh phí |\n  header | STT | Tên dự án | Đơn vị thực hiện | Thời gian | Tổng cộng | NSTW | NSĐP |\n  columns [\"STT\" \"Tên dự án\" \"Đơn vị thực hiện\" \"Thời gian\" \"Kinh phí / Tổng cộng\" \"Kinh phí / NSTW\" \"Kinh phí / NSĐP\"]\n  total   |  | TỔNG CỘNG |  |  | 1.500 | 1.000 | 500 |\n  group   | I | Hạ tầng |  |  | 1.100 | 1.000 | 100 |\n  data    | 1 | Mạng truyền số liệu chuyên dùng | Sở A | 2024 | 1.000 | 1.000 |  |\n  data    | 2 | Camera giám sát | Sở B | 2024 | 100 |  | 100 |\n  group   | II | Đào tạo |  |  | 400 |  | 400 |\n  data    | 1 | Tập huấn an toàn thông tin | Sở C | 2024 | 400 |  | 400 |\n"},
		{"flattened, two parents: Kinh phí over Tổng số / Sự nghiệp / Đầu tư and Thời gian over Bắt đầu / Kết thúc", "Đơn vị tính: đồng\n\nTT\n\nNhiệm vụ\n\nKinh phí\n\nThời gian thực hiện\n\nGhi chú\n\nTổng số\n\nSự nghiệp\n\nĐầu tư\n\nBắt đầu\n\nKết thúc\n\n1\n\nSố hóa tài liệu lưu trữ\n\n300.000.000\n\n300.000.000\n\n \n\n2023\n\n2024\n\n \n\n2\n\nNâng cấp cổng thông tin\n\n450.000.000\n\n \n\n450.000.000\n\n2023\n\n2023\n\nMới\n\n3\n\nMua sắm máy chủ\n\n250.000.000\n\n \n\n250.000.000\n\n2024\n\n2024\n\n \n\nTổng cộng\n\n1.000.000.000\n\n300.000.000\n\n700.000.000\n\n \n\n \n\n \n",
			"table 0 [27:455) title=\"\" unit=\"đồng\" unit_at=\"Đơn vị tính: đồng\"\n  header | TT | Nhiệm vụ | Kinh phí | Kinh phí | Kinh phí | Thời gian thực hiện | Thời gian thực hiện | Ghi chú |\n  header | TT | Nhiệm vụ | Tổng số | Sự nghiệp | Đầu tư | Bắt đầu | Kết thúc | Ghi chú |\n  columns [\"TT\" \"Nhiệm vụ\" \"Kinh phí / Tổng số\" \"Kinh phí / Sự nghiệp\" \"Kinh phí / Đầu tư\" \"Thời gian thực hiện / Bắt đầu\" \"Thời gian thực hiện / Kết thúc\" \"Ghi chú\"]\n  data    | 1 | Số hóa tài liệu lưu trữ | 300.000.000 | 300.000.000 |  | 2023 | 2024 |  |\n  data    | 2 | Nâng cấp cổng thông tin | 450.000.000 |  | 450.000.000 | 2023 | 2023 | Mới |\n  data    | 3 | Mua sắm máy chủ | 250.000.000 |  | 250.000.000 | 2024 | 2024 |  |\n  total   |  | Tổng cộng | 1.000.000.000 | 300.000.000 | 700.000.000 |  |  |  |\n"},
		{"flattened, dotted STT and a Cộng row labelled in the STT cell", "Đơn vị tính: triệu đồng\n\nSTT\n\nTên nhiệm vụ\n\nCơ quan chủ trì\n\nKinh phí\n\n1.\n\nXây dựng kho dữ liệu\n\nSở A\n\n2.000\n\n2.\n\nThuê hạ tầng điện toán đám mây\n\nSở B\n\n1.200\n\n3.\n\nĐào tạo chuyển đổi số\n\nSở C\n\n300\n\nCộng\n\n3.500\n",
			"table 0 [35:266) title=\"\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | STT | Tên nhiệm vụ | Cơ quan chủ trì | Kinh phí |\n  columns [\"STT\" \"Tên nhiệm vụ\" \"Cơ quan chủ trì\" \"Kinh phí\"]\n  data    | 1. | Xây dựng kho dữ liệu | Sở A | 2.000 |\n  data    | 2. | Thuê hạ tầng điện toán đám mây | Sở B | 1.200 |\n  data    | 3. | Đào tạo chuyển đổi số | Sở C | 300 |\n  total   | Cộng |  |  | 3.500 |\n"},
		{"flattened, width from the header when rows are few and uneven: Kinh phí dự kiến over Tổng / Năm 2024 / Năm 2025, a name split over two blocks", "Đơn vị tính: triệu đồng\n\nSTT\n\nNội dung\n\nĐơn vị chủ trì\n\nKinh phí dự kiến\n\nTổng\n\nNăm 2024\n\nNăm 2025\n\n1\n\nXây dựng hệ thống\n\nthông tin báo cáo của tỉnh\n\nVăn phòng UBND tỉnh\n\n900\n\n400\n\n500\n\n2\n\nThuê dịch vụ chữ ký số\n\nSở A\n\n200\n\n100\n\n100\n\n3\n\nĐào tạo\n\nSở B\n\n100\n\n \n\n100\n\n \n\nTổng cộng\n\n \n\n1.200\n\n500\n\n700\n",
			"table 0 [35:365) title=\"\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | STT | Nội dung | Đơn vị chủ trì | Kinh phí dự kiến | Kinh phí dự kiến | Kinh phí dự kiến |\n  header | STT | Nội dung | Đơn vị chủ trì | Tổng | Năm 2024 | Năm 2025 |\n  columns [\"STT\" \"Nội dung\" \"Đơn vị chủ trì\" \"Kinh phí dự kiến / Tổng\" \"Kinh phí dự kiến / Năm 2024\" \"Kinh phí dự kiến / Năm 2025\"]\n  data    | 1 | Xây dựng hệ thống thông tin báo cáo của tỉnh | Văn phòng UBND tỉnh | 900 | 400 | 500 |\n  data    | 2 | Thuê dịch vụ chữ ký số | Sở A | 200 | 100 | 100 |\n  data    | 3 | Đào tạo | Sở B | 100 |  | 100 |\n  total   |  | Tổng cộng |  | 1.200 | 500 | 700 |\n"},
		{"flattened, the STT header written with a dot", "TT.\n\nTên nhiệm vụ\n\nKinh phí\n\n1\n\nMạng LAN\n\n10\n\n2\n\nMáy chủ\n\n20\n",
			"table 0 [0:71) title=\"\" unit=\"\"\n  header | TT. | Tên nhiệm vụ | Kinh phí |\n  columns [\"TT.\" \"Tên nhiệm vụ\" \"Kinh phí\"]\n  data    | 1 | Mạng LAN | 10 |\n  data    | 2 | Máy chủ | 20 |\n"},
		{"flattened, unnumbered headings in mixed case whose figures add up the rows under them are groups", "Đơn vị tính: triệu đồng\n\nSTT\n\nTên nhiệm vụ\n\nĐơn vị chủ trì\n\nKinh phí\n\n \n\nHạ tầng kỹ thuật\n\n \n\n1.500\n\n1\n\nNâng cấp mạng\n\nSở A\n\n1.000\n\n2\n\nMua máy chủ\n\nSở B\n\n500\n\n \n\nỨng dụng CNTT\n\n \n\n800\n\n3\n\nPhần mềm một cửa\n\nSở C\n\n800\n\n \n\nTổng cộng\n\n \n\n2.300\n",
			"table 0 [35:306) title=\"\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | STT | Tên nhiệm vụ | Đơn vị chủ trì | Kinh phí |\n  columns [\"STT\" \"Tên nhiệm vụ\" \"Đơn vị chủ trì\" \"Kinh phí\"]\n  group   |  | Hạ tầng kỹ thuật |  | 1.500 |\n  data    | 1 | Nâng cấp mạng | Sở A | 1.000 |\n  data    | 2 | Mua máy chủ | Sở B | 500 |\n  group   |  | Ứng dụng CNTT |  | 800 |\n  data    | 3 | Phần mềm một cửa | Sở C | 800 |\n  total   |  | Tổng cộng |  | 2.300 |\n"},
		{"pipe, Markdown emphasis around whole cells (a bold total row)", "| STT | Nội dung | Kinh phí (đồng) |\n|---|---|---|\n| 1 | Mạng LAN | 60.000.000 |\n| 2 | *Máy chủ* | 40.000.000 |\n| | **Tổng cộng** | **100.000.000** |\n",
			"table 0 [0:164) title=\"\" unit=\"\"\n  header | STT | Nội dung | Kinh phí (đồng) |\n  columns [\"STT\" \"Nội dung\" \"Kinh phí (đồng)\"]\n  data    | 1 | Mạng LAN | 60.000.000 |\n  data    | 2 | Máy chủ | 40.000.000 |\n  total   |  | Tổng cộng | 100.000.000 |\n"},
		{"pipe, an unnumbered row whose figure is not a subtotal stays data", "| STT | Nội dung | Đơn vị | Kinh phí |\n|---|---|---|---|\n| 1 | Mạng LAN | Sở A | 60 |\n| | Duy trì cổng thông tin | Sở B | 25 |\n| 2 | Máy chủ | Sở C | 40 |\n",
			"table 0 [0:176) title=\"\" unit=\"\"\n  header | STT | Nội dung | Đơn vị | Kinh phí |\n  columns [\"STT\" \"Nội dung\" \"Đơn vị\" \"Kinh phí\"]\n  data    | 1 | Mạng LAN | Sở A | 60 |\n  data    |  | Duy trì cổng thông tin | Sở B | 25 |\n  data    | 2 | Máy chủ | Sở C | 40 |\n"},
		{"flattened, column numbers give the width of a two-row header; an empty cell after a figure is a cell of its own", "Đơn vị tính: triệu đồng\n\nSTT\n\nNội dung\n\nĐơn vị chủ trì\n\nKinh phí\n\nTổng số\n\nĐầu tư\n\nSự nghiệp\n\n(1)\n\n(2)\n\n(3)\n\n(4)\n\n(5)\n\n(6)\n\n1\n\nXây dựng hệ thống\n\nthông tin báo cáo\n\nVăn phòng UBND tỉnh\n\n900\n\n900\n\n \n\n2\n\nThuê chữ ký số\n\nSở A\n\n200\n\n \n\n200\n\n3\n\nĐào tạo\n\nSở B\n\n100\n\n \n\n100\n\n \n\nTổng cộng\n\n \n\n1.200\n\n900\n\n300\n",
			"table 0 [35:369) title=\"\" unit=\"triệu đồng\" unit_at=\"Đơn vị tính: triệu đồng\"\n  header | STT | Nội dung | Đơn vị chủ trì | Kinh phí | Kinh phí | Kinh phí |\n  header | STT | Nội dung | Đơn vị chủ trì | Tổng số | Đầu tư | Sự nghiệp |\n  columns [\"STT\" \"Nội dung\" \"Đơn vị chủ trì\" \"Kinh phí / Tổng số\" \"Kinh phí / Đầu tư\" \"Kinh phí / Sự nghiệp\"]\n  data    | 1 | Xây dựng hệ thống thông tin báo cáo | Văn phòng UBND tỉnh | 900 | 900 |  |\n  data    | 2 | Thuê chữ ký số | Sở A | 200 |  | 200 |\n  data    | 3 | Đào tạo | Sở B | 100 |  | 100 |\n  total   |  | Tổng cộng |  | 1.200 | 900 | 300 |\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := Recover(tc.in)
			checkSpans(t, tc.in, ts)
			if got := render(tc.in, ts); got != tc.want {
				t.Errorf("Recover(%q) (-want +got)\n%s", tc.in, cmp.Diff(tc.want, got))
			}
		})
	}
}

func FuzzRecover(f *testing.F) {
	for _, name := range samples[1:3] {
		f.Add(readSample(f, name)[:20000])
	}
	f.Add("STT\n\nTên\n\n1\n\n \n\n2\n\nx\n")
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // document text is always valid UTF-8
		}
		ts := Recover(s)
		checkSpans(t, s, ts)
	})
}

func BenchmarkRecover(b *testing.B) {
	var all []string
	for _, name := range samples {
		all = append(all, readSample(b, name))
	}
	n := 0
	for _, s := range all {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range all {
			Recover(s)
		}
	}
}
