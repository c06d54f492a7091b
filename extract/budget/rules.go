package budget

import (
	"kehoach/internal/lazyre"
	"strings"
	"unicode/utf8"

	"kehoach/corpus"
	"kehoach/extract/vnnum"
)

var (
	// a share: comparator, figure, "%", then the base it is a share of
	reShare         = lazyre.New(`(?i)(tối thiểu|ít nhất|không dưới|không thấp hơn|tối đa|không quá|không vượt quá|khoảng|xấp xỉ|trên|dưới)?(?:\s+từ)?\s*(\d{1,3}(?:,\d{1,2})?)\s*%\s*(?:trong|trên|của)?\s*((?:tổng\s+)?(?:kinh phí|mức đầu tư|chi ngân sách|ngân sách|nguồn vốn|vốn|chi thường xuyên|chi đầu tư)[^;.()]*)`)
	rePurposeAfter  = lazyre.New(`(?i)(?:^|\s)(?:dành cho|để chi cho|để|chi cho|cho)\s+(.+)$`)
	rePurposeBefore = lazyre.New(`(?i)(?:chi cho|dành cho|cho)\s+(.+?)\s*(?:đạt|là|bằng|chiếm|tối thiểu|ít nhất|khoảng|trong)?\s*$`)
	reBaseWord      = lazyre.New(`(?i)(kinh phí|ngân sách|vốn|mức đầu tư|chi thường xuyên|chi đầu tư)`)
	reRecurring     = lazyre.New(`(?i)(hàng năm|hằng năm|mỗi năm|/năm)`)
)

var comparators = map[string]string{
	"tối thiểu": ">=", "ít nhất": ">=", "không dưới": ">=", "không thấp hơn": ">=",
	"tối đa": "<=", "không quá": "<=", "không vượt quá": "<=",
	"khoảng": "~", "xấp xỉ": "~", "trên": ">", "dưới": "<",
}

// Rules finds budgets stated as a share of something else: "tối thiểu
// 10% trong tổng kinh phí ... dành cho an toàn thông tin", "khoảng 0,5%
// chi ngân sách hàng năm", "tối thiểu từ 1% trên tổng chi ngân sách".
func Rules(text string) []corpus.BudgetRule {
	var out []corpus.BudgetRule
	for _, m := range shareMatches(text) {
		share, ok := vnnum.ParseNumber(text[m[4]:m[5]])
		if !ok || share <= 0 || share > 100 {
			continue
		}
		r := corpus.BudgetRule{Share: share, Comparator: "="}
		start := m[4]
		if m[2] >= 0 {
			r.Comparator = comparators[strings.ToLower(text[m[2]:m[3]])]
			start = m[2]
		}
		baseEnd := m[7]
		base := text[m[6]:m[7]]
		// the purpose often follows the base after "dành cho", "để", "cho"
		if p := rePurposeAfter.FindStringSubmatchIndex(base); p != nil {
			r.Purpose = fold(base[p[2]:p[3]])
			base = base[:p[0]]
		}
		// cut the base at a comma that starts another clause
		if k := strings.Index(base, "("); k >= 0 {
			base = base[:k]
		}
		r.Base = strings.TrimRight(fold(base), " ,")
		if r.Purpose == "" {
			// "Tỷ lệ kinh phí chi cho X đạt tối thiểu 10% ..."
			from := strings.LastIndexAny(text[:start], ".;\n")
			before := text[from+1 : start]
			if p := rePurposeBefore.FindStringSubmatch(before); p != nil {
				r.Purpose = fold(p[1])
			}
		}
		clauseEnd := baseEnd
		for clauseEnd < len(text) && !strings.ContainsRune(".;\n", rune(text[clauseEnd])) {
			clauseEnd++
		}
		clauseStart := strings.LastIndexAny(text[:start], ".;\n") + 1
		r.Recurring = reRecurring.MatchString(text[clauseStart:clauseEnd])
		r.Span = corpus.Span{Start: start, End: trimEnd(text, baseEnd)}
		r.Quote = text[r.Span.Start:r.Span.End]
		out = append(out, r)
	}
	return out
}

func trimEnd(text string, end int) int {
	for end > 0 && (text[end-1] == ' ' || text[end-1] == ',' || text[end-1] == '\n') {
		end--
	}
	return end
}

// shareMatches runs reShare only around each "%" of the text (the
// pattern is slow on whole documents), with offsets into text.
func shareMatches(text string) [][]int {
	var out [][]int
	last := 0
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '%')
		if k < 0 {
			break
		}
		pct := i + k
		i = pct + 1
		// the base follows the "%" closely: skip the many percentages
		// that are targets, not shares of money
		near := pct + 48
		if near > len(text) {
			near = len(text)
		}
		if !reBaseWord.MatchString(text[pct:near]) {
			continue
		}
		w0 := pct - 64
		if w0 < last {
			w0 = last
		}
		if w0 < 0 {
			w0 = 0
		}
		for w0 < pct && !utf8.RuneStart(text[w0]) {
			w0++
		}
		w1 := pct + 600
		if w1 > len(text) {
			w1 = len(text)
		}
		for w1 < len(text) && !utf8.RuneStart(text[w1]) {
			w1++
		}
		// the matches of the window one by one, as FindAll would give
		// them (reShare has no anchors and never matches empty), until
		// one is this "%"'s; none starting after it can be
		win := text[w0:w1]
		for off := 0; off < len(win); {
			m := reShare.FindStringSubmatchIndex(win[off:])
			if m == nil || m[0]+off+w0 > pct {
				break
			}
			for j := range m {
				if m[j] >= 0 {
					m[j] += off
				}
			}
			off = m[1]
			if m[5]+w0 > pct || strings.TrimSpace(text[m[5]+w0:pct]) != "" {
				continue // another "%"
			}
			abs := make([]int, len(m))
			for j, v := range m {
				abs[j] = v
				if v >= 0 {
					abs[j] = v + w0
				}
			}
			out = append(out, abs)
			last = abs[1]
			break
		}
	}
	return out
}
