package table

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// parseMarkerAll is parseMarker as first written, every pattern tried.
func parseMarkerAll(s string) (marker, []marker) {
	if len(s) > 16 {
		return marker{}, nil
	}
	s = fold(s)
	var alts []marker
	if m := reNum.FindStringSubmatch(s); m != nil {
		return marker{kind: mNum, n: atoi(m[1])}, nil
	}
	if reDotted.MatchString(s) {
		var p []int
		for _, x := range strings.Split(strings.TrimSuffix(s, "."), ".") {
			p = append(p, atoi(x))
		}
		return marker{kind: mDotted, path: p}, nil
	}
	var first marker
	if m := reRoman.FindStringSubmatch(s); m != nil {
		if v := roman(m[1]); v > 0 {
			first = marker{kind: mRoman, n: v}
		}
	}
	if m := reUpper.FindStringSubmatch(s); m != nil {
		u := marker{kind: mUpper, n: int(m[1][0]-'A') + 1}
		if first.kind == mNone {
			first = u
		} else {
			alts = append(alts, u)
		}
	}
	if first.kind != mNone {
		return first, alts
	}
	if m := reLower.FindStringSubmatch(s); m != nil {
		c := m[1] + m[2]
		n := int(c[0]-'a') + 1
		if c == "đ" {
			n = 4
		}
		return marker{kind: mLower, n: n}, nil
	}
	return marker{}, nil
}

func TestParseMarkerSameAsAllPatterns(t *testing.T) {
	cases := []string{"", " ", "1", "12.", "3)", "1.2", "1.2.3.", "I", "IV.", "V)", "X", "L", "C", "A", "B.", "a)", "đ.", "đ", "b", "x.", "Ⅳ", " 1 ", "**1**", "1.a"}
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(raw), "\n") {
			for _, w := range strings.Fields(l) {
				cases = append(cases, w)
			}
			cases = append(cases, l)
		}
	}
	for _, s := range cases {
		gm, ga := parseMarker(s)
		wm, wa := parseMarkerAll(s)
		if !reflect.DeepEqual(gm, wm) || !reflect.DeepEqual(ga, wa) {
			t.Errorf("parseMarker(%q) = %v, %v; want %v, %v", s, gm, ga, wm, wa)
		}
	}
}
