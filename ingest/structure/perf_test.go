package structure

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestMutations runs the readers over random cuts and corruptions of the
// samples: spans must stay inside the text (a stand-in for FuzzRepair
// where the fuzzing engine runs slowly).
func TestMutations(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/0*.txt")
	r := rand.New(rand.NewSource(1))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 60; i++ {
			a := r.Intn(len(raw))
			b := min(len(raw), a+r.Intn(4000))
			s := []byte(string(raw[a:b]))
			for k := 0; k < r.Intn(8); k++ {
				if len(s) > 0 {
					s[r.Intn(len(s))] = "\n \u00a0-1.aIĐ¹"[r.Intn(12)]
				}
			}
			if !utf8.Valid(s) {
				s = []byte(strings.ToValidUTF8(string(s), ""))
			}
			checkSpans(t, Repair(string(s)))
		}
	}
}
