package citation

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// word is one white-space separated word of the text, with leading and
// trailing punctuation trimmed.
type word struct {
	s          string
	low        string // lower case, set by typeBefore
	start, end int
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || (unicode.IsSymbol(r) && r != '&') || r == '“' || r == '”' || r == '"' || r == '*'
}

// prevWords returns up to n words ending at or before end, nearest
// first. It stops at a paragraph break (blank line) and at clause
// punctuation (";", ".", ":" ending a word) unless the word is "số:".
func prevWords(text string, end, n int) []word {
	out := make([]word, 0, n)
	i := end
	for len(out) < n {
		nl := 0
		for i > 0 && isWS(text[i-1]) {
			if text[i-1] == '\n' {
				nl++
			}
			i--
		}
		if i == 0 || nl >= 2 {
			break
		}
		e := i
		for i > 0 && !isWS(text[i-1]) {
			i--
		}
		w := trimWord(text, i, e)
		if w.s == "" {
			// punctuation only ("–", "(", ";"): a clause break
			break
		}
		// Clause punctuation at the end of an earlier word ends the scan
		// (the word itself is not part of the phrase).
		if len(out) > 0 || e < end {
			last, _ := utf8.DecodeLastRuneInString(text[i:e])
			if (last == ';' || last == '.' || last == ',' || last == ')') && len(out) > 0 {
				break
			}
		}
		out = append(out, w)
		if w.start > i {
			break // "(thay thế" – an opening bracket ends the phrase
		}
	}
	return out
}

func trimWord(text string, s, e int) word {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isPunct(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isPunct(r) {
			break
		}
		e -= n
	}
	return word{s: text[s:e], start: s, end: e}
}

// typeBefore finds a type phrase ending just before end (after an
// optional "số"/"số:" and an optional "hành động"), returning the type
// name, the start of the phrase and whether "số" was there.
func typeBefore(text string, end int) (name string, start int, so bool, soStart int) {
	if !mayEndPhrase(text, end) {
		return "", -1, false, -1
	}
	ws := prevWords(text, end, 6)
	for i := range ws {
		ws[i].low = strings.ToLower(ws[i].s)
	}
	k := 0
	start, soStart = -1, -1
	if k < len(ws) && strings.EqualFold(strings.TrimSuffix(ws[k].s, ":"), "số") {
		so, soStart = true, ws[k].start
		k++
	}
	for _, p := range tab().phrases {
		if matchPhrase(ws[k:], p.words) {
			return p.name, ws[k+len(p.words)-1].start, so, soStart
		}
	}
	return "", -1, so, soStart
}

// matchPhrase reports whether words (nearest first) end with the phrase.
func matchPhrase(ws []word, p []string) bool {
	if len(ws) < len(p) {
		return false
	}
	for i := range p {
		w := ws[len(p)-1-i]
		if w.low != p[i] {
			return false
		}
	}
	// The abbreviations used as type words must be written in capitals.
	if len(p) == 1 && !strings.ContainsRune(p[0], ' ') && upperCode(ws[0].s) == false && len([]rune(p[0])) <= 2 {
		return false
	}
	return true
}

// dateAt parses a date at text[i]: "10/4/2007", "10-4-2007",
// "31\n/12/2021", "25/4/ 2015", "27 tháng 9 năm 2019". It returns the ISO
// date and the end of the date.
func dateAt(text string, i int) (string, int, bool) {
	d, j, ok := numAt(text, i, 2)
	if !ok {
		return "", i, false
	}
	k := skipWS(text, j, 3)
	var m, y int
	if k < len(text) && (text[k] == '/' || text[k] == '.' || dashAt(text, k) > 0) {
		sep := 1
		if text[k] != '/' && text[k] != '.' {
			sep = dashAt(text, k)
		}
		m, j, ok = numAt(text, skipWS(text, k+sep, 3), 2)
		if !ok {
			return "", i, false
		}
		k = skipWS(text, j, 3)
		if k >= len(text) || !(text[k] == '/' || text[k] == '.' || dashAt(text, k) > 0) {
			return "", i, false
		}
		sep = 1
		if text[k] != '/' && text[k] != '.' {
			sep = dashAt(text, k)
		}
		y, j, ok = numAt(text, skipWS(text, k+sep, 3), 4)
		if !ok || j-skipWS(text, k+sep, 3) != 4 {
			return "", i, false
		}
	} else {
		w := wordAt(text, k)
		if w != "tháng" && w != "Tháng" {
			return "", i, false
		}
		m, j, ok = numAt(text, skipWS(text, k+len(w), 3), 2)
		if !ok {
			return "", i, false
		}
		k = skipWS(text, j, 3)
		w = wordAt(text, k)
		if w != "năm" && w != "Năm" {
			return "", i, false
		}
		k = skipWS(text, k+len(w), 3)
		y, j, ok = numAt(text, k, 4)
		if !ok || j-k != 4 {
			return "", i, false
		}
	}
	if d < 1 || d > 31 || m < 1 || m > 12 || y < 1945 || y > 2100 {
		return "", i, false
	}
	return strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d), j, true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func numAt(text string, i, max int) (int, int, bool) {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j == i || j-i > max {
		return 0, i, false
	}
	n, _ := strconv.Atoi(text[i:j])
	return n, j, true
}

// skipWS skips spaces and at most maxNL line breaks.
func skipWS(text string, i, maxNL int) int {
	nl := 0
	for i < len(text) && isWS(text[i]) {
		if text[i] == '\n' {
			nl++
			if nl > maxNL {
				break
			}
		}
		i++
	}
	return i
}

// wordAt returns the letters at text[i].
func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// ngayDateAt parses "ngày DATE" (or "Ngày") at text[i].
func ngayDateAt(text string, i int) (string, int, bool) {
	w := wordAt(text, i)
	if w != "ngày" && w != "Ngày" {
		return "", i, false
	}
	return dateAt(text, skipWS(text, i+len(w), 3))
}

// closedIssuers end an issuer phrase: nothing after them belongs to it.
var closedIssuers = map[string]bool{
	"chính phủ": true, "thủ tướng chính phủ": true, "quốc hội": true, "bộ chính trị": true,
	"văn phòng chính phủ": true, "ban bí thư": true,
}

var issuerGlue = map[string]bool{
	"tỉnh": true, "thành": true, "phố": true, "huyện": true, "xã": true, "nhân": true, "dân": true,
	"trưởng": true, "tịch": true, "thường": true, "vụ": true, "ủy": true, "uỷ": true, "bí": true,
	"thư": true, "tướng": true, "chính": true, "phủ": true, "trị": true, "trung": true, "ương": true,
	"đảng": true, "-": true, "–": true, "&": true,
}

// issuerAt reads "của <issuer>" at text[i]: the issuer phrase and the
// end of the phrase. Known names (data/issuers.tsv) are matched first;
// otherwise the phrase runs over capitalised words and a few glue words.
func issuerAt(text string, i int) (string, int) {
	w := wordAt(text, i)
	if w != "của" {
		return "", i
	}
	j := skipWS(text, i+len(w), 1)
	var parts []string
	end := j
	// the longest known name first ("Bộ Thông tin và Truyền thông")
	best := 0
	for _, n := range tab().issNames {
		if len(n) > best {
			if k := prefixFold(text[j:], n); k > best {
				best = k
			}
		}
	}
	if best > 0 {
		parts = append(parts, strings.Join(strings.Fields(text[j:j+best]), " "))
		end = j + best
		if end >= len(text) || !isWS(text[end]) {
			return parts[0], end
		}
		j = skipWS(text, end, 1)
	}
	for len(parts) < 12 && j < len(text) {
		e := j
		for e < len(text) && !isWS(text[e]) {
			e++
		}
		raw := text[j:e]
		tw := trimWord(text, j, e)
		if tw.s == "" || tw.start != j {
			break
		}
		lw := strings.ToLower(tw.s)
		r, _ := utf8.DecodeRuneInString(tw.s)
		cur := strings.ToLower(strings.Join(parts, " "))
		if len(parts) > 0 && closedIssuers[cur] {
			break
		}
		ok := unicode.IsUpper(r) || issuerGlue[lw] || (lw == "và" && len(parts) > 0 && nextCapital(text, e))
		if len(parts) == 0 && !unicode.IsUpper(r) {
			ok = false
		}
		if ok && unicode.IsUpper(r) && startsTypePhrase(text, j) {
			ok = false
		}
		if !ok {
			break
		}
		parts = append(parts, tw.s)
		end = tw.end
		if tw.end < e || strings.ContainsAny(raw[len(raw)-1:], ";,.:)") {
			break
		}
		j = skipWS(text, e, 1)
	}
	for len(parts) > 0 && (parts[len(parts)-1] == "và" || parts[len(parts)-1] == "-") {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 {
		return "", i
	}
	return strings.Join(parts, " "), end
}

func nextCapital(text string, e int) bool {
	j := skipWS(text, e, 0)
	if j >= len(text) || startsTypePhrase(text, j) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsUpper(r)
}

// startsTypePhrase reports whether a type word ("Công văn", "Quyết
// định", "Luật") starts at text[j].
func startsTypePhrase(text string, j int) bool {
	var ws []string
	k := j
	for len(ws) < 3 && k < len(text) {
		w := wordAt(text, k)
		if w == "" {
			break
		}
		ws = append(ws, strings.ToLower(w))
		k = skipWS(text, k+len(w), 0)
	}
	for _, p := range tab().phrases {
		if len(p.words) <= len(ws) {
			ok := true
			for i := range p.words {
				if p.words[i] != ws[i] {
					ok = false
					break
				}
			}
			if ok && len(p.words[0]) > 2 {
				return true
			}
		}
	}
	return false
}

// lastWords holds the last word of every type phrase, lower case, and
// "số": a cheap filter before the phrase match.
var lastWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{"số": true, "số:": true}
	for _, p := range tab().phrases {
		m[p.words[len(p.words)-1]] = true
	}
	return m
})

// mayEndPhrase reports whether the word before end (after white space)
// can end a type phrase or be "số".
func mayEndPhrase(text string, end int) bool {
	i := end
	for i > 0 && isWS(text[i-1]) {
		i--
	}
	e := i
	for i > 0 && !isWS(text[i-1]) && e-i < 16 {
		i--
	}
	w := text[i:e]
	if len(w) == 0 || len(w) >= 16 {
		return false
	}
	if lastWords()[w] {
		return true
	}
	return lastWords()[strings.ToLower(strings.TrimLeftFunc(w, isPunct))]
}
