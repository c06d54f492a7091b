// Package synth builds synthetic corpora from the sample plans for
// benchmarks: each document is a sample with another province, its
// years shifted and its figures changed, so that documents differ the
// way plans from many provinces and years do.
package synth

import (
	"fmt"
	"math/rand"
	"regexp"
	"strconv"
	"strings"

	"kehoach/corpus"
	"kehoach/corpus/province"
)

// Sample is one seed document: its text and the province it names.
type Sample struct {
	Name     string
	Text     string
	Province string // as named in the text, "" when unknown
	Record   *corpus.Extraction
}

// Doc is one synthetic document.
type Doc struct {
	Name     string
	Text     string
	Province province.Province
	Shift    int // years added
	Record   *corpus.Extraction
}

var (
	yearRe    = regexp.MustCompile(`\b20[0-3]\d\b`)
	percentRe = regexp.MustCompile(`\b\d{1,2}(?:,\d+)?%`)
	amountRe  = regexp.MustCompile(`\b\d{1,3}(?:\.\d{3})+(?:,\d+)? (triệu|tỷ)`)
)

// Generate returns n documents made from the samples, deterministic for
// a seed.
func Generate(samples []Sample, n int, seed int64) []Doc {
	out := make([]Doc, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, One(samples, i, seed))
	}
	return out
}

var provs = province.All()

// One returns the i-th document of the corpus Generate makes.
func One(samples []Sample, i int, seed int64) Doc {
	r := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
	s := samples[i%len(samples)]
	p := provs[r.Intn(len(provs))]
	shift := r.Intn(7) - 3
	t := s.Text
	if s.Province != "" {
		t = strings.ReplaceAll(t, s.Province, p.Name)
		t = strings.ReplaceAll(t, strings.ToUpper(s.Province), strings.ToUpper(p.Name))
	}
	t = yearRe.ReplaceAllStringFunc(t, func(y string) string {
		v, _ := strconv.Atoi(y)
		return strconv.Itoa(v + shift)
	})
	t = percentRe.ReplaceAllStringFunc(t, func(string) string {
		return fmt.Sprintf("%d%%", 10+r.Intn(91))
	})
	t = amountRe.ReplaceAllStringFunc(t, func(a string) string {
		num, unit, _ := strings.Cut(a, " ")
		whole, frac, _ := strings.Cut(num, ",")
		v, _ := strconv.ParseInt(strings.ReplaceAll(whole, ".", ""), 10, 64)
		v = v * int64(50+r.Intn(100)) / 100
		g := group(v)
		if frac != "" {
			g += "," + frac
		}
		return g + " " + unit
	})
	t = fmt.Sprintf("Bản số %d\n\n%s", i+1, t)
	d := Doc{Name: fmt.Sprintf("%05d_%s_%s", i, p.Slug(), s.Name), Text: t, Province: p, Shift: shift}
	if s.Record != nil {
		x := *s.Record // shares the record lists: cheap for large corpora
		x.Document.Province, x.Document.ProvinceNow = p.Name, p.Now
		if x.Document.Period != nil {
			x.Document.Period = &corpus.Period{From: x.Document.Period.From + shift, To: x.Document.Period.To + shift}
		}
		d.Record = &x
	}
	return d
}

func group(v int64) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}
