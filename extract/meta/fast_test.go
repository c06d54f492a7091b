package meta

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fastCases are texts for checking the finders of fast.go against the
// plain regexps: the sample plans, the held-out plans and tricky bits.
func fastCases(t testing.TB) []string {
	cases := []string{
		"", "ngày", ", ngày 1 tháng 2 năm 2021", "Hà Nội, ngày 1 tháng 2 năm 2021",
		"Vĩnh Phúc,  ngày  31 tháng 12 năm 2021\nx", "a, ngày 123 tháng 1 năm 2020, Huế, ngày 01 tháng 02 năm 20211",
		strings.Repeat("a", 60) + ", ngày 1 tháng 2 năm 2021", "Số: 1, b, ngày 1 tháng 2 năm 2021",
		"Đà Nẵng, ngày\n1\ttháng 2 năm 2021", "x,ngày 1 tháng 2 năm 2021 y, ngày 3 tháng 4 năm 2022",
		"(Kèm theo Kế hoạch số 326/KH-UBND ngày 31/12/2021)", "  ( ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 1 tháng 2 năm 2021\nKÈM THEO Kế hoạch số 1/KH-UBND",
		"Ban\nhành\nkèm theo Quyết định số 2893/QĐ-UBND", "x kèm theo Quyết định số 1/QĐ-UBND", "\u212aèm theo Kế hoạch số 5/KH-UBND",
		"tỉnh Vĩnh Phúc và TỈNH LÀO CAI, thành phố Hà Nội, tp. Huế, atỉnh Kon Tum, TP Hồ Chí Minh tỉnh",
		"ÔTỉnh Bắc Giang_tỉnh Yên Bái 1tỉnh Nam Định",
		"\n \n  Số: 12/QĐ-UBND\nCăn cứ", "Số:  /STTTT  \n", "x Số: 1/KH\n\t\nSố 2/KH-UBND ", "  \n\nCăn cứ Luật", "CănCăn cứ", "Số:\n/KH-UBND\n",
	}
	for _, g := range []string{"../../testdata/corpus/*.txt", "../../testdata/heldout/corpus/*", "../../testdata/heldout2/corpus/*"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, string(raw))
		}
	}
	return cases
}

func checkFast(t *testing.T, s string) {
	t.Helper()
	if got, want := dateLineIndex(s), dateLine.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
		t.Errorf("dateLineIndex(%.60q) = %v, want %v", s, got, want)
	}
	var got [][]int
	eachSelfRef(s, func(m []int) bool { got = append(got, m); return true })
	if want := selfRef.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("eachSelfRef(%.60q) = %v, want %v", s, got, want)
	}
	if got, want := tinhAll(s), tinhRe.FindAllStringSubmatch(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("tinhAll(%.60q) = %q, want %q", s, got, want)
	}
	for _, l := range []lineRegexp{soLineAt, blankSoAt, canCuAt} {
		if got, want := l.index(s), l.re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s index(%.60q) = %v, want %v", l.re, s, got, want)
		}
		if got, want := l.submatch(s), l.re.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s submatch(%.60q) = %q, want %q", l.re, s, got, want)
		}
	}
}

func TestFastFinders(t *testing.T) {
	for _, s := range fastCases(t) {
		checkFast(t, s)
		// every line start of the real texts, as a text of its own
		if len(s) > 1000 {
			for i := 0; i < len(s); i += 997 {
				checkFast(t, s[i:min(len(s), i+3000)])
			}
		}
	}
}

func FuzzFastFinders(f *testing.F) {
	for _, s := range fastCases(f) {
		if len(s) < 2000 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) { checkFast(t, s) })
}
