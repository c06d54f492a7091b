package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kehoach/corpus"
	"kehoach/extract/budget"
	"kehoach/ingest/table"
)

func docOf(text string) *corpus.Document {
	text = norm.NFC.String(strings.ReplaceAll(text, "\u00a0", " "))
	return &corpus.Document{Source: "test", Text: text, Tables: table.Recover(text)}
}

func amount(p corpus.Project) int64 {
	if p.AmountVND == nil {
		return -1
	}
	return *p.AmountVND
}

func period(p corpus.Project) string {
	if p.Period == nil {
		return ""
	}
	if p.Period.From == p.Period.To {
		return itoa(p.Period.From)
	}
	return itoa(p.Period.From) + "-" + itoa(p.Period.To)
}

func itoa(n int) string {
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func TestFromTable(t *testing.T) {
	type row struct {
		name, group, lead string
		amount            int64 // -1: none
		source, period    string
	}
	for _, tc := range []struct {
		name, in string
		want     []row
	}{
		{"groups, year columns and source columns",
			"PHỤ LỤC 2\n\nĐơn vị tính: triệu đồng\n\nSTT\n\nNội dung\n\nPhân kỳ\n\nNhu cầu kinh phí\n\nĐơn vị thực hiện\n\n2021\n\n2022\n\nSự nghiệp\n\nĐầu tư\n\nI\n\nHạ tầng\n\n \n\n \n\n \n\n \n\n \n\n1\n\nMạng WAN\n\n \n\n8.000\n\n \n\n8.000\n\nSở TT&TT\n\n2\n\nThuê LGSP\n\n1.500\n\n1.500\n\n3.000\n\n \n\nVăn phòng UBND\n\nII\n\nDữ liệu\n\n \n\n \n\n \n\n \n\n \n\n1\n\nSố hóa lưu trữ\n\n \n\n \n\n \n\n \n\nSở Nội vụ\n\n \n\nTổng cộng\n\n \n\n \n\n3.000\n\n8.000\n\n \n",
			[]row{
				{"Mạng WAN", "I. Hạ tầng", "Sở TT&TT", 8000000000, "đầu tư", "2022"},
				{"Thuê LGSP", "I. Hạ tầng", "Văn phòng UBND", 3000000000, "sự nghiệp", "2021-2022"},
				{"Số hóa lưu trữ", "II. Dữ liệu", "Sở Nội vụ", -1, "", ""},
			}},
		{"merged lead cell and a source text column",
			"PHỤ LỤC 3\n\nDANH MỤC NĂM 2022\n\nĐơn vị tính: Triệu đồng\n\nSTT\n\nTên nhiệm vụ, dự án\n\nĐơn vị chủ trì\n\nKinh phí\n\nNguồn vốn\n\n1\n\nHạ tầng số\n\nSở TT&TT\n\n385.000\n\nĐầu tư công\n\n2\n\nThuê GIS\n\n5.600\n\nSự nghiệp\n\n3\n\nCamera cơ sở cai nghiện\n\nSở LĐTBXH\n\n4.900\n\nSự nghiệp\n",
			[]row{
				{"Hạ tầng số", "", "Sở TT&TT", 385000000000, "đầu tư công", "2022"},
				{"Thuê GIS", "", "Sở TT&TT", 5600000000, "sự nghiệp", "2022"},
				{"Camera cơ sở cai nghiện", "", "Sở LĐTBXH", 4900000000, "sự nghiệp", "2022"},
			}},
		{"pipe table as the HTML parser writes it (spans resolved)",
			"PHỤ LỤC 1 GIAI ĐOẠN 2016 - 2020\n\nĐơn vị tính: triệu đồng\n\n| STT | Tên nhiệm vụ | Kinh phí | Kinh phí | Đơn vị |\n|---|---|---|---|---|\n| STT | Tên nhiệm vụ | Sự nghiệp | Đầu tư | Đơn vị |\n| I | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật | Hạ tầng kỹ thuật |\n| 1 | Nâng cấp hội nghị | 2.000 |  | Sở A |\n| 2 | Thư điện tử | | 969 | Sở A |\n| Tổng cộng | Tổng cộng | 2.000 | 969 | |\n",
			[]row{
				{"Nâng cấp hội nghị", "I. Hạ tầng kỹ thuật", "", 2000000000, "sự nghiệp", "2016-2020"},
				{"Thư điện tử", "I. Hạ tầng kỹ thuật", "", 969000000, "đầu tư", "2016-2020"},
			}},
		{"two-row header: the amount is the Tổng số cell, not the sum of the cells beside it",
			"Đơn vị tính: triệu đồng\n\nTT\n\nTên dự án\n\nCơ quan chủ trì\n\nKinh phí\n\nGhi chú\n\nTổng số\n\nĐầu tư\n\nSự nghiệp\n\n1\n\nCổng dữ liệu mở của tỉnh\n\nSở A\n\n700\n\n700\n\n \n\nDự án mới\n\n2\n\nThuê bao chữ ký số\n\nSở B\n\n300\n\n \n\n300\n\n \n\n3\n\nĐào tạo kỹ năng số cho công chức\n\nSở C\n\n450\n\n \n\n450\n\n \n\n \n\nTổng cộng\n\n \n\n1.450\n\n700\n\n750\n\n \n",
			[]row{
				{"Cổng dữ liệu mở của tỉnh", "", "Sở A", 700000000, "đầu tư", ""},
				{"Thuê bao chữ ký số", "", "Sở B", 300000000, "sự nghiệp", ""},
				{"Đào tạo kỹ năng số cho công chức", "", "Sở C", 450000000, "sự nghiệp", ""},
			}},
		{"numbering carried on across group rows",
			"STT\n\nTên nhiệm vụ\n\nKinh phí\n\nA\n\nHạ tầng số\n\n \n\n1\n\nMạng diện rộng\n\n120\n\n2\n\nMáy chủ ảo hóa\n\n80\n\nB\n\nDữ liệu số\n\n \n\n3\n\nKho dữ liệu dùng chung\n\n200\n\n4\n\nSố hóa hồ sơ đất đai\n\n150\n\n \n\nCộng\n\n550\n",
			[]row{
				{"Mạng diện rộng", "A. Hạ tầng số", "", 120000000, "", ""},
				{"Máy chủ ảo hóa", "A. Hạ tầng số", "", 80000000, "", ""},
				{"Kho dữ liệu dùng chung", "B. Dữ liệu số", "", 200000000, "", ""},
				{"Số hóa hồ sơ đất đai", "B. Dữ liệu số", "", 150000000, "", ""},
			}},
		{"Thời gian thực hiện over Bắt đầu / Kết thúc gives one period",
			"Đơn vị tính: đồng\n\nTT\n\nNhiệm vụ\n\nKinh phí\n\nThời gian thực hiện\n\nGhi chú\n\nTổng số\n\nSự nghiệp\n\nĐầu tư\n\nBắt đầu\n\nKết thúc\n\n1\n\nSố hóa tài liệu lưu trữ\n\n300.000.000\n\n300.000.000\n\n \n\n2023\n\n2024\n\n \n\n2\n\nNâng cấp cổng thông tin\n\n450.000.000\n\n \n\n450.000.000\n\n2023\n\n2023\n\nMới\n\n3\n\nMua sắm máy chủ\n\n250.000.000\n\n \n\n250.000.000\n\n2024\n\n2024\n\n \n\nTổng cộng\n\n1.000.000.000\n\n300.000.000\n\n700.000.000\n\n \n\n \n\n \n",
			[]row{
				{"Số hóa tài liệu lưu trữ", "", "", 300000000, "sự nghiệp", "2023-2024"},
				{"Nâng cấp cổng thông tin", "", "", 450000000, "đầu tư", "2023"},
				{"Mua sắm máy chủ", "", "", 250000000, "đầu tư", "2024"},
			}},
		{"letter headings over Roman ones",
			"Đơn vị tính: triệu đồng\n\n| STT | Tên dự án | Kinh phí |\n|---|---|---|\n| A | Dự án chuyển tiếp | |\n| I | Hạ tầng | |\n| 1 | Mạng LAN | 100 |\n| II | Dữ liệu | |\n| 2 | Kho dữ liệu | 200 |\n| B | Dự án mới | |\n| I | Hạ tầng | |\n| 1 | Máy chủ | 300 |\n",
			[]row{
				{"Mạng LAN", "I. Hạ tầng", "", 100000000, "", ""},
				{"Kho dữ liệu", "II. Dữ liệu", "", 200000000, "", ""},
				{"Máy chủ", "I. Hạ tầng", "", 300000000, "", ""},
			}},
		{"Roman headings over letter ones",
			"Đơn vị tính: triệu đồng\n\n| STT | Tên dự án | Kinh phí |\n|---|---|---|\n| I | Hạ tầng | |\n| A | Mạng | |\n| 1 | Mạng LAN | 100 |\n| B | Máy chủ | |\n| 2 | Máy chủ ảo | 200 |\n| II | Dữ liệu | |\n| 3 | Kho dữ liệu | 300 |\n",
			[]row{
				{"Mạng LAN", "A. Mạng", "", 100000000, "", ""},
				{"Máy chủ ảo", "B. Máy chủ", "", 200000000, "", ""},
				{"Kho dữ liệu", "II. Dữ liệu", "", 300000000, "", ""},
			}},
		{"a Kinh phí column mostly 'Lồng ghép' still gives the figures it has",
			"Đơn vị tính: triệu đồng\n\nSTT\n\nTên nhiệm vụ\n\nĐơn vị chủ trì\n\nKinh phí\n\n1\n\nNâng cấp cổng dịch vụ công\n\nSở A\n\n1.500\n\n2\n\nTuyên truyền chuyển đổi số\n\nSở B\n\nLồng ghép trong kinh phí thường xuyên\n\n3\n\nTập huấn an toàn thông tin\n\nSở C\n\nLồng ghép\n\n4\n\nRà soát quy chế\n\nSở D\n\nLồng ghép\n",
			[]row{
				{"Nâng cấp cổng dịch vụ công", "", "Sở A", 1500000000, "", ""},
				{"Tuyên truyền chuyển đổi số", "", "Sở B", -1, "", ""},
				{"Tập huấn an toàn thông tin", "", "Sở C", -1, "", ""},
				{"Rà soát quy chế", "", "Sở D", -1, "", ""},
			}},
		{"a table of indicators is not a project table",
			"PHỤ LỤC\n\nSTT\n\nChỉ tiêu\n\nĐơn vị tính\n\nNăm 2020\n\nNăm 2025\n\n1\n\nTỷ lệ dịch vụ công mức độ 4\n\n%\n\n30\n\n50\n\n2\n\nSố cơ sở dữ liệu dùng chung\n\nCSDL\n\n5\n\n12\n",
			nil},
		{"an empty template gives no projects",
			"| TT | Hạng mục đầu tư | Nội dung | Tổng kinh phí |\n|---|---|---|---|\n| | Hạ tầng kỹ thuật | | |\n| | Ứng dụng CNTT | | |\n| 1 | | | |\n",
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := docOf(tc.in)
			x := &corpus.Extraction{}
			Extract(doc, x)
			if len(x.Projects) != len(tc.want) {
				t.Fatalf("Extract: %d projects %+v, want %d", len(x.Projects), x.Projects, len(tc.want))
			}
			for i, w := range tc.want {
				p := x.Projects[i]
				got := row{p.Name, p.Group, p.Lead, amount(p), p.Source, period(p)}
				if got != w {
					t.Errorf("project %d = %+v, want %+v", i, got, w)
				}
				if p.Quote != doc.Text[p.Span.Start:p.Span.End] {
					t.Errorf("project %d: quote is not the text under its span", i)
				}
			}
		})
	}
}

// Project rows of the samples' appendices (gold: 0, 0, 13+27, 53+35, 59).
func TestSamples(t *testing.T) {
	for _, tc := range []struct {
		file      string
		n, amount int
		first     string
	}{
		{"000_64c392787df719ee.txt", 0, 0, ""},
		{"001_04c4a298a9751e71.txt", 0, 0, ""},
		{"002_dd0f6087aed52522.txt", 40, 36, "Nâng cấp Hệ thống hội nghị truyền hình trực tuyến tỉnh Cao Bằng"},
		{"003_a12ddbcff1a202a2.txt", 88, 53, "Xây dựng và nâng cấp hệ thống mạng nội đô của tỉnh"},
		{"004_9fba268cafe1d6b9.txt", 59, 59, "Xây dựng hạ tầng nền tảng số phục vụ chuyển đổi số tỉnh Vĩnh Phúc"},
	} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		doc := docOf(string(raw))
		x := &corpus.Extraction{}
		Extract(doc, x)
		withAmount := 0
		for _, p := range x.Projects {
			if p.AmountVND != nil {
				withAmount++
			}
		}
		if len(x.Projects) != tc.n || withAmount != tc.amount || (tc.n > 0 && x.Projects[0].Name != tc.first) {
			t.Errorf("%s: %d projects (%d with amounts), want %d (%d)", tc.file, len(x.Projects), withAmount, tc.n, tc.amount)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "004_9fba268cafe1d6b9.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc := docOf(string(raw))
	b.SetBytes(int64(len(doc.Text)))
	for i := 0; i < b.N; i++ {
		Extract(doc, &corpus.Extraction{})
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("PHỤ LỤC 3\n\nSTT\n\nTên nhiệm vụ\n\nĐơn vị chủ trì\n\nKinh phí\n\n1\n\nHạ tầng số\n\nSở TT&TT\n\n385.000\n\n2\n\nThuê GIS\n\n5.600\n")
	f.Add("| STT | Tên | Kinh phí |\n|---|---|---|\n| I | Nhóm | |\n| 1 | A | 1.000 |\n| | Tổng | 1.000 |\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		doc := docOf(s)
		x := &corpus.Extraction{}
		Extract(doc, x)
		for _, p := range x.Projects {
			if !p.Span.Valid(doc.Text) || p.Quote != doc.Text[p.Span.Start:p.Span.End] || p.Name == "" {
				t.Fatalf("project %+v: bad span, quote or name", p)
			}
		}
	})
}

// A plan laid out unlike the samples: TT column, "Chủ đầu tư", a
// two-level "Nguồn vốn" header with NSTW/NSĐP, letter groups, a merged
// lead cell, an ĐVT line, the total row last.
func TestOtherProvince(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "other_province.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := docOf(string(raw))
	x := &corpus.Extraction{}
	budget.Extract(doc, x)
	Extract(doc, x)
	type row struct {
		name, group, lead string
		amount            int64
		source, period    string
	}
	want := []row{
		{"Trung tâm dữ liệu tỉnh", "A. CHUYỂN ĐỔI SỐ CƠ QUAN NHÀ NƯỚC", "Sở Thông tin và Truyền thông", 30000000000, "ngân sách trung ương, ngân sách địa phương", "2023-2025"},
		{"Nền tảng LGSP", "A. CHUYỂN ĐỔI SỐ CƠ QUAN NHÀ NƯỚC", "Sở Thông tin và Truyền thông", 5500000000, "ngân sách địa phương", "2023"},
		{"Sàn thương mại điện tử", "B. KINH TẾ SỐ", "Sở Công Thương", 10000000000, "ngân sách địa phương", "2023"},
	}
	if len(x.Projects) != len(want) {
		t.Fatalf("%d projects %+v, want %d", len(x.Projects), x.Projects, len(want))
	}
	for i, w := range want {
		p := x.Projects[i]
		if got := (row{p.Name, p.Group, p.Lead, amount(p), p.Source, period(p)}); got != w {
			t.Errorf("project %d = %+v, want %+v", i, got, w)
		}
	}
	var totals []int64
	for _, b := range x.Budgets {
		if b.Kind == "total" {
			totals = append(totals, b.AmountVND)
		}
	}
	if len(totals) != 2 || totals[0] != 45500000000 || totals[1] != 45500000000 || len(x.Warnings) != 0 {
		t.Errorf("totals %v, warnings %q; want the prose and table totals 45,5 tỷ đồng and no warning", totals, x.Warnings)
	}
}

// The same kind of plan as the DOCX and HTML parsers write it: pipe
// rows, spans resolved, the unit in the appendix heading, group rows
// with subtotals, detail rows 1.1 and 1.2.
func TestOtherProvincePipe(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "other_province_pipe.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := docOf(string(raw))
	x := &corpus.Extraction{}
	budget.Extract(doc, x)
	Extract(doc, x)
	var got []string
	for _, p := range x.Projects {
		got = append(got, p.Group+" | "+p.Name+" | "+p.Lead+" | "+itoa(int(amount(p)/1e9))+" tỷ | "+p.Source)
	}
	want := []string{
		"I. Hạ tầng số | Trung tâm dữ liệu | Sở TT&TT | 800 tỷ | ngân sách tỉnh, xã hội hóa",
		"I. Hạ tầng số | Phần cứng | Sở TT&TT | 500 tỷ | ngân sách tỉnh",
		"I. Hạ tầng số | Phần mềm | Sở TT&TT | 300 tỷ | ngân sách tỉnh, xã hội hóa",
		"I. Hạ tầng số | Mạng WAN | Sở TT&TT | 200 tỷ | ngân sách tỉnh",
		"II. Ứng dụng | Cổng dịch vụ công | Văn phòng UBND tỉnh | 234 tỷ | ngân sách tỉnh",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("projects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var budgets []string
	for _, b := range x.Budgets {
		budgets = append(budgets, b.Kind+" "+b.Source+" "+itoa(int(b.AmountVND/1e8)))
	}
	if w := "total  12345,total  12345,source ngân sách tỉnh 11345,source xã hội hóa 1000"; strings.Join(budgets, ",") != w || len(x.Warnings) != 0 {
		t.Errorf("budgets %q, warnings %q; want %q and none", budgets, x.Warnings, w)
	}
}
