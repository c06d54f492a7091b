package index

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"kehoach/corpus/province/vifold"
)

// render shows each token as term=source@position, so the test reads
// offsets as the text they point at.
func render(text string, ts []Token) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%s=%s@%d", t.Term, text[t.Start:t.End], t.Position))
	}
	sort.Strings(out)
	return out
}

func TestAnalyzers(t *testing.T) {
	for _, tc := range []struct {
		analyzer, in string
		want         []string
	}{
		{ExactAnalyzer, "Khánh Hoà", []string{"hòa=Hoà@2", "khánh=Khánh@1"}},
		{ExactAnalyzer, "THUỶ lợi", []string{"lợi=lợi@2", "thủy=THUỶ@1"}},
		{FoldAnalyzer, "Khánh Hoà", []string{"hoa=Hoà@2", "khanh=Khánh@1"}},
		{FoldAnalyzer, "Đắk Lắk", []string{"dak=Đắk@1", "lak=Lắk@2"}},
		{FoldAnalyzer, "ứng dụng CNTT", []string{"cntt=CNTT@3", "dung=dụng@2", "ung=ứng@1"}},
		{FoldAnalyzer, "CĐS", []string{"cds=CĐS@1"}},
		{FoldAnalyzer, "công nghệ thông tin", []string{
			"cntt=công nghệ thông tin@1", "cong=công@1", "nghe=nghệ@2", "thong=thông@3", "tin=tin@4"}},
		{FoldAnalyzer, "dịch vụ công trực tuyến", []string{
			"cong=công@3", "dich=dịch@1", "dvc=dịch vụ công@1", "dvctt=dịch vụ công trực tuyến@1",
			"truc=trực@4", "tuyen=tuyến@5", "vu=vụ@2"}},
		{FoldAnalyzer, "Quyết định số 123/QĐ-UBND", []string{
			"123=123@4", "dinh=định@2", "qd=QĐ@5", "quyet=Quyết@1", "so=số@3", "ubnd=UBND@6"}},
		{BigramAnalyzer, "dịch vụ công", []string{"dich_vu=dịch vụ@1", "vu_cong=vụ công@2"}},
	} {
		got := render(tc.in, Analyze(tc.analyzer, tc.in))
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("Analyze(%s, %q) (-want +got)\n%s", tc.analyzer, tc.in, d)
		}
	}
}

// TestIndexAnalyzerIsTheThree: the one-pass analyzer of the text field
// yields exactly the folded words with synonyms, the exact forms of the
// words with diacritics (behind ExactPrefix) and the bigrams, with the
// same offsets, as the three query analyzers do one by one.
func TestIndexAnalyzerIsTheThree(t *testing.T) {
	texts := []string{
		"",
		"CNTT",
		"Khánh Hoà, THUỶ lợi",
		"Ủy ban nhân dân tỉnh Kon Tum ban hành kế hoạch ứng dụng công nghệ thông tin",
		"đạt 16.368,6 triệu đồng; 30% dịch vụ công trực tuyến mức độ 4",
		"co so du lieu va csdl",
		"Đắk Lắk — Bà Rịa-Vũng Tàu… (2021–2025)",
	}
	if b, err := os.ReadFile("../testdata/corpus/000_64c392787df719ee.txt"); err == nil {
		texts = append(texts, string(b[:min(len(b), 20000)]))
	}
	for _, text := range texts {
		var want []string
		for _, tok := range Analyze(FoldAnalyzer, text) {
			want = append(want, fmt.Sprintf("%s=%d:%d", tok.Term, tok.Start, tok.End))
		}
		for _, tok := range Analyze(ExactAnalyzer, text) {
			if vifold.HasDiacritics(tok.Term) {
				want = append(want, fmt.Sprintf("%s%s=%d:%d", ExactPrefix, tok.Term, tok.Start, tok.End))
			}
		}
		for _, tok := range Analyze(BigramAnalyzer, text) {
			want = append(want, fmt.Sprintf("%s=%d:%d", tok.Term, tok.Start, tok.End))
		}
		var got []string
		for _, tok := range Analyze(IndexAnalyzer, text) {
			got = append(got, fmt.Sprintf("%s=%d:%d", tok.Term, tok.Start, tok.End))
		}
		sort.Strings(want)
		sort.Strings(got)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%.40q: IndexAnalyzer differs from the three (-want +got):\n%s", text, d)
		}
	}
}
