package eval

import (
	"testing"

	"kehoach/corpus"
)

func ip(v int64) *int64     { return &v }
func fp(v float64) *float64 { return &v }
func yp(v int) *int         { return &v }

func TestScore(t *testing.T) {
	gold := &corpus.Extraction{
		Document: corpus.DocMeta{Number: "2893/QĐ-UBND", Province: "Cao Bằng", Period: &corpus.Period{From: 2021, To: 2025}},
		Citations: []corpus.Citation{
			{Type: "Chỉ thị", Number: "14/CT-TTg", Date: "2018-05-25"},
			{Type: "Chỉ thị", Number: "14/CT-TTg", Date: "2019-06-07"},
			{Type: "Luật", Title: "An toàn thông tin mạng"},
		},
		Targets: []corpus.Target{
			{Kind: "target", Value: 30, Unit: "%", Comparator: ">=", Year: yp(2021), Indicator: "gov.dvc_l4_share"},
			{Kind: "target", Value: 4, ValueMax: fp(6), Unit: "dịch vụ", Comparator: "range"},
		},
		Budgets:  []corpus.Budget{{Kind: "total", AmountVND: 16368600000}},
		Projects: []corpus.Project{{Name: "Thuê  LGSP", AmountVND: ip(1300000000)}, {Name: "Số hóa", AmountVND: nil}},
	}
	got := &corpus.Extraction{
		Document: corpus.DocMeta{Number: "2893/QĐ-UBND", Province: "Cao Bằng", Type: "Quyết định", Period: &corpus.Period{From: 2021, To: 2025}},
		Citations: []corpus.Citation{
			{Type: "Chỉ thị", Number: "14/CT-TTg", Date: "2019-06-07"}, // matches the second only
			{Type: "Luật", Title: "Luật an toàn thông tin mạng"},       // "Luật" prefix and case ignored
			{Type: "Nghị định", Number: "64/2007/NĐ-CP"},               // false hit
		},
		Targets: []corpus.Target{
			{Kind: "target", Value: 30, Unit: "%", Comparator: ">=", Year: yp(2021), Indicator: "gov.dvc_l4_share"},
			{Kind: "achieved", Value: 4, ValueMax: fp(6), Unit: "dịch vụ", Comparator: "range"}, // wrong kind
		},
		Budgets:  []corpus.Budget{{Kind: "total", AmountVND: 16368600000}, {Kind: "source", AmountVND: 16368600000}},
		Projects: []corpus.Project{{Name: "Thuê LGSP", AmountVND: ip(1300000000)}, {Name: "Số hóa", AmountVND: ip(0)}},
	}
	r := Score("x", gold, got)
	for _, tc := range []struct {
		kind string
		want Count
	}{
		{"document", Count{TP: 3, FP: 1}}, // type not in gold: extracted but unscored counts as FP
		{"citations", Count{TP: 2, FP: 1, FN: 1}},
		{"targets", Count{TP: 1, FP: 1, FN: 1}},
		{"budgets", Count{TP: 1, FP: 1}},
		{"projects", Count{TP: 1, FP: 1, FN: 1}},
	} {
		if got := r.Counts[tc.kind]; got != tc.want {
			t.Errorf("%s: %+v, want %+v (misses %v, false %v)", tc.kind, got, tc.want, r.Misses[tc.kind], r.False[tc.kind])
		}
	}
	if r.IndicatorRight != 1 || r.IndicatorGold != 1 {
		t.Errorf("indicator %d/%d, want 1/1", r.IndicatorRight, r.IndicatorGold)
	}
}

func TestCountF1(t *testing.T) {
	for _, tc := range []struct {
		c       Count
		p, r, f float64
	}{{Count{}, 1, 1, 1}, {Count{TP: 1, FP: 1}, 0.5, 1, 2.0 / 3}, {Count{FN: 2}, 1, 0, 0}} {
		if tc.c.Precision() != tc.p || tc.c.Recall() != tc.r || tc.c.F1()-tc.f > 1e-12 || tc.f-tc.c.F1() > 1e-12 {
			t.Errorf("%+v: P %v R %v F1 %v, want %v %v %v", tc.c, tc.c.Precision(), tc.c.Recall(), tc.c.F1(), tc.p, tc.r, tc.f)
		}
	}
}
