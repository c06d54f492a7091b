package target

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/ingest"
)

func TestParseCell(t *testing.T) {
	tests := []struct {
		in   string
		want string // "op value[..max] unit", "" for not a figure
	}{
		{"30", "= 30 "},
		{"30%", "= 30 %"},
		{"≥ 30%", ">= 30 %"},
		{">80", "> 80 "},
		{"tối thiểu 50%", ">= 50 %"},
		{"Trên 20%", "> 20 %"},
		{"30 - 50%", "range 30..50 %"},
		{"90,5%", "= 90.5 %"},
		{"80% trở lên", ">= 80 %"},
		{"2021-2025", ""},
		{"2025", ""},
		{"Sở TT&TT", ""},
		{"", ""},
		{"10/2022", ""},
	}
	for _, tc := range tests {
		tg, ok := parseCell(tc.in)
		got := ""
		if ok {
			v := trimF(tg.Value)
			if tg.ValueMax != nil {
				v += ".." + trimF(*tg.ValueMax)
			}
			got = tg.Comparator + " " + v + " " + tg.Unit
		}
		if got != tc.want {
			t.Errorf("parseCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func trimF(f float64) string { return fmt.Sprint(f) }

func TestIndicatorTable(t *testing.T) {
	text := "KẾ HOẠCH chuyển đổi số giai đoạn 2021 - 2025\n\nII. MỤC TIÊU\n\n" +
		"| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2020 | Năm 2023 | Năm 2025 |\n" +
		"|---|---|---|---|---|---|\n" +
		"| 1 | Tỷ lệ dịch vụ công trực tuyến mức độ 4 | % | 12 | 50 | ≥ 80 |\n" +
		"| 2 | Số bộ dữ liệu mở được công bố | bộ dữ liệu | | 5 | 10 |\n" +
		"| 3 | Tỷ lệ hộ gia đình có điện thoại cố định | % | 40 | 30 | 20 |\n" +
		"| 4 | Xây dựng trung tâm dữ liệu | | | 2021-2025 | |\n"
	doc, err := ingest.Bytes("t.md", "md", []byte(text), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) == 0 {
		t.Skip("ingest recovered no table from the pipe table")
	}
	x := &corpus.Extraction{}
	x.Document.Period = &corpus.Period{From: 2021, To: 2025}
	Extract(doc, x)
	var got []string
	for _, tg := range x.Targets {
		if !strings.HasPrefix(tg.Note, "table:") {
			continue
		}
		if tg.Span.In(doc.Text) != tg.Quote {
			t.Errorf("quote %q is not the text under %v", tg.Quote, tg.Span)
		}
		got = append(got, render(tg)+" "+tg.Indicator)
	}
	want := []string{
		"achieved = 12 % y=2020 gov.dvc_l4_share",
		"target = 50 % y=2023 gov.dvc_l4_share",
		"target >= 80 % y=2025 gov.dvc_l4_share",
		"target = 5 bộ dữ liệu y=2023 gov.open_data",
		"target = 10 bộ dữ liệu y=2025 gov.open_data",
		"achieved = 40 % y=2020 ",
		"target = 30 % y=2023 ",
		"target = 20 % y=2025 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("table targets:\n got: %q\nwant: %q", got, want)
	}
}

func TestReviewTable(t *testing.T) {
	text := "I. KẾT QUẢ THỰC HIỆN NĂM 2022\n\n" +
		"| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2022 | Thực hiện 2022 | Tỷ lệ hoàn thành (%) |\n" +
		"|---|---|---|---|---|---|\n" +
		"| 1 | Tỷ lệ hồ sơ giải quyết trực tuyến | % | 40 | 45,5 | 113 |\n"
	doc, err := ingest.Bytes("r.md", "md", []byte(text), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) == 0 {
		t.Skip("ingest recovered no table from the pipe table")
	}
	x := &corpus.Extraction{}
	x.Document.Period = &corpus.Period{From: 2023, To: 2023}
	Extract(doc, x)
	var got []string
	for _, tg := range x.Targets {
		got = append(got, render(tg)+" "+tg.Indicator)
	}
	want := []string{"target = 40 % y=2022 gov.dossier_online_share", "achieved = 45.5 % y=2022 gov.dossier_online_share"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("review table:\n got: %q\nwant: %q", got, want)
	}
}

func TestMoneyTableSkipped(t *testing.T) {
	tb := corpus.Table{Columns: []string{"STT", "Nội dung", "Kinh phí / 2021", "Kinh phí / 2022"}}
	if !moneyTable(tb) {
		t.Error("a table with Kinh phí columns is not a money table")
	}
	if moneyTable(corpus.Table{Columns: []string{"STT", "Chỉ tiêu", "Năm 2025"}}) {
		t.Error("an indicator table is a money table")
	}
}
