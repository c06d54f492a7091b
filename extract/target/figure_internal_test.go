package target

import (
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
