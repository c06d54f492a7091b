package citation

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The type, issuer and registry tables are data: a new symbol form or a
// new national document is a line in data/*.tsv, not a code change.
//
//go:embed data/*.tsv
var dataFS embed.FS

// docType is one row of data/types.tsv.
type docType struct {
	Abbr  string   // "QĐ"; "" for types without one (Luật)
	Name  string   // "Quyết định"
	Words []string // other names in running text ("Văn bản" for Công văn)
}

// issuer is one row of data/issuers.tsv.
type issuer struct {
	Code   string // "TTg"
	Family string // the code it is a variant of ("UBND" for CTUBND); Code itself otherwise
	Level  string // national, provincial, party, unit
	Name   string
	Names  []string
}

// tables holds everything generated from the data files.
type tables struct {
	types      []docType
	typeByAbbr map[string][]string // folded abbr -> canonical abbrs
	typeName   map[string]string   // canonical abbr -> name
	issByFold  map[string][]string // folded code -> canonical codes
	issuers    map[string]issuer   // canonical code -> row
	issByName  map[string]string   // lower-case name -> code
	issNames   []string            // lower-case names, longest first
	// phrases are the type words of running text as lower-case word
	// sequences, longest first, each with the type name it means.
	phrases []phrase
}

type phrase struct {
	words []string
	name  string
}

var tab = sync.OnceValue(mustLoadTables) // loaded on first use, not at program start

func mustLoadTables() *tables {
	t, err := loadTables()
	if err != nil {
		panic(err)
	}
	return t
}

func readTSV(name string) ([][]string, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := norm.NFC.String(sc.Text())
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows, sc.Err()
}

func col(r []string, i int) string {
	if i < len(r) {
		s := strings.TrimSpace(r[i])
		if s == "-" {
			return ""
		}
		return s
	}
	return ""
}

func splitBar(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func loadTables() (*tables, error) {
	t := &tables{
		typeByAbbr: map[string][]string{},
		typeName:   map[string]string{},
		issByFold:  map[string][]string{},
		issuers:    map[string]issuer{},
		issByName:  map[string]string{},
	}
	rows, err := readTSV("types.tsv")
	if err != nil {
		return nil, err
	}
	seenPhrase := map[string]bool{}
	addPhrase := func(s, name string) {
		k := strings.ToLower(s)
		if seenPhrase[k] {
			return
		}
		seenPhrase[k] = true
		t.phrases = append(t.phrases, phrase{strings.Fields(k), name})
	}
	for _, r := range rows {
		dt := docType{Abbr: col(r, 0), Name: col(r, 1), Words: splitBar(col(r, 2))}
		if dt.Name == "" {
			return nil, fmt.Errorf("citation: types.tsv: row %q has no name", r)
		}
		t.types = append(t.types, dt)
		addPhrase(dt.Name, dt.Name)
		for _, w := range dt.Words {
			addPhrase(w, dt.Name)
		}
		if dt.Abbr != "" {
			f := fold(dt.Abbr)
			t.typeByAbbr[f] = append(t.typeByAbbr[f], dt.Abbr)
			if _, ok := t.typeName[dt.Abbr]; !ok {
				t.typeName[dt.Abbr] = dt.Name
			}
		}
	}
	// Abbreviations written as type words ("QĐ số 749/QĐ-TTg") for the
	// types whose abbreviation is unambiguous in running text.
	for _, a := range []string{"NĐ", "QĐ", "NQ", "KH", "CT", "TT", "CV", "TB"} {
		addPhrase(a, t.typeName[a])
	}
	sort.SliceStable(t.phrases, func(i, j int) bool { return len(t.phrases[i].words) > len(t.phrases[j].words) })

	rows, err = readTSV("issuers.tsv")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		is := issuer{Code: col(r, 0), Family: col(r, 1), Level: col(r, 2), Name: col(r, 3), Names: splitBar(col(r, 4))}
		if is.Code == "" || is.Name == "" {
			return nil, fmt.Errorf("citation: issuers.tsv: row %q needs a code and a name", r)
		}
		if is.Family == "" {
			is.Family = is.Code
		}
		t.issuers[is.Code] = is
		f := fold(is.Code)
		t.issByFold[f] = append(t.issByFold[f], is.Code)
		for _, n := range append([]string{is.Name}, is.Names...) {
			k := strings.ToLower(n)
			if _, ok := t.issByName[k]; !ok {
				t.issByName[k] = is.Code
				t.issNames = append(t.issNames, k)
			}
		}
	}
	sort.SliceStable(t.issNames, func(i, j int) bool { return len(t.issNames[i]) > len(t.issNames[j]) })
	return t, nil
}

// fold is the lookup key of a code: upper case, Đ read as D (OCR and
// ASCII keyboards write "QD-TTg", "ND-CP").
func fold(s string) string {
	return dFolder.Replace(strings.ToUpper(s))
}

var dFolder = strings.NewReplacer("Đ", "D", "Ð", "D", "Ɖ", "D")

// pick chooses among the canonical codes sharing a folded key: the one
// written exactly (ignoring case) wins, else the only candidate.
func pick(cands []string, written string) (string, bool) {
	if len(cands) == 0 {
		return "", false
	}
	up := strings.ToUpper(written)
	for _, c := range cands {
		if strings.ToUpper(c) == up {
			return c, true
		}
	}
	if len(cands) == 1 {
		return cands[0], true
	}
	return "", false
}

// typeCode returns the canonical type abbreviation for a code as written.
func typeCode(s string) (string, bool) { return pick(tab().typeByAbbr[fold(s)], s) }

// issuerCode returns the canonical issuer code for a code as written,
// keeping term digits ("qh14" -> "QH14", "UBTVQH" -> "UBTVQH").
func issuerCode(s string) (string, bool) {
	base, digits := splitDigits(s)
	c, ok := pick(tab().issByFold[fold(base)], base)
	if !ok {
		return "", false
	}
	return c + digits, true
}

func splitDigits(s string) (string, string) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	return s[:i], s[i:]
}

// TypeName returns the full name of a type abbreviation as written in a
// symbol ("QĐ", "qd", "Ctr") or of a type word ("văn bản"), or "" when the
// table does not know it.
func TypeName(abbr string) string {
	abbr = strings.TrimSpace(norm.NFC.String(abbr))
	if c, ok := typeCode(abbr); ok {
		return tab().typeName[c]
	}
	k := strings.Join(strings.Fields(strings.ToLower(abbr)), " ")
	for _, p := range tab().phrases {
		if strings.Join(p.words, " ") == k {
			return p.name
		}
	}
	return ""
}

// IssuerName returns the body behind an issuer code ("TTg" -> "Thủ tướng
// Chính phủ"), or "" when unknown.
func IssuerName(code string) string {
	c, ok := issuerCode(code)
	if !ok {
		return ""
	}
	base, _ := splitDigits(c)
	return tab().issuers[base].Name
}

// IssuerLevel returns national, provincial, party or unit for an issuer
// code, or "" when unknown.
func IssuerLevel(code string) string {
	c, ok := issuerCode(code)
	if !ok {
		return ""
	}
	base, _ := splitDigits(c)
	return tab().issuers[base].Level
}

// family returns the family code of an issuer code ("CTUBND" -> "UBND"),
// the upper-cased code when unknown.
func family(code string) string {
	c, ok := issuerCode(code)
	if !ok {
		return strings.ToUpper(code)
	}
	base, _ := splitDigits(c)
	return tab().issuers[base].Family
}

// issuerByName maps an issuer phrase of the text ("Thủ tướng Chính phủ",
// "UBND tỉnh Quảng Ngãi") to its code by the longest known name it starts
// with; "" when none.
func issuerByName(s string) string {
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, n := range tab().issNames {
		if strings.HasPrefix(k, n) && (len(k) == len(n) || k[len(n)] == ' ') {
			return tab().issByName[n]
		}
	}
	return ""
}

// canonCode canonicalises one code of a symbol: a known type or issuer
// gets its table spelling (TTg, CTr, NĐ for ND), anything else is upper-
// cased. asType says which table to try first.
func canonCode(s string, asType bool) string {
	if asType {
		if c, ok := typeCode(s); ok {
			return c
		}
		if c, ok := issuerCode(s); ok {
			return c
		}
	} else {
		if c, ok := issuerCode(s); ok {
			return c
		}
		if c, ok := typeCode(s); ok {
			return c
		}
	}
	return strings.ToUpper(s)
}

// knownCode reports whether s is a known type or issuer code.
func knownCode(s string) bool {
	if _, ok := typeCode(s); ok {
		return true
	}
	_, ok := issuerCode(s)
	return ok
}

// upperCode reports whether s is written in capitals (digits and & allowed
// after the first letter) with at least two letters: an unknown drafting
// unit such as "KGVX" or "VX3".
func upperCode(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r == '&' || (r >= '0' && r <= '9'):
		case unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}

// splitGlued splits a code that lost its hyphen ("NĐCP", "TTBTTTT") into
// a known type and a known issuer, longest type first.
func splitGlued(s string) (string, string, bool) {
	if knownCode(s) {
		return "", "", false
	}
	for i := len(s) - 1; i > 0; i-- {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		tc, ok1 := typeCode(s[:i])
		ic, ok2 := issuerCode(s[i:])
		if ok1 && ok2 {
			return tc, ic, true
		}
	}
	return "", "", false
}
