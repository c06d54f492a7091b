package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkNFC(b *testing.B) {
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
		NFC(s)
	}
}
