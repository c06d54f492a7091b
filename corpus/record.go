package corpus

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
)

// Extraction is the record that `kehoach extract` prints for one document:
// the public contract of SCHEMA.md. Fields may be added; none of the
// SCHEMA.md fields may be renamed or dropped.
type Extraction struct {
	Source    string       `json:"source"`
	SHA256    string       `json:"sha256"`
	Document  DocMeta      `json:"document"`
	Citations []Citation   `json:"citations"`
	Targets   []Target     `json:"targets"`
	Budgets   []Budget     `json:"budgets"`
	Rules     []BudgetRule `json:"budget_rules,omitempty"`
	Projects  []Project    `json:"projects"`
	Warnings  []string     `json:"warnings"`
}

// DocMeta describes the document itself.
type DocMeta struct {
	Number      string  `json:"number"`
	Type        string  `json:"type"`
	Issuer      string  `json:"issuer"`
	Province    string  `json:"province"`
	ProvinceNow string  `json:"province_now"`
	IssueDate   string  `json:"issue_date"`
	Title       string  `json:"title"`
	Period      *Period `json:"period"`
	// Spans of the fields where they were read from the text (extra).
	NumberSpan *Span `json:"number_span,omitempty"`
	DateSpan   *Span `json:"date_span,omitempty"`
}

// Period is a span of years, inclusive.
type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

var periodString = regexp.MustCompile(`^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$`)

// UnmarshalJSON accepts the object form {"from":2021,"to":2025} and, for
// hand-written gold files, the string forms "2021-2025" and "2021".
func (p *Period) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		m := periodString.FindStringSubmatch(s)
		if m == nil {
			return fmt.Errorf("corpus: bad period %q, want YYYY or YYYY-YYYY", s)
		}
		p.From, _ = strconv.Atoi(m[1])
		p.To = p.From
		if m[2] != "" {
			p.To, _ = strconv.Atoi(m[2])
		}
		return nil
	}
	type plain Period
	return json.Unmarshal(b, (*plain)(p))
}

// Citation is one legal document cited by the document.
type Citation struct {
	Type     string   `json:"type"`
	Number   string   `json:"number"`
	Issuer   string   `json:"issuer"`
	Date     string   `json:"date"`
	Title    string   `json:"title"`
	Role     string   `json:"role"` // basis or mention
	Count    int      `json:"count"`
	Span     Span     `json:"span"`
	Quote    string   `json:"quote"`
	Relation string   `json:"relation,omitempty"` // basis, implements, per, amends, replaces, repeals
	Aliases  []string `json:"aliases,omitempty"`
	Pinpoint []string `json:"pinpoints,omitempty"` // "Điều 9", "khoản 2 Điều 10"
	Status   string   `json:"status,omitempty"`    // resolved, ambiguous, unresolved
	Dates    []string `json:"dates,omitempty"`     // all dates given, when they conflict
	Note     string   `json:"note,omitempty"`
	// Registry is the symbol of the national-registry entry the citation
	// resolved to (a law cited by name resolves to its number here;
	// Number stays as written). SupersededBy is that entry's successor.
	Registry     string `json:"registry,omitempty"`
	SupersededBy string `json:"superseded_by,omitempty"`
	// Mentions are the extents of every mention, the first one included:
	// from the quote's start to the end of the issuer and subject the
	// text gives ("... của UBND tỉnh về việc triển khai 100% dịch vụ
	// công ..."), so later stages can skip figures inside citations.
	Mentions []Span `json:"mentions,omitempty"`
}

// Target is a quantified commitment (kind "target") or a reported status
// or result figure (kind "achieved").
type Target struct {
	Kind       string   `json:"kind"`
	Indicator  string   `json:"indicator"`
	Subject    string   `json:"subject"`
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Unit       string   `json:"unit"`
	Comparator string   `json:"comparator"`
	Year       *int     `json:"year"`
	Scope      string   `json:"scope"`
	Span       Span     `json:"span"`
	Quote      string   `json:"quote"`
	Confidence float64  `json:"confidence,omitempty"` // of the indicator mapping
	Of         *float64 `json:"of,omitempty"`         // "20/32 hệ thống": 32
	Rank       bool     `json:"rank,omitempty"`       // "nhóm 15 tỉnh dẫn đầu"
	Recurring  bool     `json:"recurring,omitempty"`  // "hàng năm"
	Note       string   `json:"note,omitempty"`
}

// Budget is a stated amount of money.
type Budget struct {
	Kind      string  `json:"kind"` // total, source, item
	AmountVND int64   `json:"amount_vnd"`
	Source    string  `json:"source"`
	Year      *int    `json:"year"`
	Period    *Period `json:"period"`
	Label     string  `json:"label"`
	Span      Span    `json:"span"`
	Quote     string  `json:"quote"`
	Qualifier string  `json:"qualifier,omitempty"` // khoảng, dự kiến, trên
	Unit      string  `json:"unit,omitempty"`      // the unit as written or inferred
	Note      string  `json:"note,omitempty"`
}

// BudgetRule is a budget stated as a share of something else
// ("tối thiểu 10% tổng kinh phí ... cho an toàn thông tin").
type BudgetRule struct {
	Share      float64 `json:"share"` // percent
	Comparator string  `json:"comparator"`
	Base       string  `json:"base"`    // what the share is of
	Purpose    string  `json:"purpose"` // what it pays for
	Recurring  bool    `json:"recurring,omitempty"`
	Span       Span    `json:"span"`
	Quote      string  `json:"quote"`
}

// Project is one row of an appendix task or project table.
type Project struct {
	Name      string           `json:"name"`
	Group     string           `json:"group"`
	Lead      string           `json:"lead"`
	Partners  string           `json:"partners"`
	Period    *Period          `json:"period"`
	AmountVND *int64           `json:"amount_vnd"`
	Source    string           `json:"source"`
	Status    string           `json:"status"`
	Table     string           `json:"table,omitempty"` // the appendix it came from
	Amounts   map[string]int64 `json:"amounts,omitempty"`
	Span      Span             `json:"span"`
	Quote     string           `json:"quote,omitempty"`

	// LeadInferred is set when the lead is carried down from an earlier
	// row (a merged cell given only on the first row of its unit).
	LeadInferred bool `json:"lead_inferred,omitempty"`
}
