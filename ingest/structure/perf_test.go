package structure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepairLargeInputs runs the readers over inputs that would take
// quadratic time with a naive join or footnote search; it fails only by
// the test timeout.
func TestRepairLargeInputs(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("a¹ b\n\n¹ x\n\n", 5000),
		strings.Repeat("các c\n", 20000),
		strings.Repeat("I. A\n1. B\na) C\n", 5000),
		strings.Repeat("a¹", 20000) + "\n\n¹ x",
		strings.Repeat("\r", 100000),
		strings.Repeat("HỆ THỐNG\n", 20000),
	} {
		out := Repair(s)
		checkSpans(t, out)
	}
}

func BenchmarkRepair(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/corpus/0*.txt")
	var all strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(raw)
	}
	s := all.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		out := Repair(s)
		Sections(out)
		Notes(out)
	}
}
