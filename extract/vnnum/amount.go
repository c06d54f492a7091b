package vnnum

import (
	"kehoach/internal/lazyre"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Amount is a sum of money written in text: "16.368,6 triệu đồng",
// "33.228.453.443 đồng", "16 tỷ 368 triệu đồng", "khoảng 5 tỷ đồng".
type Amount struct {
	VND       int64  // the amount in whole đồng
	Unit      string // the unit as written, lower-cased: "triệu đồng", "đồng", "tỷ đồng"
	Qualifier string // khoảng, dự kiến, trên, hơn, gần, ... (lower-case); "" when none
	// Start and End are byte offsets of the amount (first digit through the
	// currency word) in the string searched; QStart is where the qualifier
	// begins (== Start when there is none).
	Start, End, QStart int
}

// Scale words, longest first so "nghìn tỷ" wins over "nghìn".
// "tr" is triệu abbreviated before a currency word ("1.500 trđ", "tr.đ").
const scaleWords = `nghìn\s+tỷ|ngàn\s+tỷ|nghìn\s+tỉ|ngàn\s+tỉ|nghìn|ngàn|triệu|tỷ|tỉ|tr\.?`

var (
	// "3.5 tỷ": a dot before one or two digits is a decimal point
	amountNum = `\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}\b|\d+(?:,\d+)?`
	// one component: a number and an optional scale word
	amountComp = `(?:` + amountNum + `)(?:[ \t\x{00a0}]*(?:` + scaleWords + `))?`
	amountRe   = lazyre.New(`(?i)(` + amountComp + `(?:[ \t\x{00a0}]+` + amountComp + `)*)[ \t\x{00a0}]*(đồng|vnđ|vnd|₫|đ)`)
	compRe     = lazyre.New(`(?i)(` + amountNum + `)(?:[ \t\x{00a0}]*(` + scaleWords + `))?`)
	// qualifiers written before an amount
	qualRe = lazyre.New(`(?i)(khoảng|dự kiến|ước tính|ước khoảng|ước|trên|hơn|gần|xấp xỉ|tối thiểu|ít nhất|tối đa|không quá|không dưới|dưới|tới|lên tới|lên đến)[ \t\x{00a0}]*(?:là|:)?[ \t\x{00a0}]*$`)
)

// words that make "đồng" part of another word ("đồng bộ", "đồng thời")
// when no scale word ties it to money.
var dongCompounds = map[string]bool{
	"bộ": true, "thời": true, "bào": true, "ý": true, "nhất": true, "thuận": true,
	"hành": true, "loạt": true, "đều": true, "tâm": true, "minh": true, "chí": true,
	"khởi": true, "tình": true, "dạng": true, "cảm": true, "phục": true, "nghiệp": true,
	"bằng": true, "hồ": true, "ruộng": true, "lúa": true, "cỏ": true, "xu": true,
	"hương": true, "đội": true, "sở": true, "nghĩa": true, "môn": true, "hóa": true,
	"hoá": true, "vọng": true, "lòng": true, "thanh": true, "quê": true, "tiền": true,
}

// FindAmounts returns every amount of money written in s, in order. A
// figure counts as money only when a currency word (đồng, đ, VNĐ, VND,
// ₫) follows it; scale words (nghìn/ngàn, triệu, tỷ/tỉ, nghìn tỷ) are
// applied and mixed forms ("16 tỷ 368 triệu đồng") summed.
func FindAmounts(s string) []Amount {
	var out []Amount
	last := 0 // end of the last amount found
	for i := 0; i < len(s); {
		pos, end := nextCurrency(s, i)
		if pos < 0 {
			break
		}
		i = end
		// money needs a figure shortly before its currency word
		from := pos - 48
		if from < last {
			from = last
		}
		if from < 0 {
			from = 0
		}
		if !strings.ContainsAny(s[from:pos], "0123456789") {
			continue
		}
		w0 := pos - 64
		if w0 < last {
			w0 = last
		}
		if w0 < 0 {
			w0 = 0
		}
		for w0 > 0 && !utf8.RuneStart(s[w0]) {
			w0++
		}
		n := len(out)
		out = appendAmounts(out, s, w0, end)
		if len(out) > n {
			last = out[len(out)-1].End
		}
	}
	return out
}

// nextCurrency finds the next word at or after i that may be a currency
// word: đồng, đ, VNĐ, VND, ₫. It returns its start and end, or -1.
func nextCurrency(s string, i int) (int, int) {
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0xC4 && i+1 < len(s) && (s[i+1] == 0x91 || s[i+1] == 0x90): // đ Đ
			if i > 0 && isWordByteBefore(s, i) && !abbrevTrieu(s, i) {
				continue
			}
			e := i + 2
			for e < len(s) {
				r, n := utf8.DecodeRuneInString(s[e:])
				if !unicode.IsLetter(r) {
					break
				}
				e += n
			}
			w := strings.ToLower(s[i:e])
			if w == "đồng" || w == "đ" {
				return i, e
			}
			i = e - 1
		case c == 0xE2 && strings.HasPrefix(s[i:], "₫"):
			return i, i + len("₫")
		case (c == 'v' || c == 'V') && i+2 < len(s) && (s[i+1] == 'n' || s[i+1] == 'N'):
			if i > 0 && isWordByteBefore(s, i) {
				continue
			}
			rest := s[i+2:]
			if len(rest) > 4 {
				rest = rest[:4]
			}
			rest = strings.ToLower(rest)
			switch {
			case strings.HasPrefix(rest, "đ"):
				return i, i + 2 + len("đ")
			case strings.HasPrefix(rest, "d"):
				return i, i + 3
			}
		}
	}
	return -1, -1
}

// abbrevTrieu reports "tr" as a word right before s[i] ("1.500 trđ").
func abbrevTrieu(s string, i int) bool {
	if i < 2 || !strings.EqualFold(s[i-2:i], "tr") {
		return false
	}
	return i == 2 || !isWordByteBefore(s, i-2)
}

// isWordByteBefore reports whether the rune before s[i] is a letter.
func isWordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// appendAmounts adds the amounts found in s[w0:w1] (offsets absolute).
func appendAmounts(out []Amount, s string, w0, w1 int) []Amount {
	for _, mm := range amountRe.FindAllStringSubmatchIndex(s[w0:w1], -1) {
		m := make([]int, len(mm))
		for i, v := range mm {
			if v >= 0 {
				m[i] = v + w0
			} else {
				m[i] = v
			}
		}
		start, end := m[2], m[5]
		if end != w1 {
			continue
		}
		// the number must not continue a longer token (a digit, a letter,
		// a dot or comma before it: "5362/QĐ" or "a1.000")
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || ((r == '.' || r == ',') && start > 1 && isDigit(s[start-2])) {
				continue
			}
		}
		// the currency word must end a word
		if end < len(s) {
			r, _ := utf8.DecodeRuneInString(s[end:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		body := s[start:m[3]]
		cur := strings.ToLower(s[m[4]:m[5]])
		a, ok := sumComponents(body)
		if !ok {
			continue
		}
		if !a.scaled && (cur == "đồng" || cur == "đ") && compoundAfter(s[end:]) {
			continue
		}
		a.Amount.Start, a.Amount.End, a.Amount.QStart = start, end, start
		a.Amount.Unit = strings.TrimSpace(a.unit + " " + cur)
		if a.unit == "" {
			a.Amount.Unit = cur
		}
		// qualifiers are short: look at the few bytes before the figure
		from := start - 48
		if from < 0 {
			from = 0
		}
		for from > 0 && !utf8.RuneStart(s[from]) {
			from++
		}
		if q := qualRe.FindStringSubmatchIndex(s[from:start]); q != nil {
			a.Amount.Qualifier = strings.ToLower(s[from+q[2] : from+q[3]])
			a.Amount.QStart = from + q[2]
		}
		out = append(out, a.Amount)
	}
	return out
}

func compoundAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\u00a0")
	w := rest
	for i, r := range rest {
		if !unicode.IsLetter(r) {
			w = rest[:i]
			break
		}
	}
	return dongCompounds[strings.ToLower(w)]
}

type summed struct {
	Amount
	unit   string // the largest scale word as written
	scaled bool
}

// sumComponents adds "16 tỷ 368 triệu" up; every later component must
// have a smaller scale than the one before it.
func sumComponents(body string) (summed, bool) {
	var r summed
	var total int64
	prev := int64(0)
	for i, c := range compRe.FindAllStringSubmatch(body, -1) {
		v, ok := ParseNumber(c[1])
		if !ok {
			return r, false
		}
		scale := int64(1)
		if c[2] != "" {
			scale, _ = UnitScale(strings.Join(strings.Fields(c[2]), " "))
			r.scaled = true
			if i == 0 {
				r.unit = strings.ToLower(strings.Join(strings.Fields(c[2]), " "))
			}
		}
		if i > 0 && (prev <= scale || c[2] == "" && prev == 1) {
			return r, false
		}
		if i > 0 && c[2] == "" {
			// "16 tỷ 368": a bare trailing number is not part of the amount
			return r, false
		}
		x, ok := ToVND(v, scale)
		if !ok {
			return r, false
		}
		total += x
		prev = scale
	}
	r.VND = total
	return r, true
}

// ParseAmount parses s as one amount of money, optionally after a
// qualifier: "16.368,6 triệu đồng", "33.228.453.443 đồng",
// "16 tỷ 368 triệu đồng", "khoảng 5 tỷ đồng", "dự kiến 200 triệu đồng".
// It reports false when s is not exactly one amount.
func ParseAmount(s string) (Amount, bool) {
	s = strings.TrimSpace(s)
	as := FindAmounts(s)
	if len(as) != 1 {
		return Amount{}, false
	}
	a := as[0]
	if strings.TrimSpace(s[:a.QStart]) != "" || strings.Trim(s[a.End:], " \t\u00a0.;,") != "" {
		return Amount{}, false
	}
	return a, true
}

// ParseCell reads a table cell holding a bare figure in the table's unit
// ("2.000", "16.368,6", "7000", "0") and returns it in đồng given the
// unit's scale. Cells that carry their own currency word are read with
// ParseAmount. It reports false for anything else (empty cells, text).
func ParseCell(cell string, scale int64) (int64, bool) {
	c := strings.TrimSpace(strings.ReplaceAll(cell, "\u00a0", " "))
	if c == "" {
		return 0, false
	}
	if a, ok := ParseAmount(c); ok {
		return a.VND, true
	}
	if !numberChars(c) {
		return 0, false // ParseNumber would say no; skip the copies
	}
	c = strings.Join(strings.Fields(c), "")
	v, ok := ParseNumber(c)
	if !ok || v < 0 {
		return 0, false
	}
	if scale <= 0 {
		scale = 1
	}
	return ToVND(v, scale)
}

// numberChars reports whether s holds only digits, ".", ",", "-" and
// white space: the only text ParseNumber can read once the spaces are
// gone.
func numberChars(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',' || r == '-' || unicode.IsSpace(r)) {
			return false
		}
	}
	return true
}

var looseRe = lazyre.New(`(?i)(` + amountComp + `(?:[ \t\x{00a0}]+` + amountComp + `)*)`)

// FindScaled returns the figures with a scale word but no currency word
// ("khoảng 50 tỷ", "5.000 triệu"), read as đồng, when the next word is not
// a noun of its own ("5 triệu lượt truy cập", "2 tỷ USD"). Whether they
// are money is for the caller to judge from the context; FindAmounts is
// the strict form.
func FindScaled(s string) []Amount {
	var out []Amount
	for _, at := range scaleWordsAt(s) {
		if len(out) > 0 && at < out[len(out)-1].End {
			continue
		}
		// a scale word follows a figure
		back := at - 3
		if back < 0 {
			back = 0
		}
		if !strings.ContainsAny(s[back:at], "0123456789") {
			continue
		}
		w0 := at - 40
		if w0 < 0 {
			w0 = 0
		}
		for w0 > 0 && !utf8.RuneStart(s[w0]) {
			w0++
		}
		w1 := at + 24
		if w1 > len(s) {
			w1 = len(s)
		}
		for w1 < len(s) && !utf8.RuneStart(s[w1]) {
			w1++
		}
		for _, m := range looseRe.FindAllStringSubmatchIndex(s[w0:w1], -1) {
			start, end := w0+m[2], w0+m[3]
			if start > at || end <= at || (len(out) > 0 && start < out[len(out)-1].End) {
				continue
			}
			if start > 0 {
				r, _ := utf8.DecodeLastRuneInString(s[:start])
				if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '.' || r == ',' {
					continue
				}
			}
			sm, ok := sumComponents(s[start:end])
			if !ok || !sm.scaled || sm.unit == "nghìn" || sm.unit == "ngàn" {
				continue
			}
			// the next word must not be a noun (or a currency: FindAmounts)
			rest := strings.TrimLeft(s[end:], " \t\u00a0")
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '₫' {
				continue
			}
			a := sm.Amount
			a.Start, a.End, a.QStart = start, end, start
			a.Unit = sm.unit
			from := start - 48
			if from < 0 {
				from = 0
			}
			for from > 0 && !utf8.RuneStart(s[from]) {
				from++
			}
			if q := qualRe.FindStringSubmatchIndex(s[from:start]); q != nil {
				a.Qualifier = strings.ToLower(s[from+q[2] : from+q[3]])
				a.QStart = from + q[2]
			}
			out = append(out, a)
			break
		}
	}
	return out
}

// scaleWordsAt lists where "tỷ", "tỉ" and "triệu" (any case) occur.
func scaleWordsAt(s string) []int {
	var at []int
	for _, w := range []string{"tỷ", "tỉ", "triệu", "Tỷ", "Tỉ", "Triệu", "TỶ", "TỈ", "TRIỆU"} {
		for i := 0; ; {
			k := strings.Index(s[i:], w)
			if k < 0 {
				break
			}
			at = append(at, i+k)
			i += k + len(w)
		}
	}
	sort.Ints(at)
	return at
}
