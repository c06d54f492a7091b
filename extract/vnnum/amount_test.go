package vnnum

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in         string
		want       int64
		unit, qual string
		ok         bool
	}{
		{"16.368,6 triệu đồng", 16368600000, "triệu đồng", "", true},
		{"33.228.453.443 đồng", 33228453443, "đồng", "", true},
		{"16 tỷ 368 triệu đồng", 16368000000, "tỷ đồng", "", true},
		{"16 tỉ 368 triệu đồng", 16368000000, "tỉ đồng", "", true},
		{"2 tỷ 5 trăm đồng", 0, "", "", false},
		{"500 nghìn đồng", 500000, "nghìn đồng", "", true},
		{"500 ngàn đồng", 500000, "ngàn đồng", "", true},
		{"1,5 nghìn tỷ đồng", 1500000000000, "nghìn tỷ đồng", "", true},
		{"21.243 triệu đồng", 21243000000, "triệu đồng", "", true},
		{"83.589 Triệu đồng", 83589000000, "triệu đồng", "", true},
		{"31.730 tỉ đồng", 31730000000000, "tỉ đồng", "", true},
		{"42,2 triệu đồng", 42200000, "triệu đồng", "", true},
		{"0 triệu đồng", 0, "triệu đồng", "", true},
		{"khoảng 5 tỷ đồng", 5000000000, "tỷ đồng", "khoảng", true},
		{"dự kiến 200 triệu đồng", 200000000, "triệu đồng", "dự kiến", true},
		{"trên 1.000 tỷ đồng", 1000000000000, "tỷ đồng", "trên", true},
		{"hơn 22 tỷ đồng", 22000000000, "tỷ đồng", "hơn", true},
		{"150.000 VNĐ", 150000, "vnđ", "", true},
		{"150.000đ", 150000, "đ", "", true},
		{"1.500 trđ", 1500000000, "tr đ", "", true},
		{"1.500 tr.đ", 1500000000, "tr. đ", "", true},
		{"3.5 tỷ đồng", 3500000000, "tỷ đồng", "", true},
		{"1.25 tỷ đồng", 1250000000, "tỷ đồng", "", true},
		{"1.250 triệu đồng", 1250000000, "triệu đồng", "", true},
		{"nhóm trđ", 0, "", "", false},
		{"7 tỷ", 0, "", "", false},
		{"16.368,6", 0, "", "", false},
		{"năm 2021 đồng thời", 0, "", "", false},
		{"", 0, "", "", false},
		{"5 triệu đồng và 6 triệu đồng", 0, "", "", false},
	} {
		got, ok := ParseAmount(tc.in)
		if ok != tc.ok || (ok && (got.VND != tc.want || got.Unit != tc.unit || got.Qualifier != tc.qual)) {
			t.Errorf("ParseAmount(%q) = %+v, %v, want %d %q %q, %v", tc.in, got, ok, tc.want, tc.unit, tc.qual, tc.ok)
		}
	}
}

func TestFindAmounts(t *testing.T) {
	s := "Trong đó: Ngân sách trung ương: 0 triệu đồng; Ngân sách địa phương: 16.368,6 triệu đồng; năm 2021 đồng thời 5362/QĐ 3 đồng bộ; dự kiến khoảng 16 tỷ 368 triệu đồng⁽²⁾."
	got := FindAmounts(s)
	want := []struct {
		quote string
		vnd   int64
		qual  string
	}{{"0 triệu đồng", 0, ""}, {"16.368,6 triệu đồng", 16368600000, ""}, {"16 tỷ 368 triệu đồng", 16368000000, "khoảng"}}
	if len(got) != len(want) {
		t.Fatalf("FindAmounts = %+v, want %d amounts", got, len(want))
	}
	for i, w := range want {
		if q := s[got[i].Start:got[i].End]; q != w.quote || got[i].VND != w.vnd || got[i].Qualifier != w.qual {
			t.Errorf("FindAmounts[%d] = %q %d %q, want %q %d %q", i, q, got[i].VND, got[i].Qualifier, w.quote, w.vnd, w.qual)
		}
	}
}

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		in    string
		scale int64
		want  int64
		ok    bool
	}{
		{"2.000", 1e6, 2000000000, true},
		{"7000", 1e6, 7000000000, true},
		{"18.228.855.443", 1, 18228855443, true},
		{"16.368,6", 1e6, 16368600000, true},
		{"0", 1e6, 0, true},
		{" ", 1e6, 0, false},
		{"\u00a0", 1e6, 0, false},
		{"Sở Nội vụ", 1e6, 0, false},
		{"5 tỷ đồng", 1e6, 5000000000, true},
		{"1 000", 1e6, 1000000000, true},
	} {
		got, ok := ParseCell(tc.in, tc.scale)
		if ok != tc.ok || got != tc.want {
			t.Errorf("ParseCell(%q, %d) = %d, %v, want %d, %v", tc.in, tc.scale, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"16.368,6 triệu đồng", "33.228.453.443 đồng", "16 tỷ 368 triệu đồng", "khoảng 5 tỉ đồng", "9999999999999999999 nghìn tỷ đồng", "1đ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range FindAmounts(s) {
			if a.Start < 0 || a.End > len(s) || a.Start > a.End || a.QStart > a.Start {
				t.Fatalf("FindAmounts(%q): bad offsets %+v", s, a)
			}
			if !strings.HasPrefix(strings.ToLower(s[a.End-len(lastWord(a.Unit)):a.End]), lastWord(a.Unit)) && a.Unit != "" {
				// the unit's currency word ends the span
				t.Fatalf("FindAmounts(%q): span %q does not end with %q", s, s[a.Start:a.End], a.Unit)
			}
		}
		for _, a := range FindScaled(s) {
			if a.Start < 0 || a.End > len(s) || a.Start > a.End || a.QStart > a.Start {
				t.Fatalf("FindScaled(%q): bad offsets %+v", s, a)
			}
		}
		ParseAmount(s)
		ParseCell(s, 1e6)
	})
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func BenchmarkFindAmounts(b *testing.B) {
	s := strings.Repeat("Tổng kinh phí thực hiện năm 2021: 16.368,6 triệu đồng; trong đó ngân sách địa phương 16 tỷ 368 triệu đồng, đồng thời bảo đảm đồng bộ. ", 50)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		FindAmounts(s)
	}
}

func BenchmarkFindAmountsSample(b *testing.B) {
	raw, err := os.ReadFile("../../testdata/corpus/003_a12ddbcff1a202a2.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		FindAmounts(s)
	}
}

func TestFindScaled(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int64
	}{
		{"Tổng kinh phí khoảng 50 tỷ.", []int64{50000000000}},
		{"(năm 2021 đã cấp 5.000 triệu)", []int64{5000000000}},
		{"16 tỷ 368 triệu; và 5 triệu lượt truy cập, 2 tỷ USD", []int64{16368000000}},
		{"16 tỷ đồng", nil},
		{"300 nghìn.", nil},
	} {
		var got []int64
		for _, a := range FindScaled(tc.in) {
			got = append(got, a.VND)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("FindScaled(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
