// Package indicator is the shared scale on which targets from different
// provinces are compared: an embedded taxonomy of canonical indicators
// drawn from the national programme (17/NQ-CP, 749/QĐ-TTg, 942/QĐ-TTg,
// 411/QĐ-TTg, 14/CT-TTg, the provincial DTI/ICT index), each with its
// Vietnamese and English names, unit, the national target values by year
// and source, and the phrasings that map to it.
//
// Match maps a target's subject (or any phrase around a figure) to an
// indicator id with a confidence, or to "" when nothing fits; it never
// forces a mapping. Matching is on a folded form of the text (lower case,
// diacritics removed, common abbreviations such as DVCTT, TTHC, CNTT,
// TSLCD expanded), with whole-word phrases.
//
// National targets marked Verified=false are restated from provincial
// plans or secondary sources and were not checked against the national
// document's own text; compare shows them but should say so.
package indicator

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"kehoach/corpus"
	"kehoach/corpus/province/vifold"
)

// NationalTarget is one national target value for an indicator.
type NationalTarget struct {
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max,omitempty"`
	Comparator string   `json:"comparator"` // >=, >, =, <=, <, range
	Year       int      `json:"year"`       // 0: every year (recurring) or undated
	Source     string   `json:"source"`     // the national document, e.g. "749/QĐ-TTg"
	Note       string   `json:"note,omitempty"`
	Verified   bool     `json:"verified"` // false: restated from secondary sources
}

// Rule is one phrasing: every phrase of All must occur (as whole words,
// folded) and none of None; Conf is the confidence of a mapping by it.
type Rule struct {
	All  []string `json:"all"`
	None []string `json:"none,omitempty"`
	Conf float64  `json:"conf"`
}

// Indicator is one canonical indicator.
type Indicator struct {
	ID       string           `json:"id"` // pillar.slug: gov, infosec, econ, soc, infra, hr, meta, budget
	NameVI   string           `json:"vi"`
	NameEN   string           `json:"en"`
	Unit     string           `json:"unit"`             // "%", or the counted noun; "hạng"/"tỉnh" for ranks
	Rank     bool             `json:"rank,omitempty"`   // a ranking: lower is better
	Change   bool             `json:"change,omitempty"` // measured as a change ("giảm 30% thời gian họp"), not a level
	Units    []string         `json:"units,omitempty"`  // counted indicators: the nouns a count may carry ("đợt", "cuộc")
	Phrases  []string         `json:"phrases"`          // typical phrasings, for people
	Rules    []Rule           `json:"rules"`            // what Match uses
	National []NationalTarget `json:"national"`
}

// Pillar is the part of the id before the dot.
func (in Indicator) Pillar() string {
	p, _, _ := strings.Cut(in.ID, ".")
	return p
}

//go:embed indicators.json
var data []byte

// taxonomy is the loaded indicators.json: the indicators, an index by id
// and, per rule, its folded phrases padded with a space on each side (the
// whole-word form Match looks for).
type taxonomy struct {
	all  []Indicator
	byID map[string]int
	pad  [][]paddedRule // per indicator, per rule
}

type paddedRule struct {
	all, none []string
	// first is the wordBits bit of the first word of the first phrase
	// of all: a text without that bit cannot hold the phrase.
	first wordBits
}

// wordBits is a 256-bit set of word hashes: a cheap test that a text
// lacks a word (no false negatives; a set bit may be another word).
type wordBits [4]uint64

func wordBit(w string) wordBits {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	var b wordBits
	b[h>>6&3] = 1 << (h & 63)
	return b
}

func (b wordBits) within(set wordBits) bool {
	return b[0]&set[0] == b[0] && b[1]&set[1] == b[1] && b[2]&set[2] == b[2] && b[3]&set[3] == b[3]
}

// loaded parses the taxonomy on first use, not at program start.
var loaded = sync.OnceValue(func() *taxonomy {
	t := &taxonomy{byID: map[string]int{}}
	if err := json.Unmarshal(data, &t.all); err != nil {
		panic("indicator: bad embedded indicators.json: " + err.Error())
	}
	t.pad = make([][]paddedRule, len(t.all))
	for i := range t.all {
		in := &t.all[i]
		if _, dup := t.byID[in.ID]; dup {
			panic("indicator: duplicate id " + in.ID)
		}
		t.byID[in.ID] = i
		t.pad[i] = make([]paddedRule, len(in.Rules))
		for r := range in.Rules {
			for k, p := range in.Rules[r].All {
				in.Rules[r].All[k] = Fold(p)
				t.pad[i][r].all = append(t.pad[i][r].all, " "+in.Rules[r].All[k]+" ")
			}
			if len(in.Rules[r].All) > 0 {
				first, _, _ := strings.Cut(in.Rules[r].All[0], " ")
				t.pad[i][r].first = wordBit(first)
			}
			for k, p := range in.Rules[r].None {
				in.Rules[r].None[k] = Fold(p)
				t.pad[i][r].none = append(t.pad[i][r].none, " "+in.Rules[r].None[k]+" ")
			}
		}
	}
	return t
})

// All returns every indicator, sorted by id. The slice is a copy.
func All() []Indicator {
	out := append([]Indicator(nil), loaded().all...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns the indicator with the given id.
func Get(id string) (Indicator, bool) {
	t := loaded()
	i, ok := t.byID[id]
	if !ok {
		return Indicator{}, false
	}
	return t.all[i], true
}

// MinConfidence is the confidence below which Match returns "".
const MinConfidence = 0.5

// Match maps a phrase (a target's subject, or the clause around a figure)
// to the best-fitting indicator and the confidence of that mapping. It
// returns "", 0 when no indicator's phrasing fits.
func Match(subject string) (id string, confidence float64) {
	text := " " + Fold(subject) + " "
	if len(text) <= 2 {
		return "", 0
	}
	bestLen := 0
	t := loaded()
	words := wordSet(text)
	for i, in := range t.all {
		for k, r := range in.Rules {
			if r.Conf < MinConfidence || r.Conf < confidence {
				continue
			}
			if !t.pad[i][k].first.within(words) {
				continue
			}
			n, ok := ruleMatch(text, t.pad[i][k])
			if !ok {
				continue
			}
			if r.Conf > confidence || n > bestLen {
				id, confidence, bestLen = in.ID, r.Conf, n
			}
		}
	}
	return id, confidence
}

// wordSet holds the words of a folded text (words are separated by
// single spaces).
func wordSet(text string) wordBits {
	var set wordBits
	for text != "" {
		var w string
		w, text, _ = strings.Cut(text, " ")
		if w == "" {
			continue
		}
		b := wordBit(w)
		for k := range set {
			set[k] |= b[k]
		}
	}
	return set
}

// ruleMatch reports whether text (folded, with a space on each side)
// holds every phrase of r.all and none of r.none, and the length of the
// phrases matched (without their padding).
func ruleMatch(text string, r paddedRule) (int, bool) {
	n := 0
	for _, p := range r.all {
		if !strings.Contains(text, p) {
			return 0, false
		}
		n += len(p) - 2
	}
	for _, p := range r.none {
		if strings.Contains(text, p) {
			return 0, false
		}
	}
	return n, len(r.all) > 0
}

// maxAbbrev is the length of the longest key of abbrev (TestAbbrevLength).
const maxAbbrev = 6

// abbrev expands the abbreviations provincial plans use for the
// indicators' key phrases (after folding, as whole words).
var abbrev = map[string]string{
	"dvctt":  "dich vu cong truc tuyen",
	"dvc":    "dich vu cong",
	"tthc":   "thu tuc hanh chinh",
	"cqnn":   "co quan nha nuoc",
	"attt":   "an toan thong tin",
	"atttm":  "an toan thong tin mang",
	"antt":   "an ninh thong tin",
	"cntt":   "cong nghe thong tin",
	"tslcd":  "truyen so lieu chuyen dung",
	"cbcc":   "can bo cong chuc",
	"cbccvc": "can bo cong chuc vien chuc",
	"csdl":   "co so du lieu",
	"httt":   "he thong thong tin",
	"ubnd":   "uy ban nhan dan",
	"qlvb":   "quan ly van ban",
	"cqdt":   "chinh quyen dien tu",
	"cpdt":   "chinh phu dien tu",
	"ttdt":   "thong tin dien tu",
	"tmdt":   "thuong mai dien tu",
	"dnnvv":  "doanh nghiep nho va vua",
	"virus":  "virut",
	"cds":    "chuyen doi so",
	"atanm":  "an toan an ninh mang",
	"ttdl":   "trung tam du lieu",
	"cchc":   "cai cach hanh chinh",
	"nsnn":   "ngan sach nha nuoc",
	"email":  "thu dien tu",
	"online": "truc tuyen",
	// i/y spelling variants of the same syllable: "tỉ lệ", "chữ kí số",
	// "qui trình", "lí do"
	"ti":  "ty",
	"ki":  "ky",
	"li":  "ly",
	"qui": "quy",
}

// Fold is the matching form of a phrase: lower case, diacritics removed
// (đ -> d), punctuation turned into spaces (a "/" between digits, as in
// 24/7, is kept), common abbreviations expanded, the i/y spelling
// variants of a syllable ("tỉ"/"tỷ", "kí"/"ký") made one, spaces
// collapsed.
//
// It is vifold.Fold, then strings.ToLower, then the punctuation and word
// rules, done in one pass over s (fold_test.go checks it against those
// steps run one after the other).
func Fold(s string) string {
	out := make([]byte, 0, len(s))
	word := -1      // start in out of the word being read, -1 between words
	var prev rune   // the character before, after folding (0: none)
	slash := false  // a "/" after a digit waits for the next character
	var buf [4]byte // a folded character's bytes
	endWord := func() {
		if word < 0 {
			return
		}
		if len(out)-word <= maxAbbrev {
			if x, ok := abbrev[string(out[word:])]; ok {
				out = append(out[:word], x...)
			}
		}
		word = -1
	}
	wordByte := func(c ...byte) {
		if word < 0 {
			if len(out) > 0 {
				out = append(out, ' ')
			}
			word = len(out)
		}
		out = append(out, c...)
	}
	for i := 0; i < len(s); {
		var e rune
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			e = rune(c)
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			var keep bool
			if e, keep = foldLower(r); !keep {
				continue
			}
		}
		if slash {
			slash = false
			if e >= '0' && e <= '9' {
				wordByte('/')
			} else {
				endWord()
			}
		}
		switch {
		case e >= 'a' && e <= 'z', e >= '0' && e <= '9':
			wordByte(byte(e))
		case e == '/' && prev >= '0' && prev <= '9':
			slash = true
		case e < utf8.RuneSelf:
			endWord()
		case unicode.IsSpace(e):
			endWord()
		default:
			wordByte(buf[:utf8.EncodeRune(buf[:], e)]...)
		}
		prev = e
	}
	endWord()
	return string(out)
}

// foldLower is vifold.Fold then unicode.ToLower of one character; keep
// is false for a character vifold.Fold drops (a combining mark).
func foldLower(r rune) (e rune, keep bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	case r < 0x250:
		e = foldTable()[r]
	case r >= 0x1E00 && r < 0x1F00:
		e = foldTable()[r-0x1E00+0x250]
	case unicode.Is(unicode.Mn, r):
		return 0, false
	default:
		return unicode.ToLower(r), true
	}
	return e, e >= 0
}

// foldTable holds vifold.Fold then unicode.ToLower of the characters
// below U+0250 and in U+1E00-U+1EFF, the ranges where vifold.Fold
// changes letters (-1: dropped). Outside them it only drops combining
// marks.
var foldTable = sync.OnceValue(func() *[0x350]rune {
	var t [0x350]rune
	set := func(i int, r rune) {
		f := []rune(vifold.Fold(string(r)))
		switch len(f) {
		case 0:
			t[i] = -1
		case 1:
			t[i] = unicode.ToLower(f[0])
		default:
			panic("indicator: vifold.Fold made more than one character of " + string(r))
		}
	}
	for r := rune(0); r < 0x250; r++ {
		set(int(r), r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		set(int(r-0x1E00+0x250), r)
	}
	return &t
})

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// National returns the national targets of an indicator (nil when the
// id is unknown or has none), ordered as listed: for one year, the first
// listed is the main one.
func National(id string) []NationalTarget {
	in, ok := Get(id)
	if !ok {
		return nil
	}
	return append([]NationalTarget(nil), in.National...)
}

// NationalFor returns the national target to set beside a provincial
// figure for the given year: the one for that year; else the first one
// for a later year (the next deadline); else the latest earlier one;
// else an undated (recurring) one. year 0 asks for the recurring one
// first.
func NationalFor(id string, year int) (NationalTarget, bool) {
	ts := National(id)
	if len(ts) == 0 {
		return NationalTarget{}, false
	}
	pick := -1
	better := func(i int) bool {
		if pick < 0 {
			return true
		}
		a, b := ts[i].Year, ts[pick].Year
		switch {
		case a == year:
			return b != year
		case b == year:
			return false
		case year == 0:
			return false
		case a == 0:
			return false
		case b == 0:
			return true
		case a > year && b > year:
			return a < b
		case a > year:
			return b < year
		case b > year:
			return false
		default:
			return a > b
		}
	}
	for i := range ts {
		if better(i) {
			pick = i
		}
	}
	return ts[pick], true
}

// Gap is value minus the national target value (for a range, its lower
// end); for rank indicators a positive gap is worse.
func Gap(value float64, nt NationalTarget) float64 { return value - nt.Value }

// Beside returns the national target to show beside an extracted target
// and the gap to it (value minus national value; for a rank, positive is
// worse). ok is false when the target has no indicator, the indicator has
// no national target, or the units do not fit (a fraction "20/32" fits a
// percentage indicator as its share).
func Beside(t corpus.Target) (nt NationalTarget, gap float64, ok bool) {
	in, found := Get(t.Indicator)
	if !found {
		return NationalTarget{}, 0, false
	}
	value := t.Value
	switch {
	case in.UnitFits(t.Unit, t.Rank):
	case t.Of != nil && *t.Of > 0 && in.Unit == "%" && !t.Rank && !in.Rank:
		value = 100 * t.Value / *t.Of // "142/142 xã" is 100% of the communes
	default:
		return NationalTarget{}, 0, false
	}
	y := 0
	if t.Year != nil {
		y = *t.Year
	}
	nt, ok = NationalFor(t.Indicator, y)
	if !ok {
		return NationalTarget{}, 0, false
	}
	return nt, Gap(value, nt), true
}

// String renders a national target as "≥30% (2020, 17/NQ-CP)".
func (nt NationalTarget) String() string {
	op := map[string]string{">=": "≥", ">": ">", "=": "", "<=": "≤", "<": "<", "range": ""}[nt.Comparator]
	v := trimNum(nt.Value)
	if nt.ValueMax != nil {
		v += "–" + trimNum(*nt.ValueMax)
	}
	y := "yearly"
	if nt.Year != 0 {
		y = fmt.Sprint(nt.Year)
	}
	s := fmt.Sprintf("%s%s (%s, %s)", op, v, y, nt.Source)
	if !nt.Verified {
		s += " [unverified]"
	}
	return s
}

func trimNum(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", f), "0"), ".")
}

// UnitFits reports whether a target with the given unit can be put on
// the indicator's scale: a percentage on a percentage indicator, a rank
// on a rank indicator, a count on a counted one.
func (in Indicator) UnitFits(unit string, rank bool) bool {
	switch {
	case in.Rank:
		return rank
	case in.Unit == "%":
		return unit == "%" && !rank
	case unit == "%" || rank:
		return false
	}
	units := in.Units
	if len(units) == 0 {
		units = []string{in.Unit}
	}
	f := Fold(unit)
	for _, u := range units {
		if fu := Fold(u); f == fu || strings.HasPrefix(f, fu+" ") {
			return true
		}
	}
	return false
}
