package target

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"kehoach/extract/indicator"
	"kehoach/extract/vnnum"
)

// figure is one quantified figure found in the text.
type figure struct {
	start, end int // the number (with its comparator word excluded), through "%" or the counted noun
	numEnd     int // end of the (last) number, before "%" or the noun
	value      float64
	max        *float64
	of         *float64
	unit       string
	unitStart  int
	rank       bool
	trailingGE bool // "... trở lên" after the figure
}

// counted nouns: the units a count may carry, matched case-insensitively
// as whole words; longer entries first.
var nouns = sortedByLen([]string{
	"bộ dữ liệu", "cơ sở dữ liệu", "dịch vụ", "hệ thống thông tin", "hệ thống",
	"cổng thông tin điện tử", "trang thông tin điện tử", "cổng", "chế độ báo cáo",
	"chỉ tiêu báo cáo", "chỉ tiêu", "thủ tục hành chính", "thủ tục", "TTHC", "hồ sơ",
	"văn bản", "phần mềm", "ứng dụng", "nền tảng", "hộp thư", "tài khoản", "chứng thư số",
	"chữ ký số", "Sim PKI", "máy tính", "máy chủ", "máy trạm", "thiết bị đầu cuối", "thiết bị",
	"camera", "điểm cầu", "điểm", "lượt cảnh báo", "lượt cán bộ", "lượt người", "lượt truy cập",
	"lượt", "cán bộ", "công chức", "viên chức", "người", "học viên", "đợt diễn tập", "đợt",
	"cuộc", "sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp",
	"cá nhân", "xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố", "tỉnh", "thôn",
	"hộ gia đình", "trường học", "trường", "bệnh viện", "trạm", "mô hình", "đề án", "dự án",
	"nhiệm vụ", "bộ", "CSDL", "HTTT", "DVCTT", "CBCCVC", "CBCC",
	"tổ công nghệ số cộng đồng", "tổ", "sản phẩm", "hợp tác xã", "hộ kinh doanh", "hộ",
	"chương trình", "khóa", "khoá", "buổi", "hội nghị", "tin bài", "giao dịch", "học sinh",
	"sinh viên", "giáo viên", "cơ sở y tế", "cơ sở giáo dục", "cơ sở", "km", "điểm phát",
	"doanh nghiệp công nghệ số", "thành viên", "chuyên gia", "kỹ sư", "lao động", "người dân",
	"thủ tục hành chính", "quy trình", "bộ thủ tục", "văn bản quy phạm pháp luật", "trạm BTS",
	"bộ phận", "phòng họp", "phòng", "gói thầu", "sự cố", "cuộc tấn công", "tài liệu", "trang tài liệu",
	"bản ghi", "trường dữ liệu", "danh mục", "điểm truy cập", "tuyến", "đơn vị hành chính", "chi nhánh",
	"bưu cục", "thư viện", "đài truyền thanh", "cụm loa", "tin", "bài", "chuyên mục", "phóng sự", "video",
	"website", "máy", "lượt truy cập", "lượt giao dịch",
})

// classifiers: measure words that count occurrences or sets of the noun
// after them. A classifier keeps that noun in the unit ("lượt cảnh
// báo", "đợt diễn tập", "cuộc diễn tập", "lớp tập huấn", "bộ dữ liệu");
// bare it is a unit only where nothing names what is counted ("02
// đợt/năm"). needNoun: never a unit alone ("4 lớp" is a protection
// model, "gấp 2 lần" a multiple).
var classifiers = map[string]bool{ // word -> needNoun
	"lượt": false, "đợt": false, "cuộc": false, "buổi": false, "bộ": false, "khóa": false, "khoá": false,
	"lớp": true, "lần": true,
}

// classifierAt reads a classifier and the noun it counts at i: a known
// counted noun, else a one- or two-syllable content word. It returns the
// end offset, or -1 when no classifier starts at i (or one that needs a
// noun has none). A counted noun that merely starts like a classifier
// ("bộ phận", "cuộc họp" when listed) is left to the noun list.
func classifierAt(text string, i int) int {
	w, e := syllableAt(text, i)
	if e < 0 {
		return -1
	}
	needNoun, ok := classifiers[strings.ToLower(w)]
	if !ok {
		return -1
	}
	if ne := matchAny(text, i, nouns); ne > e {
		return ne // a listed noun beginning with the classifier's syllable
	}
	j := skipSpace(text, e, true)
	if j > e {
		if ne := matchAny(text, j, nouns); ne >= 0 && classifierAt(text, j) < 0 {
			return ne
		}
		if ne := openNoun(text, j); ne >= 0 {
			return ne
		}
	}
	if needNoun && !strings.HasPrefix(text[e:], "/") {
		return -1 // but a frequency is a unit: "01 lần/năm"
	}
	return e
}

// syllableAt reads one lower- or upper-case letter run at i.
func syllableAt(text string, i int) (string, int) {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	if j == i {
		return "", -1
	}
	return text[i:j], j
}

// notNouns are the words after a number that do not make it a count:
// time and age (years, months, dates, durations without a limit), money
// and magnitudes, levels, grades, phases, multiples, legal pinpoints and
// function words. A number followed by any other lower-case word is a
// count of what that word names.
var notNouns = map[string]bool{
	"năm": true, "tháng": true, "ngày": true, "tuần": true, "quý": true, "giờ": true, "phút": true, "giây": true,
	"tuổi": true, "đồng": true, "triệu": true, "tỷ": true, "tỉ": true, "nghìn": true, "ngàn": true, "trăm": true,
	"chục": true, "vạn": true, "usd": true, "vnđ": true, "đ": true, "cấp": true, "mức": true, "độ": true, "bậc": true,
	"hạng": true, "lần": true, "lớp": true, "phần": true, "giai": true, "điều": true, "khoản": true, "điểm": false,
	"chương": true, "mục": true, "tầng": true, "và": true, "của": true, "các": true, "những": true, "được": true,
	"đã": true, "đang": true, "sẽ": true, "có": true, "là": true, "tại": true, "trong": true, "trên": true,
	"dưới": true, "với": true, "cho": true, "từ": true, "đến": true, "tới": true, "theo": true, "về": true,
	"so": true, "thì": true, "mà": true, "như": true, "hoặc": true, "hay": true, "nhưng": true, "để": true,
	"đạt": true, "tăng": true, "giảm": true, "bằng": true, "gồm": true, "trở": true, "lên": true, "người": false,
	"km": true, "m": true, "ha": true, "kg": true, "mb": true, "gb": true, "tb": true, "mbps": true,
	"gbps": true, "số": true, "thứ": true, "nội": true, "này": true, "đó": true, "ra": true, "vào": true,
	"đối": true, "bởi": true, "vì": true, "nhằm": true, "qua": true, "ngoài": true, "sau": true, "trước": true,
	"giữa": true, "thuộc": true, "kể": true, "riêng": true, "chung": true, "cùng": true, "đều": true,
	"kỳ": true, "khóa": false, "ký": true, "bản": true, "đợt": false, "chiều": true, "hướng": true,
}

// composition are the first syllables of the nouns a plan describes
// itself with ("3 trụ cột", "7 giải pháp", "3 bước", "5 tiêu chí", "3 đột
// phá", "10 lĩnh vực ưu tiên"): a bare number before them is not a count
// (after a classifier they are: "01 bộ tiêu chí").
var composition = map[string]bool{
	"trụ": true, "bước": true, "giải": true, "nhóm": true, "khía": true, "lĩnh": true, "nguyên": true,
	"tiêu": true, "yếu": true, "đột": true, "quan": true, "trọng": true,
}

// openNoun reads the head noun of a counted phrase at i: a lower-case
// word of one or two syllables (Vietnamese nouns are mostly two: "cảnh
// báo", "sự cố", "phản ánh"), the second dropped when it is a function
// word. It returns the end offset, or -1 when the word at i is not a
// noun that counts (see notNouns) or is capitalised (a name or title:
// "Nghị định", "Sở").
func openNoun(text string, i int) int {
	w, e := syllableAt(text, i)
	if e < 0 {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || notNouns[w] {
		return -1
	}
	one := e // a one-letter word ("ý kiến") is a noun only with a second syllable
	if utf8.RuneCountInString(w) < 2 {
		one = -1
	}
	j := skipSpace(text, e, false)
	if j == e || j >= len(text) {
		return one
	}
	w2, e2 := syllableAt(text, j)
	if e2 < 0 {
		return one
	}
	r2, _ := utf8.DecodeRuneInString(w2)
	if !unicode.IsLower(r2) || notNouns[w2] || stopSecond[w2] {
		return one
	}
	return e2
}

// stopSecond are words that end a one-syllable noun rather than continue
// it: verbs and qualifiers that follow a count ("17 xe được cấp").
var stopSecond = map[string]bool{
	"trực": true, "chuyên": true, // "trực tuyến", "chuyên đề": modifiers of a one-syllable noun
	"mới": true, "khác": true, "cần": true, "phải": true, "bị": true, "thực": true, "mỗi": true, "nữa": true,
}

// durations are the units of a time limit ("tối đa 24 giờ", "không quá
// 07 ngày làm việc"); they count only after a limiting comparator.
var durations = sortedByLen([]string{"ngày làm việc", "giờ làm việc", "ngày", "giờ", "phút", "tháng", "tuần", "giây"})

// timeLimit reports a duration figure that is itself the commitment: a
// limiting comparator right before it ("tối đa", "không quá"), or "trong
// vòng" when its clause measures a time ("Thời gian phản hồi ... trong
// vòng 30 phút"); never when a percentage comes first in its clause,
// which the duration only qualifies ("100% sự cố được khắc phục trong
// vòng 48 giờ").
func timeLimit(text string, i int) bool {
	from := i - 300
	if from < 0 {
		from = 0
	}
	clause := text[from:i]
	if k := strings.LastIndexAny(clause, ";:\n"); k >= 0 {
		clause = clause[k+1:]
	}
	if k := strings.LastIndex(clause, ". "); k >= 0 {
		clause = clause[k+2:]
	}
	if strings.Contains(clause, "%") || strings.Contains(indicator.Fold(clause), "phan tram") {
		return false
	}
	prefix := lastWords(text, i-60, i, 4)
	if limited(prefix) && !endsWithWord(prefix, "trong vong") && !endsWithWord(prefix, "trong thoi han") {
		return true
	}
	return (endsWithWord(prefix, "trong vong") || endsWithWord(prefix, "trong thoi han")) &&
		strings.Contains(" "+indicator.Fold(clause)+" ", " thoi gian ")
}

// limited reports a comparator word right before a figure (fillers such
// as "là", "đạt" skipped): "tối đa", "không quá", "dưới", "ít nhất".
func limited(prefix string) bool {
	ws := strings.Fields(prefix)
	for len(ws) > 0 && fillers[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	p := strings.Join(ws, " ")
	for _, c := range comparators {
		if endsWithWord(p, c.words) {
			return true
		}
	}
	return false
}

// admin units may follow UBND directly: "UBND huyện, thị xã, thành phố".
var adminNouns = sortedByLen([]string{"xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố", "tỉnh", "quận"})

var ubnd = sortedByLen([]string{"UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân"})

// number words that count where they quantify an administrative unit
// ("lựa chọn một xã/phường").
var numberWords = map[string]float64{
	"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}

// isLetter is unicode.IsLetter, by table for the characters of
// Vietnamese text.
func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r < 0x370:
		return latinLetters()[r]
	case r >= 0x1E00 && r < 0x1F00:
		return latinLetters()[r-0x1E00+0x370]
	}
	return unicode.IsLetter(r)
}

// latinLetters marks the letters of U+0000-U+036F and U+1E00-U+1EFF.
var latinLetters = sync.OnceValue(func() *[0x470]bool {
	var t [0x470]bool
	for r := rune(0); r < 0x370; r++ {
		t[r] = unicode.IsLetter(r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		t[r-0x1E00+0x370] = unicode.IsLetter(r)
	}
	return &t
})

// numberWord looks w up in numberWords in lower case.
func numberWord(w string) (float64, bool) {
	// The longest key has 7 bytes; lower case can shrink a character
	// from 3 bytes to 1 (the Kelvin sign), so a longer word is no key.
	if len(w) > 21 || w == "" {
		return 0, false
	}
	switch w[0] | 0x20 { // every key starts with one of these ASCII letters
	case 'm', 'h', 'b', 'n', 's', 't', 'c':
	default:
		return 0, false
	}
	var buf [32]byte
	b := buf[:0]
	for _, r := range w { // as strings.ToLower
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	switch string(b) { // the keys of numberWords (TestNumberWord), without hashing
	case "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười":
		return numberWords[string(b)], true
	}
	return 0, false
}

func sortedByLen(ws []string) []string {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && len(ws[j]) > len(ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
	return ws
}

// matchWords matches the words of w at text[i:] case-insensitively,
// allowing any run of spaces or one line break between words; it returns
// the end offset or -1. The match must end at a word boundary.
func matchWords(text string, i int, w string) int {
	first := true
	for len(w) > 0 {
		sp := strings.IndexByte(w, ' ')
		word := w
		if sp >= 0 {
			word, w = w[:sp], w[sp+1:]
		} else {
			w = ""
		}
		if word == "" {
			continue
		}
		if !first {
			j := skipSpace(text, i, true)
			if j == i {
				return -1
			}
			i = j
		}
		first = false
		if i+len(word) > len(text) || !strings.EqualFold(text[i:i+len(word)], word) {
			return -1
		}
		i += len(word)
	}
	if i < len(text) {
		r, _ := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return -1
		}
	}
	return i
}

// skipSpace skips spaces and tabs, and at most one line break when nl.
func skipSpace(text string, i int, nl bool) int {
	lines := 0
	for i < len(text) {
		switch text[i] {
		case ' ', '\t', '\r':
			i++
			continue
		case '\n':
			if nl && lines == 0 {
				lines++
				i++
				continue
			}
		}
		if strings.HasPrefix(text[i:], "\u00a0") {
			i += 2
			continue
		}
		break
	}
	return i
}

// matchAny returns the end of the first of ws matching at i, or -1.
func matchAny(text string, i int, ws []string) int {
	for _, w := range ws {
		if e := matchWords(text, i, w); e >= 0 {
			return e
		}
	}
	return -1
}

// unitAt reads a counted-noun unit at i: nouns joined by ", ", " và " or
// "/", UBND followed by its level or admin units, and a "/năm" suffix.
// It returns the end offset or -1.
func unitAt(text string, i int) int {
	head := func(i int) int {
		if e := matchAny(text, i, ubnd); e >= 0 {
			j := skipSpace(text, e, true)
			if k := matchWords(text, j, "cấp"); k >= 0 {
				if l := matchAny(text, skipSpace(text, k, true), adminNouns); l >= 0 {
					return l
				}
			}
			if k := matchAny(text, j, adminNouns); k >= 0 {
				return k
			}
			return e
		}
		if e := classifierAt(text, i); e >= 0 {
			return e
		}
		return matchAny(text, i, nouns)
	}
	end := head(i)
	if end < 0 {
		return -1
	}
	for {
		j := end
		switch {
		case strings.HasPrefix(text[j:], ","):
			j = skipSpace(text, j+1, true)
		case strings.HasPrefix(text[j:], "/"):
			j++
		default:
			k := skipSpace(text, j, true)
			if e := matchWords(text, k, "và"); e >= 0 && k > j {
				j = skipSpace(text, e, true)
			} else {
				j = -1
			}
		}
		if j < 0 {
			break
		}
		if e := head(j); e >= 0 {
			end = e
			continue
		}
		if strings.HasPrefix(text[end:], "/") {
			if e := matchWords(text, end+1, "năm"); e >= 0 {
				end = e
			}
		}
		break
	}
	return end
}

// numAt reads a digit number at i (as vnnum writes them) and returns its
// end and value.
func numAt(text string, i int) (int, float64, bool) {
	j := i
	for j < len(text) {
		c := text[j]
		if isDigit(c) {
			j++
			continue
		}
		if (c == '.' || c == ',') && j+1 < len(text) && isDigit(text[j+1]) && j > i {
			j++
			continue
		}
		break
	}
	if j == i {
		return i, 0, false
	}
	v, ok := vnnum.ParseNumber(text[i:j])
	return j, v, ok
}

// listedAfterExcluded reports a later number of a list whose first
// number is not a figure: "mức độ 3, 4 phổ biến", "Điều 5 và 6 của".
func listedAfterExcluded(text string, i int) bool {
	first := listHead(text, i)
	if first == i {
		return false
	}
	p := lastWords(text, first-60, first, 3)
	for _, w := range excludedBefore {
		if endsWithWord(p, w) {
			return true
		}
	}
	return false
}

// listHead is the start of the first number of a list of bare numbers
// ending at i ("3, 4", "5 và 6", "1, 2, 3"), or i when the number at i
// follows none.
func listHead(text string, i int) int {
	head := i
	for {
		j := head
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		switch {
		case j > 0 && text[j-1] == ',':
			j--
		case j >= len("và") && text[j-len("và"):j] == "và":
			j -= len("và")
		default:
			return head
		}
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 && isDigit(text[k-1]) {
			k--
		}
		if k == j || (k > 0 && (unicode.IsLetter(prevRune(text, k)) || text[k-1] == '.' || text[k-1] == ',' || text[k-1] == '/' || text[k-1] == '-')) {
			return head
		}
		head = k
	}
}

// isNumber reports a word of digits (a folded number, grouping removed).
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// percentAt reads "%" or "phần trăm" at i (after optional spaces).
func percentAt(text string, i int) int {
	j := skipSpace(text, i, true)
	if strings.HasPrefix(text[j:], "%") {
		return j + 1
	}
	if e := matchWords(text, j, "phần trăm"); e >= 0 {
		return e
	}
	return -1
}

// prevRune returns the rune before i.
func prevRune(text string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// lastWords returns the folded last n words of text[from:to].
func lastWords(text string, from, to, n int) string {
	if from < 0 {
		from = 0
	}
	if to-from > 120 {
		from = to - 120
		for from < to && !isRuneStart(text[from]) {
			from++
		}
	}
	if n <= 0 {
		return ""
	}
	// Fold puts one space between words and none at the ends.
	f := indicator.Fold(text[from:to])
	k := len(f)
	for spaces := 0; k > 0; k-- {
		if f[k-1] == ' ' {
			if spaces++; spaces == n {
				break
			}
		}
	}
	return f[k:]
}

// excluded words right before a number: levels, versions, phases, legal
// pinpoints, dates, document numbers.
var excludedBefore = []string{
	"muc do", "muc", "cap do", "phien ban", "giai doan", "dieu", "khoan", "diem",
	"lan thu", "thu", "nhiem vu", "phu luc", "chuong", "tcvn", "iso", "ke hoach", "quyet dinh",
	"nghi dinh", "thong tu", "chi thi", "nghi quyet", "cong van", "quy", "thang", "ngay", "nam",
	"hop phan", "tang", "khoa", "cong nghiep", "version", "ipv", "lop", "so hieu", "ky hieu",
	"luat so", "van ban so", "thong bao", "bao cao so", "phan", "dinh ky",
}

func endsWithWord(s, w string) bool {
	return s == w || strings.HasSuffix(s, " "+w)
}

// scanFigures finds every quantified figure in text[from:to].
func scanFigures(text string) []figure {
	var figs []figure
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isDigit(c) {
			if i > 0 && (isDigit(text[i-1]) || text[i-1] == '.' || text[i-1] == ',') {
				continue
			}
			f, end, ok := digitFigure(text, i)
			if ok {
				figs = append(figs, f)
			}
			if end > i {
				i = end - 1
			}
			continue
		}
		if (c >= 0x80 && isRuneStart(c)) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			f, next, ok := wordFigure(text, i)
			if ok {
				figs = append(figs, f)
				i = f.end - 1
			} else {
				i = next - 1
			}
		}
	}
	return figs
}

// digitFigure reads a figure starting with a digit at i. end is how far
// the scan may skip.
func digitFigure(text string, i int) (figure, int, bool) {
	f := figure{start: i}
	pr := prevRune(text, i)
	numEnd, v, ok := numAt(text, i)
	if !ok {
		return f, numEnd, false
	}
	// glued to letters or symbols: IPv6, 4G, 64/2007/NĐ-CP, 10-4-2007
	if unicode.IsLetter(pr) || pr == '/' || pr == '_' || pr == '\\' {
		return f, numEnd, false
	}
	if pr == '-' && i >= 2 && isDigit(text[i-2]) {
		return f, numEnd, false
	}
	if numEnd < len(text) {
		r, _ := utf8.DecodeRuneInString(text[numEnd:])
		if unicode.IsLetter(r) || r == '_' {
			return f, numEnd, false
		}
	}
	// ordinal list markers: "4. 100% ...", "1.1 Hệ thống ...", a number
	// alone on its line (a flattened table's STT cell)
	if lineStart(text, i) {
		if numEnd < len(text) && text[numEnd] == '.' && (numEnd+1 == len(text) || text[numEnd+1] == ' ' || text[numEnd+1] == '\n') {
			return f, numEnd, false
		}
		rest := restOfLine(text, numEnd)
		if rest == "" {
			return f, numEnd, false
		}
		if paragraphStart(text, i) && percentAt(text, numEnd) < 0 {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return f, numEnd, false
			}
			if k := strings.LastIndexByte(text[i:numEnd], '.'); k >= 0 && numEnd-(i+k+1) != 3 {
				return f, numEnd, false // "1.1 Hệ thống ..."
			}
		}
	}
	f.numEnd, f.value = numEnd, v
	prefix := lastWords(text, i-60, i, 3)
	for _, w := range []string{"xep thu", "dung thu", "hang thu", "xep hang", "vi tri thu", "top"} {
		if endsWithWord(prefix, w) && percentAt(text, numEnd) < 0 {
			return rankFigure(text, f)
		}
	}
	if endsWithWord(prefix, "nhom") && percentAt(text, numEnd) < 0 {
		after := " " + indicator.Fold(text[numEnd:min(len(text), numEnd+80)]) + " "
		if containsAny(after, " dan dau ", " dung dau ", " cao nhat ", " tot nhat ", " ca nuoc ", " hang dau ") {
			return rankFigure(text, f)
		}
	}
	if percentAt(text, numEnd) < 0 {
		for _, w := range excludedBefore {
			if endsWithWord(prefix, w) && !endsWithWord(prefix, "thi diem") {
				return f, numEnd, false
			}
		}
	}
	// fractions: "20/32 hệ thống thông tin"
	if numEnd < len(text) && text[numEnd] == '/' {
		e2, v2, ok := numAt(text, numEnd+1)
		if !ok || e2 == numEnd+1 {
			return f, numEnd, false
		}
		if e2 < len(text) && (text[e2] == '/' || text[e2] == '-') {
			return f, e2, false // a date
		}
		u := skipSpace(text, e2, true)
		ue := unitAt(text, u)
		if ue < 0 {
			return f, e2, false
		}
		f.of = &v2
		f.unitStart, f.end = u, ue
		f.unit = foldSpace(text[u:ue])
		return f, ue, true
	}
	if numEnd < len(text) && (text[numEnd] == '-' || text[numEnd] == '/') && numEnd+1 < len(text) && isDigit(text[numEnd+1]) {
		// 10-4-2007, 2021-2025 (a range of years): not figures
		if isYear(v, text[i:numEnd]) {
			return f, numEnd, false
		}
	}
	// percent
	if pe := percentAt(text, numEnd); pe >= 0 {
		f.unit, f.unitStart, f.end = "%", pe-1, pe
		if lo, hi, e, ok := rangeAfter(text, pe, true); ok {
			_ = lo
			f.max, f.end = &hi, e
		}
		f.trailingGE = troLen(text, f.end)
		return f, f.end, true
	}
	// a range whose first number has no unit: "từ 30 - 50%", "từ 4 đến 6 dịch vụ"
	if _, hi, e, ok := rangeAfter(text, numEnd, false); ok {
		f.max = &hi
		if strings.HasSuffix(strings.TrimSpace(text[numEnd:e]), "%") {
			f.unit, f.unitStart, f.end = "%", e-1, e
		} else {
			u := skipSpace(text, e, true)
			ue := unitAt(text, u)
			if ue < 0 {
				return f, e, false
			}
			f.unit, f.unitStart, f.end = foldSpace(text[u:ue]), u, ue
		}
		f.trailingGE = troLen(text, f.end)
		return f, f.end, true
	}
	if isYear(v, text[i:numEnd]) {
		return f, numEnd, false
	}
	u := skipSpace(text, numEnd, true)
	ue := unitAt(text, u)
	if ue < 0 && timeLimit(text, i) {
		ue = matchAny(text, u, durations) // "tối đa 24 giờ"
	}
	if ue < 0 && u > numEnd && !listedAfterExcluded(text, i) {
		if w, _ := syllableAt(text, u); !composition[w] {
			ue = openNoun(text, u) // "hơn 2.300 cảnh báo tấn công"
		}
	}
	if ue < 0 {
		return f, numEnd, false
	}
	f.unit, f.unitStart, f.end = foldSpace(text[u:ue]), u, ue
	f.trailingGE = troLen(text, f.end)
	return f, f.end, true
}

// rankFigure reads an achieved or targeted place in a ranking: "xếp
// thứ 12/63 tỉnh, thành phố", "đứng thứ 5".
func rankFigure(text string, f figure) (figure, int, bool) {
	f.rank = true
	end := f.numEnd
	if end < len(text) && text[end] == '/' {
		e2, v2, ok := numAt(text, end+1)
		if ok && e2 > end+1 {
			f.of = &v2
			end = e2
		}
	}
	u := skipSpace(text, end, true)
	if ue := unitAt(text, u); ue >= 0 {
		f.unit, f.unitStart, f.end = foldSpace(text[u:ue]), u, ue
		return f, ue, true
	}
	f.unit, f.unitStart, f.end = "hạng", end, end
	return f, end, true
}

// rangeAfter reads "- 50%", "– 50", "đến 6" at i. pct: the first number
// had "%" (then the second may or may not).
func rangeAfter(text string, i int, pct bool) (lo, hi float64, end int, ok bool) {
	j := skipSpace(text, i, false)
	switch {
	case strings.HasPrefix(text[j:], "-"):
		j++
	case strings.HasPrefix(text[j:], "–"):
		j += len("–")
	default:
		e := matchAny(text, j, []string{"đến", "tới"})
		if e < 0 {
			return 0, 0, i, false
		}
		j = e
	}
	j = skipSpace(text, j, false)
	e, v, ok2 := numAt(text, j)
	if !ok2 || e == j {
		return 0, 0, i, false
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || r == '/' {
			return 0, 0, i, false
		}
	}
	if pe := percentAt(text, e); pe >= 0 {
		return 0, v, pe, true
	}
	if pct {
		return 0, v, e, true
	}
	return 0, v, e, true
}

func troLen(text string, i int) bool {
	j := skipSpace(text, i, true)
	return matchWords(text, j, "trở lên") >= 0
}

func isYear(v float64, s string) bool {
	return len(s) == 4 && v >= 1945 && v <= 2100
}

// restOfLine is the trimmed text from i to the end of its line.
func restOfLine(text string, i int) string {
	e := strings.IndexByte(text[i:], '\n')
	if e < 0 {
		e = len(text) - i
	}
	return strings.TrimSpace(text[i : i+e])
}

// paragraphStart reports a line start that is not the continuation of a
// hard-wrapped sentence: the line before is blank or ends a sentence or
// a heading.
func paragraphStart(text string, i int) bool {
	j := i - 1
	for j >= 0 && text[j] != '\n' {
		j--
	}
	for j >= 0 && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		if text[j] == '\n' && j > 0 && text[j-1] == '\n' {
			return true
		}
		j--
	}
	if j < 0 {
		return true
	}
	return strings.ContainsRune(".;:!?", rune(text[j])) || mostlyUpper(restOfLine(text, lineBegin(text, j)))
}

func lineBegin(text string, j int) int {
	for j > 0 && text[j-1] != '\n' {
		j--
	}
	return j
}

func lineStart(text string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

// wordFigure reads a number word quantifying an administrative unit after
// a selecting verb: "lựa chọn một xã/phường", "tại hai huyện". When it
// finds none, next is where scanning may go on: past the letters from i,
// none of which can start a figure (each follows a letter).
func wordFigure(text string, i int) (f figure, next int, ok bool) {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isLetter(r) {
			break
		}
		j += n
	}
	next = max(j, i+1)
	if i > 0 {
		r := prevRune(text, i)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return figure{}, next, false
		}
	}
	v, ok := numberWord(text[i:j])
	if !ok {
		return figure{}, next, false
	}
	u := skipSpace(text, j, true)
	ue := unitAt(text, u)
	if ue < 0 {
		return figure{}, next, false
	}
	prev := lastWords(text, i-40, i, 2)
	switch {
	case endsWithWord(prev, "chon") || endsWithWord(prev, "tai") || endsWithWord(prev, "diem"):
		// "lựa chọn một xã/phường", "thí điểm tại hai huyện"
		if v == 1 && matchAny(text, u, adminNouns) < 0 {
			return figure{}, next, false
		}
	case v >= 2 && (endsWithWord(prev, "xay dung") || endsWithWord(prev, "trien khai") || endsWithWord(prev, "thanh lap") ||
		endsWithWord(prev, "to chuc") || endsWithWord(prev, "co") || endsWithWord(prev, "cho") || endsWithWord(prev, "dao tao")):
		// "xây dựng hai cơ sở dữ liệu"; "một" there is an article, not a count
	default:
		return figure{}, next, false
	}
	return figure{start: i, numEnd: j, value: v, unit: foldSpace(text[u:ue]), unitStart: u, end: ue}, next, true
}

func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
