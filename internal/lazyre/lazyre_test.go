package lazyre

import (
	"reflect"
	"regexp"
	"testing"
)

// TestSameAsRegexp checks that every method answers as the compiled
// expression does.
func TestSameAsRegexp(t *testing.T) {
	const expr = `(\d+)/(\d+)`
	const s = "số 12/34 và 5/6"
	lz, re := New(expr), regexp.MustCompile(expr)
	tests := []struct {
		name      string
		got, want any
	}{
		{"String", lz.String(), re.String()},
		{"MatchString", lz.MatchString(s), re.MatchString(s)},
		{"FindStringSubmatchIndex", lz.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)},
		{"FindAllStringSubmatch", lz.FindAllStringSubmatch(s, -1), re.FindAllStringSubmatch(s, -1)},
		{"ReplaceAllString", lz.ReplaceAllString(s, "$2/$1"), re.ReplaceAllString(s, "$2/$1")},
		{"Split", lz.Split(s, -1), re.Split(s, -1)},
		{"NumSubexp", lz.NumSubexp(), re.NumSubexp()},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if lz.Re() != lz.Re() {
		t.Error("Re compiled the expression twice")
	}
}

// TestBadExprPanicsOnUse checks that New itself never compiles.
func TestBadExprPanicsOnUse(t *testing.T) {
	lz := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("MatchString on a bad expression did not panic")
		}
	}()
	lz.MatchString("x")
}
