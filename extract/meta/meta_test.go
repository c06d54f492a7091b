package meta

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"kehoach/corpus"
)

func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       corpus.DocMeta
	}{{
		name: "decision header",
		text: "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 1234 /QĐ-UBND\n\nLào Cai, ngày 05 tháng 3 năm 2021\n\nQUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch chuyển đổi số tỉnh Lào Cai giai đoạn 2021 – 2025\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
		want: corpus.DocMeta{Number: "1234/QĐ-UBND", Type: "Quyết định", Issuer: "UBND tỉnh Lào Cai", Province: "Lào Cai", ProvinceNow: "Lào Cai", IssueDate: "2021-03-05",
			Title: "Về việc ban hành Kế hoạch chuyển đổi số tỉnh Lào Cai giai đoạn 2021 – 2025", Period: &corpus.Period{From: 2021, To: 2025}},
	}, {
		name: "plan with a city as place and old tone marks",
		text: "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HOÀ\n\nSố: 56/KH-UBND\n\nNha Trang, ngày 9 tháng 1 năm 2022\n\nKẾ HOẠCH\n\nỨng dụng công nghệ thông tin năm 2022\n\nI. MỤC TIÊU\n",
		want: corpus.DocMeta{Number: "56/KH-UBND", Type: "Kế hoạch", Issuer: "UBND tỉnh Khánh Hòa", Province: "Khánh Hòa", ProvinceNow: "Khánh Hòa", IssueDate: "2022-01-09",
			Title: "Ứng dụng công nghệ thông tin năm 2022", Period: &corpus.Period{From: 2022, To: 2022}},
	}, {
		name: "blank number, number from the appendix heading",
		text: "Số: /STTTT\n\nHà Giang, ngày 16 tháng 7 năm 2018\n\nV/v hướng dẫn xây dựng kế hoạch\nnăm 2019\n\nKính gửi: các sở\n\nPHỤ LỤC\n(Kèm theo Công văn số 790/STTTT ngày 16/7/2018 của Sở)\n",
		want: corpus.DocMeta{Number: "790/STTTT", Type: "Công văn", Issuer: "Sở Thông tin và Truyền thông tỉnh Hà Giang", Province: "Hà Giang", ProvinceNow: "Tuyên Quang", IssueDate: "2018-07-16",
			Title: "hướng dẫn xây dựng kế hoạch năm 2019", Period: &corpus.Period{From: 2019, To: 2019}},
	}, {
		name: "no header: portal title line and self-reference with a wrapped date",
		text: "Kế hoạch 77/KH-UBND 2023 chuyển đổi số Bến Tre 2024\n\nKẾ HOẠCH\n\nCHUYỂN ĐỔI SỐ TỈNH BẾN TRE NĂM 2024\n\nPhụ lục 1\n(Kèm theo Kế hoạch số 77/KH-UBND ngày 28 /12/2023 của UBND tỉnh Bến Tre)\n",
		want: corpus.DocMeta{Number: "77/KH-UBND", Type: "Kế hoạch", Issuer: "UBND tỉnh Bến Tre", Province: "Bến Tre", ProvinceNow: "Vĩnh Long", IssueDate: "2023-12-28",
			Title: "CHUYỂN ĐỔI SỐ TỈNH BẾN TRE NĂM 2024", Period: &corpus.Period{From: 2024, To: 2024}},
	}, {
		name: "PDF layout: number and date on one line, Căn cứ dates not taken",
		text: "UBND TỈNH ĐỒNG THÁP   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 310/KH-UBND     TP. Cao Lãnh, ngày 30 tháng 11 năm 2020\n\nKẾ HOẠCH\n\nChuyển đổi số tỉnh Đồng Tháp đến năm 2025\n\nCăn cứ Luật An toàn thông tin mạng, ngày 19 tháng 11 năm 2015;\n",
		want: corpus.DocMeta{Number: "310/KH-UBND", Type: "Kế hoạch", Issuer: "UBND tỉnh Đồng Tháp", Province: "Đồng Tháp", ProvinceNow: "Đồng Tháp", IssueDate: "2020-11-30",
			Title: "Chuyển đổi số tỉnh Đồng Tháp đến năm 2025", Period: &corpus.Period{From: 2020, To: 2025}},
	}, {
		name: "unnumbered draft: body references to other documents are not its number",
		text: "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nSố:        /QĐ-UBND\n\nHà Tĩnh, ngày     tháng 12 năm 2022\n\nQUYẾT ĐỊNH\n\nBan hành Kế hoạch năm 2023\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nKẾ HOẠCH\n(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày    /12/2022 của UBND tỉnh)\n\n1. Cập nhật Kiến trúc phù hợp Khung Kiến trúc ban hành kèm theo Quyết định số 2323/QĐ-BTTTT ngày 31/12/2019 của Bộ.\n",
		want: corpus.DocMeta{Type: "Quyết định", Issuer: "UBND tỉnh Hà Tĩnh", Province: "Hà Tĩnh", ProvinceNow: "Hà Tĩnh",
			Title: "Ban hành Kế hoạch năm 2023", Period: &corpus.Period{From: 2023, To: 2023}},
	}, {
		name: "nothing to read",
		text: "một đoạn văn bản không có tiêu đề\n",
		want: corpus.DocMeta{},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			x := &corpus.Extraction{}
			Extract(&corpus.Document{Text: tc.text}, x)
			got := x.Document
			got.NumberSpan, got.DateSpan = nil, nil
			if fmt.Sprintf("%+v %v", stripPeriod(got), got.Period) != fmt.Sprintf("%+v %v", stripPeriod(tc.want), tc.want.Period) {
				t.Errorf("Extract() =\n %+v %v\nwant\n %+v %v", stripPeriod(got), got.Period, stripPeriod(tc.want), tc.want.Period)
			}
		})
	}
}

func stripPeriod(d corpus.DocMeta) corpus.DocMeta { d.Period = nil; return d }

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		title  string
		issued int
		want   string
	}{
		{"Kế hoạch ứng dụng CNTT giai đoạn 2021 - 2025", 2020, "2021-2025"},
		{"Kế hoạch chuyển đổi số năm 2022", 2021, "2022-2022"},
		{"Kết quả thực hiện chuyển đổi số năm 2023 và phương hướng, nhiệm vụ năm 2024", 2023, "2023-2024"},
		{"Kế hoạch ứng dụng CNTT năm 2021, định hướng đến năm 2025", 2020, "2021-2021"},
		{"Chương trình chuyển đổi số đến năm 2025, định hướng đến năm 2030", 2021, "2021-2025"},
		{"Báo cáo tình hình năm 2019 và năm 2022", 2022, "2019-2019"},
		{"không có năm", 2020, "<nil>"},
	} {
		got := "<nil>"
		if p := period(tc.title, tc.issued); p != nil {
			got = fmt.Sprintf("%d-%d", p.From, p.To)
		}
		if got != tc.want {
			t.Errorf("period(%q, %d) = %s, want %s", tc.title, tc.issued, got, tc.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2893/QĐ-UBND", "2893/QĐ-UBND"},
		{"1206 /qđ-ubnd", "1206/QĐ-UBND"},
		{"749/QĐ-TTG", "749/QĐ-TTg"},
		{"56/ 2015/ NĐ - CP", "56/2015/NĐ-CP"},
		{"3885/UBND –KGVX", "3885/UBND-KGVX"},
		{"52-NQ/TW", "52-NQ/TW"},
		{"79/ttr-STTTT", "79/TTr-STTTT"},
	} {
		if got := Canonical(tc.in); got != tc.want {
			t.Errorf("Canonical(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTypeOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2893/QĐ-UBND", "Quyết định"}, {"326/KH-UBND", "Kế hoạch"}, {"52-NQ/TW", "Nghị quyết"},
		{"790/STTTT", "Công văn"}, {"2606/BTTTT-THH-ATTT", "Công văn"}, {"64/2007/NĐ-CP", "Nghị định"},
		{"402-CV/TU", "Công văn"}, {"57-CTr/TU", "Chương trình"},
	} {
		if got := TypeOf(tc.in); got != tc.want {
			t.Errorf("TypeOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Số: 12/QĐ-UBND\nHà Nội, ngày 1 tháng 2 năm 2020\nQUYẾT ĐỊNH\nVề việc giai đoạn 2021-2025\n")
	f.Add("(Kèm theo Kế hoạch số 1/KH-UBND ngày 31 /12/2021)")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // ingest only ever makes valid UTF-8 texts
		}
		x := &corpus.Extraction{}
		Extract(&corpus.Document{Text: s}, x)
		for _, sp := range []*corpus.Span{x.Document.NumberSpan, x.Document.DateSpan} {
			if sp != nil && !sp.Valid(s) {
				t.Fatalf("span %v outside text", *sp)
			}
		}
	})
}
