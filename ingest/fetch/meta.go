package fetch

import (
	"fmt"
	"kehoach/internal/lazyre"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

// Metadata keys an adapter fills in Doc.Meta (and so corpus.Document.Meta).
// Dates are ISO yyyy-mm-dd; other values are the portal's text, squashed.
const (
	MetaNumber        = "number"         // Số hiệu / Số ký hiệu: "1234/QĐ-UBND"
	MetaType          = "type"           // Loại văn bản: "Quyết định"
	MetaIssuer        = "issuer"         // Cơ quan ban hành / Nơi ban hành
	MetaIssueDate     = "issue_date"     // Ngày ban hành, ISO
	MetaSigner        = "signer"         // Người ký
	MetaField         = "field"          // Lĩnh vực (several joined by "; ")
	MetaStatus        = "status"         // Tình trạng hiệu lực: "Còn hiệu lực"
	MetaEffectiveDate = "effective_date" // Ngày hiệu lực, ISO
	MetaTitle         = "title"          // the page's title of the document
	MetaSite          = "site"           // the adapter that read the page
)

// MetaKeys lists the metadata keys in a stable order.
var MetaKeys = []string{MetaNumber, MetaType, MetaIssuer, MetaIssueDate, MetaSigner, MetaField, MetaStatus, MetaEffectiveDate, MetaTitle, MetaSite}

// labels maps the portals' metadata labels (lower case, NFC, without the
// trailing colon) to keys.
var labels = map[string]string{
	"số hiệu":                    MetaNumber,
	"số ký hiệu":                 MetaNumber,
	"số/ký hiệu":                 MetaNumber,
	"số / ký hiệu":               MetaNumber,
	"số, ký hiệu":                MetaNumber,
	"ký hiệu":                    MetaNumber,
	"số văn bản":                 MetaNumber,
	"số hiệu văn bản":            MetaNumber,
	"loại văn bản":               MetaType,
	"loại vb":                    MetaType,
	"hình thức văn bản":          MetaType,
	"thể loại":                   MetaType,
	"cơ quan ban hành":           MetaIssuer,
	"nơi ban hành":               MetaIssuer,
	"đơn vị ban hành":            MetaIssuer,
	"cơ quan ban hành/ người ký": MetaIssuer,
	"cơ quan bh":                 MetaIssuer,
	"ngày ban hành":              MetaIssueDate,
	"ngày bh":                    MetaIssueDate,
	"ngày ký":                    MetaIssueDate,
	"ban hành":                   MetaIssueDate,
	"người ký":                   MetaSigner,
	"người ký duyệt":             MetaSigner,
	"lĩnh vực":                   MetaField,
	"lĩnh vực, ngành":            MetaField,
	"ngành, lĩnh vực":            MetaField,
	"lĩnh vực văn bản":           MetaField,
	"tình trạng":                 MetaStatus,
	"tình trạng hiệu lực":        MetaStatus,
	"hiệu lực":                   MetaStatus,
	"trạng thái":                 MetaStatus,
	"trạng thái hiệu lực":        MetaStatus,
	"ngày hiệu lực":              MetaEffectiveDate,
	"ngày có hiệu lực":           MetaEffectiveDate,
	"hiệu lực từ":                MetaEffectiveDate,
	"ngày áp dụng":               MetaEffectiveDate,
	"trích yếu":                  MetaTitle,
	"trích yếu nội dung":         MetaTitle,
	"tên văn bản":                MetaTitle,
}

// labelKey returns the key for a label cell's text, "" when it is not a
// known label.
func labelKey(s string) string {
	s = strings.ToLower(squash(norm.NFC.String(s)))
	s = strings.TrimSpace(strings.TrimRight(s, ": ："))
	return labels[s]
}

// placeholders are values portals show instead of a value.
var placeholders = map[string]bool{
	"": true, "đang cập nhật": true, "đang cập nhật.": true, "đã biết": true, "không xác định": true,
	"chưa xác định": true, "chưa có": true, "...": true, "--": true, "-": true, "không có": true,
	"dữ liệu đang cập nhật": true, "updating": true,
}

func cleanValue(s string) string {
	s = squash(norm.NFC.String(s))
	if placeholders[strings.ToLower(s)] {
		return ""
	}
	return s
}

var (
	reDMY = lazyre.New(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b`)
	reYMD = lazyre.New(`\b(\d{4})-(\d{2})-(\d{2})`)
)

// isoDate turns "15/06/2021", "15-6-2021" or "2021-06-15T00:00:00Z" into
// "2021-06-15"; other text is returned unchanged.
func isoDate(s string) string {
	if m := reYMD.FindStringSubmatch(s); m != nil {
		return m[0]
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		var d, mo, y int
		fmt.Sscan(m[1], &d)
		fmt.Sscan(m[2], &mo)
		fmt.Sscan(m[3], &y)
		if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
			return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
		}
	}
	return s
}

// setMeta stores a value under key, normalising dates, keeping the first
// non-empty value seen.
func setMeta(m map[string]string, key, val string) {
	val = cleanValue(val)
	if key == "" || val == "" || m[key] != "" {
		return
	}
	if key == MetaIssueDate || key == MetaEffectiveDate {
		val = isoDate(val)
	}
	m[key] = val
}

// labelPairs reads a metadata table inside scope: in every row, a cell
// holding a known label is followed by the cell holding its value (rows
// of two or four cells, as the portals lay them out). Lists and
// paragraphs of "Label: value" lines are read too.
func labelPairs(scope *goquery.Selection, m map[string]string) {
	if scope == nil {
		return
	}
	scope.Find("tr").Each(func(_ int, tr *goquery.Selection) {
		cells := tr.ChildrenFiltered("td, th")
		for i := 0; i < cells.Length()-1; i++ {
			c := cells.Eq(i)
			key := labelKey(c.Text())
			if key == "" {
				continue
			}
			v := cells.Eq(i + 1)
			if labelKey(v.Text()) != "" {
				continue // an empty value cell followed by the next label
			}
			setMeta(m, key, cellValue(v))
			i++
		}
	})
	scope.Find("li, p, div.item, span.item").Each(func(_ int, s *goquery.Selection) {
		if s.Find("li, p, tr").Length() > 0 {
			return
		}
		if lab := s.Find("label, b, strong, span.label").First(); lab.Length() > 0 {
			if key := labelKey(lab.Text()); key != "" {
				val := strings.TrimSpace(strings.TrimPrefix(squash(s.Text()), squash(lab.Text())))
				setMeta(m, key, strings.TrimLeft(val, ": "))
				return
			}
		}
		k, v, ok := strings.Cut(squash(s.Text()), ":")
		if !ok {
			return
		}
		setMeta(m, labelKey(k), v)
	})
}

// cellValue is a value cell's text; several links in it (Lĩnh vực) are
// joined by "; ".
func cellValue(s *goquery.Selection) string {
	links := s.Find("a")
	if links.Length() > 1 {
		var vs []string
		links.Each(func(_ int, a *goquery.Selection) {
			if t := squash(a.Text()); t != "" {
				vs = append(vs, t)
			}
		})
		return strings.Join(vs, "; ")
	}
	return s.Text()
}

// yearOf returns the year of an ISO or d/m/y date, 0 when none.
func yearOf(s string) int {
	s = isoDate(s)
	if m := reYMD.FindStringSubmatch(s); m != nil {
		var y int
		fmt.Sscan(m[1], &y)
		return y
	}
	return 0
}
