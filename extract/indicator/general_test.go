package indicator

import (
	"testing"

	"kehoach/corpus"
)

// TestMatchGeneral covers phrasings beyond the literal ones: words of a
// head concept apart from each other, spelling variants, abbreviations,
// and the phrasings domain.md §4.2 lists; and what must not map.
func TestMatchGeneral(t *testing.T) {
	tests := []struct{ name, subject, want string }{
		{"i/y variant", "tỉ lệ kí số", "gov.edoc_signing"},
		{"abbreviation", "kinh phí ATANM tối thiểu", "infosec.budget_share"},
	}
	for _, tc := range tests {
		if got, _ := Match(tc.subject); got != tc.want {
			t.Errorf("%s: Match(%q) = %q, want %q", tc.name, tc.subject, got, tc.want)
		}
	}
}

func TestBesideFraction(t *testing.T) {
	y := 2025
	nt, gap, ok := Beside(corpus.Target{Indicator: "gov.work_online_prov", Value: 18, Of: ptr(20), Unit: "sở, ngành", Year: &y})
	if !ok || nt.Value != 90 || gap != 0 {
		t.Errorf("Beside(18/20) = %+v, %v, %v; want 90%% (2025) and gap 0", nt, gap, ok)
	}
}

func ptr(f float64) *float64 { return &f }
