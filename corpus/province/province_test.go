package province

import (
	"fmt"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCounts(t *testing.T) {
	if n := len(All()); n != 63 {
		t.Errorf("len(All()) = %d, want 63", n)
	}
	if n := len(New()); n != 34 {
		t.Errorf("len(New()) = %d, want 34", n)
	}
	cities := 0
	for _, u := range New() {
		if u.City {
			cities++
		}
	}
	if cities != 6 {
		t.Errorf("cities in 2025 = %d, want 6", cities)
	}
	merged := 0
	for _, u := range New() {
		merged += len(u.Merged)
	}
	if merged != 63 {
		t.Errorf("sum of merged = %d, want 63", merged)
	}
}

func TestNoAmbiguousKeys(t *testing.T) {
	for name, m := range map[string]map[string]int{"exact": reg().exact, "folded": reg().folded, "compact": reg().compact} {
		for k, i := range m {
			if i == ambiguous {
				t.Errorf("%s key %q is shared by two provinces", name, k)
			}
		}
	}
}

func TestEveryNameAndVariantResolves(t *testing.T) {
	for _, p := range All() {
		for _, n := range append([]string{p.Name}, p.Variants...) {
			got, ok := Lookup(n)
			if !ok || got.Code != p.Code {
				t.Errorf("Lookup(%q) = %q, %v; want %q", n, got.Name, ok, p.Name)
			}
		}
	}
	for _, u := range New() {
		got, ok := LookupNow(u.Name)
		if !ok || got.Code != u.Code {
			t.Errorf("LookupNow(%q) = %q, %v; want code %s", u.Name, got.Name, ok, u.Code)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		in, name, now string // name "" means no match
	}{
		{"Kon Tum", "Kon Tum", "Quảng Ngãi"},
		{"tỉnh Kon Tum", "Kon Tum", "Quảng Ngãi"},
		{"KON TUM", "Kon Tum", "Quảng Ngãi"},
		{"Kontum", "Kon Tum", "Quảng Ngãi"},
		{"kon tum", "Kon Tum", "Quảng Ngãi"},
		{"UBND tỉnh Kon Tum", "Kon Tum", "Quảng Ngãi"},
		{"Ủy ban nhân dân tỉnh Vĩnh Phúc", "Vĩnh Phúc", "Phú Thọ"},
		{"Uỷ ban nhân dân tỉnh Vĩnh Phúc", "Vĩnh Phúc", "Phú Thọ"},
		{"vinh phuc", "Vĩnh Phúc", "Phú Thọ"},
		{"Khánh Hoà", "Khánh Hòa", "Khánh Hòa"},
		{"khanh hoa", "Khánh Hòa", "Khánh Hòa"},
		{"Hoà Bình", "Hòa Bình", "Phú Thọ"},
		{"Thanh Hoá", "Thanh Hóa", "Thanh Hóa"},
		{"Bình Định", "Bình Định", "Gia Lai"},
		{"Cao Bằng", "Cao Bằng", "Cao Bằng"},
		{"Quảng Ngãi", "Quảng Ngãi", "Quảng Ngãi"},
		{"TP.HCM", "Hồ Chí Minh", "Hồ Chí Minh"},
		{"TPHCM", "Hồ Chí Minh", "Hồ Chí Minh"},
		{"TP. Hồ Chí Minh", "Hồ Chí Minh", "Hồ Chí Minh"},
		{"Thành phố Hồ Chí Minh", "Hồ Chí Minh", "Hồ Chí Minh"},
		{"Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
		{"Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
		{"Thừa Thiên - Huế", "Thừa Thiên Huế", "Huế"},
		{"Thành phố Huế", "Thừa Thiên Huế", "Huế"},
		{"Đắc Lắc", "Đắk Lắk", "Đắk Lắk"},
		{"Đăk Nông", "Đắk Nông", "Lâm Đồng"},
		{"Bắc Cạn", "Bắc Kạn", "Thái Nguyên"},
		{"Da Nang", "Đà Nẵng", "Đà Nẵng"},
		{"Haiphong", "Hải Phòng", "Hải Phòng"},
		{"Hanoi", "Hà Nội", "Hà Nội"},
		{"thành phố Hà Nội", "Hà Nội", "Hà Nội"},
		{"Ha Nam", "Hà Nam", "Ninh Bình"},
		{norm.NFD.String("Vĩnh Phúc"), "Vĩnh Phúc", "Phú Thọ"},
		{"  Quảng   Nam ", "Quảng Nam", "Đà Nẵng"},
		{"Quang Nam province", "Quảng Nam", "Đà Nẵng"},
		{"", "", ""},
		{"Việt Nam", "", ""},
		{"tỉnh", "", ""},
		{"Bộ Thông tin và Truyền thông", "", ""},
	} {
		p, ok := Lookup(tc.in)
		if ok != (tc.name != "") || p.Name != tc.name || p.Now != tc.now {
			t.Errorf("Lookup(%q) = (%q, now %q), %v; want (%q, now %q)", tc.in, p.Name, p.Now, ok, tc.name, tc.now)
		}
	}
}

func TestMappingSpotChecks(t *testing.T) {
	for _, tc := range []struct{ code, nowCode, now string }{
		{"15", "15", "Lào Cai"}, // Yên Bái hosts the centre
		{"10", "15", "Lào Cai"},
		{"24", "24", "Bắc Ninh"},
		{"52", "52", "Gia Lai"},
		{"80", "80", "Tây Ninh"},
		{"45", "44", "Quảng Trị"},
		{"62", "51", "Quảng Ngãi"},
		{"26", "25", "Phú Thọ"},
	} {
		p, ok := ByCode(tc.code)
		if !ok || p.NowCode != tc.nowCode || p.Now != tc.now {
			t.Errorf("ByCode(%s) = %+v, want now %s %s", tc.code, p, tc.nowCode, tc.now)
		}
		u, ok := UnitByCode(tc.nowCode)
		if !ok || u.Name != tc.now {
			t.Errorf("UnitByCode(%s) = %+v", tc.nowCode, u)
		}
	}
	if s := (Province{Name: "Khánh Hòa"}).Slug(); s != "khanh_hoa" {
		t.Errorf("Slug = %q, want khanh_hoa", s)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Kon Tum", "tỉnh Khánh Hoà", "TP.HCM", "tp", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := Lookup(s)
		if ok {
			if q, ok2 := Lookup(p.Name); !ok2 || q.Code != p.Code {
				t.Errorf("Lookup(%q) = %q but its name does not resolve back", s, p.Name)
			}
		}
	})
}

func ExampleLookup() {
	p, _ := Lookup("UBND tỉnh Kon Tum")
	fmt.Println(p.Name, p.Code, "->", p.Now, p.NowCode)
	// Output: Kon Tum 62 -> Quảng Ngãi 51
}
