package vifold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestToneNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"hoà", "hòa"},
		{"Hoà Bình", "Hòa Bình"},
		{"Khánh Hoà", "Khánh Hòa"},
		{"thuỷ", "thủy"},
		{"khoẻ", "khỏe"},
		{"Thanh Hoá", "Thanh Hóa"},
		{"hòa", "hòa"},
		{"hoàng", "hoàng"},
		{"hòang", "hoàng"},
		{"quý", "quý"},
		{"quỳ", "quỳ"},
		{"uỷ ban", "ủy ban"},
		{"Uỷ ban", "Ủy ban"},
		{"thuỳ", "thùy"},
		{"hoài", "hoài"},
		{"hòai", "hoài"},
		{"xoáy", "xoáy"},
		{"hoặc", "hoặc"},
		{"huyện", "huyện"},
		{"toà án", "tòa án"},
		{"", ""},
		{"ascii only", "ascii only"},
	} {
		if got := ToneNormalize(tc.in); got != tc.want {
			t.Errorf("ToneNormalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Việt Nam", "Viet Nam"},
		{"Đắk Lắk", "Dak Lak"},
		{"dịch vụ công mức độ 4", "dich vu cong muc do 4"},
		{"Bà Rịa – Vũng Tàu", "Ba Ria – Vung Tau"},
		{"ỳ ỷ ỹ ỵ ý", "y y y y y"},
		{"ĐƯỜNG", "DUONG"},
		{"plain", "plain"},
		{"e\u0301", "e"}, // NFD
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := HasDiacritics(tc.in); got != (tc.in != tc.want) {
			t.Errorf("HasDiacritics(%q) = %v", tc.in, got)
		}
	}
}

func FuzzToneNormalize(f *testing.F) {
	for _, s := range []string{"hoà", "thuỷ", "quý", "hòang", "Đắk"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := ToneNormalize(s)
		if ToneNormalize(n) != n {
			t.Errorf("not idempotent: %q -> %q -> %q", s, n, ToneNormalize(n))
		}
		if Fold(n) != Fold(s) {
			t.Errorf("Fold differs after ToneNormalize: %q vs %q", Fold(n), Fold(s))
		}
	})
}

func TestAppendFoldLower(t *testing.T) {
	for _, in := range []string{"Việt Nam", "ĐẮK LẮK", "dịch vụ công", "Hoà", "x\u0301y", "ASCII", "Ωmega"} {
		want := Fold(strings.ToLower(in))
		if in == "x\u0301y" {
			want = "xy"
		}
		if got := string(AppendFoldLower(nil, []byte(in))); got != want {
			t.Errorf("AppendFoldLower(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzAppendFoldLower(f *testing.F) {
	f.Add("Việt Nam Đắk")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || hasMark(s) {
			return
		}
		if got, want := string(AppendFoldLower(nil, []byte(s))), Fold(strings.ToLower(s)); got != want {
			t.Errorf("AppendFoldLower(%q) = %q, want %q", s, got, want)
		}
	})
}

func hasMark(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || unicode.ToLower(r) != r && !unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
