package structure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrefilters checks that the cheap tests run before markerLine and
// headingOnly never say no to a line the regexps match: over every line
// of the samples and every character in front of a few line bodies.
func TestPrefilters(t *testing.T) {
	var lines []string
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(raw), "\n")...)
	}
	for r := rune(0); r < 0x2200; r++ {
		for _, rest := range []string{"", ". x", ") x", "ần I", "hương II:", "ục 3", "iều 4", "hụ lục", "ăn cứ", "ơi nhận:", "ính gửi", "iểu 1", "ẫu", "hi chú", "hú thích", "M. UBND", "T. CHỦ TỊCH", "UQ. x", ".1 x", "I. A"} {
			lines = append(lines, string(r)+rest, "  "+string(r)+rest)
		}
	}
	for _, l := range lines {
		if markerLine.MatchString(l) && !mayBeMarker(l) {
			t.Errorf("mayBeMarker(%q) = false, but markerLine matches", l)
		}
		if headingOnly.MatchString(l) && !mayBeHeadingOnly(l) {
			t.Errorf("mayBeHeadingOnly(%q) = false, but headingOnly matches", l)
		}
	}
}
