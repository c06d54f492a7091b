package target

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestNumberWord(t *testing.T) {
	for k, v := range numberWords {
		switch k[0] {
		case 'm', 'h', 'b', 'n', 's', 't', 'c':
		default:
			t.Errorf("numberWords key %q starts with a letter numberWord does not look up", k)
		}
		for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]} {
			if got, ok := numberWord(w); !ok || got != v {
				t.Errorf("numberWord(%q) = %v, %v; want %v, true", w, got, ok, v)
			}
		}
	}
	for _, w := range []string{"", "mộtt", "xã", "\u212aai", "m"} {
		if _, ok := numberWord(w); ok {
			t.Errorf("numberWord(%q) found a number", w)
		}
	}
}

func TestYearStatedAll(t *testing.T) {
	cases := []string{"", "năm 2025", "NĂM 2030 và Năm  2021, nĂm\t2022", "đến năm 20255", "năm 2025x năm 2026", "hnăm 2025", "năm\n2025", "ănăm 2024", "năm năm 2020"}
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(raw))
	}
	for _, s := range cases {
		got, want := yearStatedAll(s), yearStated.FindAllStringSubmatchIndex(s, -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("yearStatedAll(%.50q) = %v, want %v", s, got, want)
		}
	}
}
