// Command gen writes a synthetic corpus of plans made from the samples
// (see package synth) as .txt files, for benchmarks.
//
//	go run ./index/synth/gen -n 10000 -out /tmp/corpus10k
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"kehoach"
	"kehoach/corpus/province"
	"kehoach/index/synth"
)

// provinceOf finds the province a sample names most often.
func provinceOf(text string) string {
	best, n := "", 0
	for _, p := range province.All() {
		if c := strings.Count(text, p.Name); c > n {
			best, n = p.Name, c
		}
	}
	return best
}

func main() {
	log.SetPrefix("gen: ")
	log.SetFlags(0)
	n := flag.Int("n", 10000, "documents")
	out := flag.String("out", "", "directory to write")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		log.Fatal("no -out given")
	}
	names, _ := filepathGlob()
	var samples []synth.Sample
	for _, name := range names {
		b, err := kehoach.Samples.ReadFile(name)
		if err != nil {
			log.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		samples = append(samples, synth.Sample{Name: base, Text: string(b), Province: provinceOf(string(b))})
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	var total int64
	for _, d := range synth.Generate(samples, *n, *seed) {
		if err := os.WriteFile(filepath.Join(*out, d.Name+".txt"), []byte(d.Text), 0o644); err != nil {
			log.Fatal(err)
		}
		total += int64(len(d.Text))
	}
	fmt.Printf("gen: %d documents, %d bytes of text in %s\n", *n, total, *out)
}

func filepathGlob() ([]string, error) {
	es, err := kehoach.Samples.ReadDir("testdata/corpus")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".txt") {
			out = append(out, "testdata/corpus/"+e.Name())
		}
	}
	return out, nil
}
