package target

import (
	"kehoach/internal/lazyre"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"kehoach/corpus"
	"kehoach/extract/indicator"
)

// Region kinds.
const (
	kindTarget   = "target"
	kindAchieved = "achieved"
	kindSkip     = "skip" // tabular appendices: figures there are table cells
)

// sec is one section with the kind of figure its text holds.
type sec struct {
	start, end int // the body (heading included)
	level      int
	parent     int
	head       string // heading text, with the next line(s) for a bare "Phần I"
	appendix   bool
	kind       string
	year       int // achieved: the year the status figures are for (0: unknown)
}

// regions is the section layout of one document, for kind and year look-ups.
type regions struct {
	secs []sec // sorted by start
}

// at returns the innermost section containing off, or nil.
func (r *regions) at(off int) *sec {
	var best *sec
	for i := range r.secs {
		s := &r.secs[i]
		if s.start > off {
			break
		}
		if off < s.end && (best == nil || s.start >= best.start) {
			best = s
		}
	}
	return best
}

var (
	headPart     = lazyre.New(`^(?i:phần)\s+(?:[IVXLC]+|\d+|thứ\s+\p{L}+)\b`)
	headAppendix = lazyre.New(`^(?:PHỤ LỤC|Phụ lục|PHỤ LỤC)\b`)
	headRoman    = lazyre.New(`^[IVXLC]+\.\s+\S`)
	headCapital  = lazyre.New(`^[A-HK-UWYĐ]\.\s+\p{Lu}`)
	headArabic   = lazyre.New(`^\d+(?:\.\d+)*\.?\s+\p{L}`)
	headLetter   = lazyre.New(`^[a-zđ]\)\s+\S`)
	yearRe       = lazyre.New(`\b(19[5-9]\d|20\d\d)\b`)
)

// buildRegions takes the section tree from doc.Sections when ingest built
// one, else scans heading lines itself.
func buildRegions(doc *corpus.Document, statusYear int) *regions {
	text := doc.Text
	var secs []sec
	if len(doc.Sections) > 0 {
		for _, s := range doc.Sections {
			if !s.Body.Valid(text) || !s.Span.Valid(text) {
				continue
			}
			head := strings.TrimSpace(s.Number + " " + s.Heading)
			secs = append(secs, sec{start: s.Body.Start, end: s.Body.End, level: s.Level, parent: s.Parent,
				head: head, appendix: isAppendix(s.Number) || isAppendix(s.Heading)})
			if len(strings.Fields(s.Heading)) <= 1 {
				secs[len(secs)-1].head += " " + following(text, s.Span.End)
			}
		}
		// the parents refer to doc.Sections indexes; dropped sections are rare
		// enough that a mismatch only loses inheritance.
		if len(secs) != len(doc.Sections) {
			for i := range secs {
				secs[i].parent = -1
			}
		}
	} else {
		secs = scanHeadings(text)
	}
	for i := range secs {
		s := &secs[i]
		p := s.parent
		if p >= i || p < -1 {
			p = -1
			s.parent = -1
		}
		k := ""
		decisive := len(strings.Fields(s.head)) <= 12 || mostlyUpper(s.head) // longer "headings" are numbered paragraphs
		if decisive {
			k = classify(s.head)
		}
		if decisive && (k == "" || k == kindTarget) && weakReview(s.head) && (p < 0 || secs[p].kind != kindTarget) {
			k = kindAchieved // "ĐÁNH GIÁ VIỆC THỰC HIỆN KẾ HOẠCH NĂM 2022" at the top
		}
		if p >= 0 && secs[p].kind == kindAchieved && k == kindTarget && !forward(s.head) {
			k = kindAchieved // "so với mục tiêu", "các nhiệm vụ đã triển khai" in a review
		}
		if s.appendix {
			switch {
			case tabular(text[s.start:s.end]):
				k = kindSkip // cells: read by the table reader, not as prose
			case k != kindAchieved:
				k = kindTarget
			}
		}
		if k == "" {
			k = kindTarget
			if p >= 0 {
				k = secs[p].kind
			}
		}
		s.kind = k
		if k == kindAchieved {
			s.year = maxYear(s.head)
			if s.year == 0 && p >= 0 {
				s.year = secs[p].year
			}
			if s.year == 0 {
				s.year = statusYear
			}
		}
	}
	sort.SliceStable(secs, func(i, j int) bool { return secs[i].start < secs[j].start })
	return &regions{secs: secs}
}

func isAppendix(s string) bool {
	return strings.HasPrefix(indicator.Fold(s), "phu luc")
}

// following returns the text of the lines after a bare heading ("Phần I")
// up to the next blank line pair or 300 bytes.
func following(text string, from int) string {
	end := from + 300
	if end > len(text) {
		end = len(text)
	}
	for end < len(text) && !isRuneStart(text[end]) {
		end++
	}
	s := text[from:end]
	// stop at the first roman-numeral heading line
	lines := strings.Split(s, "\n")
	var out []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			if len(out) > 0 && len(strings.Join(out, " ")) > 60 {
				break
			}
			continue
		}
		if headRoman.MatchString(t) || headArabic.MatchString(t) {
			break
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// scanHeadings finds heading lines: Phần I / PHỤ LỤC (level 1), I. (2),
// 1. (3), a) (4). Numbered lines are headings only when short.
func scanHeadings(text string) []sec {
	var secs []sec
	var stack []int
	off := 0
	for off < len(text) {
		nl := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if nl >= 0 {
			end = off + nl
		}
		line := strings.TrimSpace(text[off:end])
		level := 0
		app := false
		switch {
		case line == "":
		case headAppendix.MatchString(line):
			level, app = 1, true
		case headPart.MatchString(line), headCapital.MatchString(line):
			level = 1
		case headRoman.MatchString(line):
			level = 2
		case headArabic.MatchString(line) && len(line) < 160 && !strings.HasSuffix(line, ";"):
			level = 3
		case headLetter.MatchString(line) && len(line) < 160 && !strings.HasSuffix(line, ";"):
			level = 4
		}
		if level > 0 {
			for len(stack) > 0 && secs[stack[len(stack)-1]].level >= level {
				secs[stack[len(stack)-1]].end = off
				stack = stack[:len(stack)-1]
			}
			parent := -1
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			head := line
			if len(strings.Fields(line)) <= 2 {
				head += " " + following(text, end)
			}
			secs = append(secs, sec{start: off, end: len(text), level: level, parent: parent, head: head, appendix: app})
			stack = append(stack, len(secs)-1)
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	return secs
}

// classify decides the kind of figure a heading's section holds, "" when
// the heading does not say.
func classify(head string) string {
	f := " " + indicator.Fold(head) + " "
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(f, " "+w+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("ket qua du kien", "ket qua can dat"):
		return kindTarget
	case has("ket qua", "hien trang", "thuc trang", "tinh hinh", "kho khan", "han che", "ton tai"):
		return kindAchieved
	case has("thuc tien", "co so thuc tien"):
		return kindAchieved // "Căn cứ thực tiễn": the current state
	case has("can cu", "su can thiet", "boi canh", "co so phap ly", "quan diem") && !has("muc tieu", "nhiem vu"):
		return kindSkip // grounds and context: national targets quoted there are not the plan's
	case has("muc tieu", "chi tieu", "nhiem vu", "giai phap", "noi dung ke hoach", "ke hoach", "dinh huong", "to chuc thuc hien", "lo trinh"):
		return kindTarget
	}
	return ""
}

// weakReview reports a heading that reads as a review only at the top of
// the document: "Đánh giá ...", "Sơ kết", "Tổng kết" (under a plan part,
// "Đánh giá mức độ chuyển đổi số" is a task).
func weakReview(head string) bool {
	f := " " + indicator.Fold(head) + " "
	if !containsAny(f, " danh gia ", " so ket ", " tong ket ") {
		return false
	}
	return !containsAny(f, " muc tieu ", " nhiem vu ", " giai phap ", " phuong huong ", " de xuat ")
}

// forward reports a heading that turns from the review to what comes
// next: "Phương hướng, nhiệm vụ năm 2022", "Mục tiêu", "Kế hoạch năm ...".
func forward(head string) bool {
	f := " " + indicator.Fold(head) + " "
	for _, w := range []string{" phuong huong ", " muc tieu ", " ke hoach nam ", " de xuat ", " thoi gian toi "} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// mostlyUpper reports a heading in capitals ("ĐÁNH GIÁ KẾT QUẢ ...").
func mostlyUpper(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up > 0 && up*10 >= (up+low)*6
}

func maxYear(s string) int {
	best := 0
	for _, m := range yearRe.FindAllString(s, -1) {
		y, _ := strconv.Atoi(m)
		if y > best {
			best = y
		}
	}
	return best
}

// tabular reports whether an appendix body is a table flattened to short
// lines (one cell per line) rather than prose.
func tabular(body string) bool {
	var lens []int
	for _, l := range strings.Split(body, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			lens = append(lens, len(t))
		}
	}
	if len(lens) < 8 {
		return false
	}
	sort.Ints(lens)
	return lens[len(lens)/2] < 45
}

var (
	periodRange = lazyre.New(`(?i)giai\s+đoạn\s+(20\d\d)\s*[-–]\s*(20\d\d)`)
	periodYear  = lazyre.New(`(?i)(?:^|[^\p{L}])năm\s+(20\d\d)`)
	dateYear    = lazyre.New(`(?i)tháng\s+\d{1,2}\s+năm\s+20\d\d`)
)

// planPeriod is x.Document.Period when meta found it, else a guess from
// the opening of the text (the title): "giai đoạn 2021 - 2025" or
// "năm 2022".
func planPeriod(doc *corpus.Document, x *corpus.Extraction) *corpus.Period {
	if p := x.Document.Period; p != nil && p.To >= p.From && p.From > 1900 {
		return p
	}
	head := doc.Text
	if len(head) > 3000 {
		head = head[:3000]
	}
	if m := periodRange.FindStringSubmatch(head); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if b >= a {
			return &corpus.Period{From: a, To: b}
		}
	}
	head = dateYear.ReplaceAllString(head, "")
	if m := periodYear.FindStringSubmatch(head); m != nil {
		y, _ := strconv.Atoi(m[1])
		return &corpus.Period{From: y, To: y}
	}
	return nil
}
