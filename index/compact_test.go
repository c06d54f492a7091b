package index

import "testing"

func TestPartialMerge(t *testing.T) {
	for _, c := range []struct {
		name string
		segs []segSize
		want bool
	}{
		{"one segment", []segSize{{100, 100}}, false},
		{"none", nil, false},
		{"one plan added to 10 000", []segSize{{10000, 10000}, {1, 1}}, true},
		{"small ones beside a large one", []segSize{{1, 1}, {10000, 10000}, {40, 40}, {3, 3}}, true},
		{"a bulk load", []segSize{{10000, 10000}, {1000, 1000}, {300, 300}}, false},
		{"just under an eighth", []segSize{{800, 800}, {99, 99}}, true},
		{"an eighth", []segSize{{800, 800}, {100, 100}}, false},
		{"many deletions in the large one", []segSize{{800, 1000}, {1, 1}}, false},
		{"a few deletions", []segSize{{990, 1000}, {1, 1}}, true},
		{"two equal", []segSize{{500, 500}, {500, 500}}, false},
		{"all empty", []segSize{{0, 10}, {0, 0}}, false},
	} {
		if _, got := partialMerge(c.segs); got != c.want {
			t.Errorf("%s: partialMerge(%v) = %v, want %v", c.name, c.segs, got, c.want)
		}
	}
}
