package budget

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kehoach/corpus"
	"kehoach/ingest/table"
)

func docOf(text string) *corpus.Document {
	text = norm.NFC.String(text)
	return &corpus.Document{Source: "test", Text: text, Tables: table.Recover(text)}
}

func run(text string) *corpus.Extraction {
	doc := docOf(text)
	x := &corpus.Extraction{}
	Extract(doc, x)
	return x
}

type want struct {
	kind   string
	vnd    int64
	source string
	years  string // "2021", "2016-2020" or ""
	qual   string
}

func years(b corpus.Budget) string {
	return strings.TrimSuffix(strings.TrimPrefix(yearsString(b), " ("), ")")
}

func TestProse(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []want
	}{
		{"total and footnote split", "V. KINH PHÍ THỰC HIỆN: Tổng kinh phí thực hiện các nhiệm vụ năm 2021: 16.368,6 triệu đồng⁽²⁾.\n\n⁽²⁾ Trong đó: Ngân sách trung ương: 0 triệu đồng; Ngân sách địa phương: 16.368,6 triệu đồng; Nguồn vốn đầu tư: 0 triệu đồng; Nguồn vốn sự nghiệp: 16.368,6 triệu đồng.",
			[]want{{"total", 16368600000, "", "2021", ""}, {"source", 0, "ngân sách trung ương", "2021", ""}, {"source", 16368600000, "ngân sách địa phương", "2021", ""}, {"source", 0, "đầu tư", "2021", ""}, {"source", 16368600000, "sự nghiệp", "2021", ""}}},
		{"period total", "1. Kinh phí giai đoạn 2016 - 2020\n\n- Tổng kinh phí CNTT giai đoạn 2016 - 2020: 21.243 triệu đồng.",
			[]want{{"total", 21243000000, "", "2016-2020", ""}}},
		{"full đồng with bullets", "Tổng kinh phí giai đoạn 2016-2020 là: 33.228.453.443 đồng.\n\nTrong đó:\n\n- Nguồn vốn đầu tư: 14.999.598.000 đồng\n\n- Nguồn vốn Trung ương: Không",
			[]want{{"total", 33228453443, "", "2016-2020", ""}, {"source", 14999598000, "đầu tư", "2016-2020", ""}}},
		{"mixed form and qualifier", "Tổng kinh phí dự kiến năm 2023 khoảng 16 tỷ 368 triệu đồng, trong đó vốn xã hội hóa trên 2 tỷ đồng.",
			[]want{{"total", 16368000000, "", "2023", "khoảng"}, {"source", 2000000000, "xã hội hóa", "2023", "trên"}}},
		{"hard wrap inside the label", "Tổng kinh phí dành cho ứng dụng CNTT\ncủa tỉnh năm 2021 là 83.589 triệu đồng.",
			[]want{{"total", 83589000000, "", "2021", ""}}},
		{"per-year totals", "Tổng kinh phí giai đoạn 2021-2025: 110 tỷ đồng, trong đó: năm 2022: 50 tỷ đồng; năm 2023: 60 tỷ đồng.",
			[]want{{"total", 110000000000, "", "2021-2025", ""}, {"total", 50000000000, "", "2022", ""}, {"total", 60000000000, "", "2023", ""}}},
		{"one project's cost is an item", "Tổng mức đầu tư dự án Trung tâm dữ liệu: 50 tỷ đồng; hỗ trợ 2 triệu đồng/người/tháng.",
			[]want{{"item", 50000000000, "", "", ""}}},
		{"'đầu tư' as a verb names no source", "Năm 2020, tỉnh đã đầu tư 5 tỷ đồng cho hệ thống một cửa điện tử.", []want{{"item", 5000000000, "", "2020", ""}}},
		{"a scale word without đồng where the text speaks of money", "Tổng kinh phí dự kiến năm 2024 khoảng 50 tỷ. Hệ thống phục vụ 5 triệu lượt truy cập.", []want{{"total", 50000000000, "", "2024", "khoảng"}}},
		{"the source named after the amount", "Năm 2023 bố trí 12 tỷ đồng từ nguồn ngân sách tỉnh để thuê dịch vụ.", []want{{"item", 12000000000, "ngân sách tỉnh", "2023", ""}}},
		{"spending on the field in a review year is a total", "Kinh phí năm 2020 đã bố trí 12.500 triệu đồng cho ứng dụng công nghệ thông tin của tỉnh.",
			[]want{{"total", 12500000000, "", "2020", ""}}},
		{"allocated for the field over a period, purpose before the amount", "Kinh phí đã phân bổ cho công tác chuyển đổi số giai đoạn 2016-2020 là 40 tỷ đồng.",
			[]want{{"total", 40000000000, "", "2016-2020", ""}}},
		{"the year after the amount", "Tỉnh đã bố trí 7 tỷ đồng cho chính quyền điện tử trong năm 2019.",
			[]want{{"total", 7000000000, "", "2019", ""}}},
		{"spending on all the field's projects in a year is a total", "Kinh phí đã bố trí cho các dự án ứng dụng công nghệ thông tin năm 2019 là 9 tỷ đồng.",
			[]want{{"total", 9000000000, "", "2019", ""}}},
		{"the field's budget for a year is a total", "Kinh phí bảo đảm an toàn thông tin mạng năm 2020 là 800 triệu đồng.",
			[]want{{"total", 800000000, "", "2020", ""}}},
		{"one task's budget stays an item", "Kinh phí thực hiện nhiệm vụ số hóa năm 2020 là 800 triệu đồng.",
			[]want{{"item", 800000000, "", "2020", ""}}},
		{"spending on one system stays an item", "Kinh phí đã bố trí năm 2021 cho phần mềm quản lý văn bản là 900 triệu đồng.",
			[]want{{"item", 900000000, "", "2021", ""}}},
		{"spending on the field without a year stays an item", "Kinh phí đã bố trí cho ứng dụng công nghệ thông tin là 900 triệu đồng.",
			[]want{{"item", 900000000, "", "", ""}}},
		{"an item", "Dự án nâng cấp mạng LAN với kinh phí 500 nghìn đồng.", []want{{"item", 500000, "", "", ""}}},
		{"a lone 'Kinh phí dự kiến' is the plan's total", "IV. KINH PHÍ\n\nKinh phí dự kiến: 500 triệu đồng, trong đó ngân sách tỉnh 300 triệu đồng.",
			[]want{{"total", 500000000, "", "", "dự kiến"}, {"source", 300000000, "ngân sách tỉnh", "", ""}}},
		{"'Kinh phí' after each task: items", "1. Thuê dịch vụ giám sát. Kinh phí: 400 triệu đồng.\n\n2. Đào tạo nhân lực. Kinh phí: 100 triệu đồng.",
			[]want{{"item", 400000000, "", "", ""}, {"item", 100000000, "", "", ""}}},
		{"outcomes are not budgets", "Phấn đấu doanh thu dịch vụ viễn thông đạt 900 tỷ đồng; tiết kiệm chi phí in ấn khoảng 5 tỷ đồng mỗi năm; xử phạt vi phạm hành chính 30 triệu đồng.", nil},
		{"a task's budget that names an outcome is still a budget", "Kinh phí xây dựng hệ thống quản lý thu ngân sách: 700 triệu đồng.",
			[]want{{"item", 700000000, "", "", ""}}},
		{"not money", "Đến năm 2021 đồng thời triển khai 100% đồng bộ.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := run(tc.in)
			if len(x.Budgets) != len(tc.want) {
				t.Fatalf("Extract(%q) = %d budgets %+v, want %d", tc.in, len(x.Budgets), x.Budgets, len(tc.want))
			}
			for i, w := range tc.want {
				b := x.Budgets[i]
				if b.Kind != w.kind || b.AmountVND != w.vnd || b.Source != w.source || years(b) != w.years || b.Qualifier != w.qual {
					t.Errorf("budget %d = %s %d %q %q %q, want %+v", i, b.Kind, b.AmountVND, b.Source, years(b), b.Qualifier, w)
				}
				if b.Quote != b.Span.In(x.Budgets[i].Quote+strings.Repeat(" ", 0)) && b.Quote != docOf(tc.in).Text[b.Span.Start:b.Span.End] {
					t.Errorf("budget %d: quote %q is not under its span", i, b.Quote)
				}
			}
		})
	}
}

const plTable = "\n\nSTT\n\nNội dung\n\nKinh phí\n\n1\n\nDự án A\n\n5.866\n\n2\n\nDự án B\n\n2.924\n\n \n\nTổng cộng\n\n8.790\n"

// The unit of a table's figures: its own unit line, a unit in a column
// name, plain đồng when plausible, or a unit line found elsewhere
// (inferred, with a warning).
func TestTableUnit(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		total    int64
		inferred bool
	}{
		{"own unit line", "PHỤ LỤC 1\n\nĐơn vị tính: triệu đồng" + plTable, 8790000000, false},
		{"ĐVT in parentheses", "PHỤ LỤC 1\n\n(ĐVT: Tỷ đồng)" + plTable, 8790000000000, false},
		{"wrapped unit line", "PHỤ LỤC 1\n\n(Đơn\nvị tính: Triệu đồng)" + plTable, 8790000000, false},
		{"unit in the column name", "PHỤ LỤC 1\n\nSTT\n\nNội dung\n\nKinh phí (triệu đồng)\n\n1\n\nDự án A\n\n5.866\n\n2\n\nDự án B\n\n2.924\n\n \n\nTổng cộng\n\n8.790\n", 8790000000, false},
		{"plain đồng is plausible", "PHỤ LỤC 1\n\nSTT\n\nNội dung\n\nKinh phí\n\n1\n\nDự án A\n\n186.192.000\n\n2\n\nDự án B\n\n125.500.000\n\n \n\nTổng cộng\n\n311.692.000\n", 311692000, false},
		{"unit line under the previous appendix heading", "PHỤ LỤC 2\n\nDANH MỤC NĂM 2021\n\n(Đơn vị tính: Triệu đồng)\n\nPHỤ LỤC 3\n\nDANH MỤC NĂM 2022" + plTable, 8790000000, true},
		{"no unit anywhere, implausible as đồng", "PHỤ LỤC 3" + plTable, 8790000000, true},
		{"a unit with a multiplier", "PHỤ LỤC 1\n\nĐơn vị tính: 1.000 đồng" + plTable, 8790000, false},
		{"a multiplier in the column name", "PHỤ LỤC 1\n\nSTT\n\nNội dung\n\nKinh phí (1.000.000 đồng)\n\n1\n\nDự án A\n\n5.866\n\n2\n\nDự án B\n\n2.924\n\n \n\nTổng cộng\n\n8.790\n", 8790000000, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := run(tc.in)
			var got []corpus.Budget
			for _, b := range x.Budgets {
				if b.Kind == "total" {
					got = append(got, b)
				}
			}
			if len(got) != 1 || got[0].AmountVND != tc.total {
				t.Fatalf("Extract(%q) totals = %+v, want one of %d", tc.in, got, tc.total)
			}
			warned := false
			for _, w := range x.Warnings {
				if strings.Contains(w, "no unit line of its own") {
					warned = true
				}
			}
			if warned != tc.inferred {
				t.Errorf("inferred-unit warning = %v, want %v (warnings %q)", warned, tc.inferred, x.Warnings)
			}
		})
	}
}

func TestRules(t *testing.T) {
	for _, tc := range []struct {
		in        string
		share     float64
		cmp, base string
		purpose   string
		recurring bool
	}{
		{"Bảo đảm tỷ lệ kinh phí chi cho các sản phẩm, dịch vụ an toàn thông tin mạng đạt tối thiểu 10% trong tổng kinh phí triển khai các dự án, nhiệm vụ CNTT (trong trường hợp ...).", 10, ">=", "tổng kinh phí triển khai các dự án, nhiệm vụ CNTT", "các sản phẩm, dịch vụ an toàn thông tin mạng", false},
		{"Ngân sách tỉnh bố trí khoảng 0,5% chi ngân sách hàng năm để chi cho xây dựng chính quyền điện tử và đô thị thông minh.", 0.5, "~", "chi ngân sách hàng năm", "xây dựng chính quyền điện tử và đô thị thông minh", true},
		{"Hàng năm bảo đảm nguồn kinh phí tối thiểu từ 1% trên tổng chi ngân sách nhà nước dành cho chuyển đổi số;", 1, ">=", "tổng chi ngân sách nhà nước", "chuyển đổi số", true},
		{"- Tỷ lệ chi cho an toàn thông tin trong các hoạt động đầu tư, ứng dụng CNTT tối thiểu 10% tổng mức đầu tư.", 10, ">=", "tổng mức đầu tư", "an toàn thông tin trong các hoạt động đầu tư, ứng dụng CNTT", false},
	} {
		rs := Rules(tc.in)
		if len(rs) != 1 {
			t.Errorf("Rules(%q) = %+v, want one rule", tc.in, rs)
			continue
		}
		r := rs[0]
		if r.Share != tc.share || r.Comparator != tc.cmp || r.Base != tc.base || r.Purpose != tc.purpose || r.Recurring != tc.recurring || r.Quote != tc.in[r.Span.Start:r.Span.End] {
			t.Errorf("Rules(%q) = %+v, want %v %s base %q purpose %q recurring %v", tc.in, r, tc.share, tc.cmp, tc.base, tc.purpose, tc.recurring)
		}
	}
	if rs := Rules("Phấn đấu 100% dịch vụ công trực tuyến mức độ 4."); len(rs) != 0 {
		t.Errorf("Rules on a target = %+v, want none", rs)
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		warns    []string
	}{
		{"split adds up", "Tổng kinh phí năm 2021: 10 tỷ đồng. Trong đó: ngân sách trung ương: 4 tỷ đồng; ngân sách địa phương: 6 tỷ đồng; vốn đầu tư: 3 tỷ đồng; vốn sự nghiệp: 7 tỷ đồng.", nil},
		{"split does not add up", "Tổng kinh phí năm 2021: 10 tỷ đồng. Trong đó: ngân sách trung ương: 4 tỷ đồng; ngân sách địa phương: 5 tỷ đồng.",
			[]string{"budget: the stated total 10 tỷ đồng (2021) disagrees with its split by budget level, which sums to 9 tỷ đồng (ngân sách trung ương 4 tỷ đồng + ngân sách địa phương 5 tỷ đồng)"}},
		{"years do not add up", "Tổng kinh phí giai đoạn 2022-2023: 110 tỷ đồng, trong đó: năm 2022: 50 tỷ đồng; năm 2023: 50 tỷ đồng.",
			[]string{"budget: the stated total 110 tỷ đồng (2022-2023) disagrees with its split by year, which sums to 100 tỷ đồng (2022: 50 tỷ đồng; 2023: 50 tỷ đồng)"}},
		{"table rows against the total row", "PHỤ LỤC 1 GIAI ĐOẠN 2016 - 2020\n\nĐơn vị tính: triệu đồng" + plTable, nil},
		{"prose against a table total row", "Tổng kinh phí giai đoạn 2016 - 2020: 8.800 triệu đồng.\n\nPHỤ LỤC 1 GIAI ĐOẠN 2016 - 2020\n\nĐơn vị tính: triệu đồng" + plTable,
			[]string{"budget: the stated total 8.800 triệu đồng (2016-2020) disagrees with PHỤ LỤC 1's total row, 8.790 triệu đồng"}},
		{"detail rows 1.1, 1.2 are not counted twice", "PHỤ LỤC 1\n\nĐơn vị tính: triệu đồng\n\nSTT\n\nNội dung\n\nKinh phí\n\n1\n\nHạ tầng\n\n100\n\n1.1\n\nMạng LAN\n\n60\n\n1.2\n\nMáy chủ\n\n40\n\n2\n\nĐào tạo\n\n10\n\n \n\nTổng cộng\n\n110\n", nil},
		{"prose against the rows of a table without a total row", "Tổng kinh phí năm 2022: 9.000 triệu đồng.\n\nPHỤ LỤC 1 NĂM 2022\n\nĐơn vị tính: triệu đồng\n\nSTT\n\nNội dung\n\nKinh phí\n\n1\n\nDự án A\n\n5.866\n\n2\n\nDự án B\n\n2.924\n",
			[]string{"budget: the stated total 9.000 triệu đồng (2022) disagrees with the rows of PHỤ LỤC 1, which sum to 8.790 triệu đồng"}},
		{"rows against a wrong total row", "PHỤ LỤC 1\n\nĐơn vị tính: triệu đồng\n\nSTT\n\nNội dung\n\nKinh phí\n\n1\n\nDự án A\n\n5.866\n\n2\n\nDự án B\n\n2.924\n\n \n\nTổng cộng\n\n8.800\n",
			[]string{`budget: PHỤ LỤC 1, column "Kinh phí": the rows sum to 8.790 triệu đồng but the total row states 8.800 triệu đồng`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := run(tc.in)
			if len(x.Warnings) != len(tc.warns) {
				t.Fatalf("warnings = %q, want %q", x.Warnings, tc.warns)
			}
			for i := range tc.warns {
				if x.Warnings[i] != tc.warns[i] {
					t.Errorf("warning %d = %q, want %q", i, x.Warnings[i], tc.warns[i])
				}
			}
		})
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		v, f int64
		want string
	}{{21243000000, 1e6, "21.243 triệu đồng"}, {16368600000, 1e6, "16.368,6 triệu đồng"}, {33228453443, 1, "33.228.453.443 đồng"}, {0, 1e6, "0 triệu đồng"}} {
		if got := Format(tc.v, tc.f); got != tc.want {
			t.Errorf("Format(%d, %d) = %q, want %q", tc.v, tc.f, got, tc.want)
		}
	}
}

func readSample(t testing.TB, name string) string {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// The stated totals of the samples (issue 7) and what the consistency
// check finds on each.
func TestSamples(t *testing.T) {
	for _, tc := range []struct {
		file  string
		has   []want
		warns []string
	}{
		{"000_64c392787df719ee.txt", []want{{"total", 16368600000, "", "2021", ""}, {"source", 16368600000, "ngân sách địa phương", "2021", ""}, {"source", 16368600000, "sự nghiệp", "2021", ""}, {"source", 0, "ngân sách trung ương", "2021", ""}}, nil},
		{"001_04c4a298a9751e71.txt", nil, nil},
		{"002_dd0f6087aed52522.txt", []want{{"total", 21243000000, "", "2016-2020", ""}, {"source", 3686000000, "sự nghiệp", "2016-2020", ""}, {"source", 18043000000, "đầu tư", "2016-2020", ""}, {"source", 97657000000, "sự nghiệp", "2021-2025", ""}, {"source", 107000000000, "đầu tư", "2021-2025", ""}},
			[]string{"budget: the stated total 21.243 triệu đồng (2016-2020) disagrees with PHỤ LỤC 1's total row, 21.729 triệu đồng (3.686 + 18.043 triệu đồng)"}},
		{"003_a12ddbcff1a202a2.txt", []want{{"total", 33228453443, "", "2016-2020", ""}, {"source", 18228855443, "sự nghiệp", "2016-2020", ""}, {"source", 14999598000, "đầu tư", "2016-2020", ""}, {"source", 18228855000, "sự nghiệp", "2016-2020", ""}},
			[]string{
				"budget: the stated total 33.228.453.443 đồng (2016-2020) disagrees with its split by kind of spending, which sums to 33.228.453.000 đồng (đầu tư 14.999.598.000 đồng + sự nghiệp 18.228.855.000 đồng)",
				"budget: the stated sự nghiệp 18.228.855.000 đồng (2016-2020) disagrees with PHỤ LỤC I's total row, 18.228.855.443 đồng",
			}},
		{"004_9fba268cafe1d6b9.txt", []want{{"total", 83589000000, "", "2021", ""}, {"total", 729340000000, "", "2022", ""}, {"total", 640563000000, "", "2022", ""}},
			[]string{`budget: PHỤ LỤC 3 has no unit line of its own; its figures read as triệu đồng from the unit line "Đơn vị tính: Triệu đồng"`}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc := docOf(strings.ReplaceAll(readSample(t, tc.file), "\u00a0", " "))
			x := &corpus.Extraction{}
			Extract(doc, x)
			for _, w := range tc.has {
				found := false
				for _, b := range x.Budgets {
					if b.Kind == w.kind && b.AmountVND == w.vnd && b.Source == w.source && years(b) == w.years {
						found = true
					}
					if b.Quote != doc.Text[b.Span.Start:b.Span.End] {
						t.Errorf("budget %+v: quote is not the text under its span", b)
					}
				}
				if !found {
					t.Errorf("missing budget %+v in %+v", w, x.Budgets)
				}
			}
			if len(x.Warnings) != len(tc.warns) {
				t.Errorf("warnings = %q, want %d", x.Warnings, len(tc.warns))
			}
			for i, w := range tc.warns {
				if i < len(x.Warnings) && !strings.HasPrefix(x.Warnings[i], w) {
					t.Errorf("warning %d = %q, want %q...", i, x.Warnings[i], w)
				}
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	var docs []*corpus.Document
	n := 0
	for _, f := range []string{"000_64c392787df719ee.txt", "002_dd0f6087aed52522.txt", "003_a12ddbcff1a202a2.txt", "004_9fba268cafe1d6b9.txt"} {
		d := docOf(readSample(b, f))
		docs = append(docs, d)
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Extract(d, &corpus.Extraction{})
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Tổng kinh phí năm 2021: 16.368,6 triệu đồng⁽²⁾.\n\n⁽²⁾ Trong đó: Ngân sách trung ương: 0 triệu đồng; khoảng 0,5% chi ngân sách hàng năm")
	f.Add("PHỤ LỤC 3\n\nĐơn vị tính: triệu đồng" + plTable)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		doc := docOf(s)
		x := &corpus.Extraction{}
		Extract(doc, x)
		for _, b := range x.Budgets {
			if !b.Span.Valid(doc.Text) || b.Quote != doc.Text[b.Span.Start:b.Span.End] {
				t.Fatalf("budget %+v: bad span or quote", b)
			}
		}
		for _, r := range x.Rules {
			if !r.Span.Valid(doc.Text) || r.Quote != doc.Text[r.Span.Start:r.Span.End] {
				t.Fatalf("rule %+v: bad span or quote", r)
			}
		}
	})
}
