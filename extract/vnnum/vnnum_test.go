package vnnum

import "testing"

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"30", 30, true},
		{"16.368,6", 16368.6, true},
		{"33.228.453.443", 33228453443, true},
		{"90,08", 90.08, true},
		{"0,5", 0.5, true},
		{"1.000", 1000, true}, // a lone dot before three digits groups thousands
		{"0.8002", 0.8002, true},
		{"5,907.00", 5907, true},
		{"1.2.3", 0, false},
		{"12.34.567", 0, false},
		{"", 0, false},
		{"abc", 0, false},
		{",5", 0, false},
		{"7000", 7000, true},
	} {
		got, ok := ParseNumber(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("ParseNumber(%q) = %v, %v, want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"10/4/2007", "2007-04-10"},
		{"ngày 10-4-2007", "2007-04-10"},
		{"31 /12/2021", "2021-12-31"},
		{"27 tháng 9 năm 2019", "2019-09-27"},
		{"ngày 03 tháng 6 năm 2020", "2020-06-03"},
		{"32/1/2020", ""},
		{"1/13/2020", ""},
	} {
		got, _ := ParseDate(tc.in)
		if got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnitScale(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{{"triệu đồng", 1e6}, {"Triệu đồng", 1e6}, {"tỷ đồng", 1e9}, {"tỉ đồng", 1e9}, {"đồng", 1}, {"nghìn đồng", 1e3}, {"nghìn tỷ đồng", 1e12}, {"Trđ", 1e6}, {"tr.đồng", 1e6}, {"Tr. đồng", 1e6}, {"1.000 đồng", 1e3}, {"1.000.000 đồng", 1e6}, {"1.000 người", 0}, {"người", 0}} {
		got, _ := UnitScale(tc.in)
		if got != tc.want {
			t.Errorf("UnitScale(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"16.368,6", "1.000", "0,5", "5,907.00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ParseNumber(s)
		ParseDate(s)
		UnitScale(s)
	})
}
