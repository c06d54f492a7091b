package index

import (
	"context"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"kehoach/corpus"
)

func docSet(t *testing.T, ix *Index, q Query) []string {
	t.Helper()
	q.Size = 100
	q.NoSnippets = true
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	var out []string
	for _, h := range res.Hits {
		if h.Source == "" {
			out = append(out, h.Doc)
			continue
		}
		out = append(out, filepath.Base(h.Source))
	}
	sort.Strings(out)
	return out
}

func TestDiacriticPairsFindSameDocuments(t *testing.T) {
	ix, _ := openSamples(t)
	pairs := [][2]string{
		{"dịch vụ công mức độ 4", "dich vu cong muc do 4"},
		{"chính quyền điện tử", "chinh quyen dien tu"},
		{"an toàn thông tin", "an toan thong tin"},
		{"Kon Tum", "kon tum"},
		{"Vĩnh Phúc", "vinh phuc"},
		{"chuyển đổi số", "chuyen doi so"},
		{"cơ sở dữ liệu", "co so du lieu"},
		{"Cổng thông tin điện tử", "cong thong tin dien tu"},
		{"hồ sơ trực tuyến", "ho so truc tuyen"},
		{"Trung tâm điều hành thông minh", "trung tam dieu hanh thong minh"},
		{"\"dịch vụ công trực tuyến\"", "\"dich vu cong truc tuyen\""},
		{"kinh phí thực hiện", "kinh phi thuc hien"},
		{"Khánh Hoà", "Khánh Hòa"},
		{"quản lý văn bản", "quan ly van ban"},
	}
	nonEmpty := 0
	for _, p := range pairs {
		a := docSet(t, ix, Query{Text: p[0]})
		b := docSet(t, ix, Query{Text: p[1]})
		if d := cmp.Diff(a, b); d != "" {
			t.Errorf("%q vs %q: document sets differ (-with +without)\n%s", p[0], p[1], d)
		}
		if len(a) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 10 {
		t.Errorf("only %d of %d query pairs found anything", nonEmpty, len(pairs))
	}
}

func TestSearchKinds(t *testing.T) {
	ix, _ := openSamples(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		q       Query
		minHits int
		check   func(Hit) bool
	}{
		{"budget for Kon Tum in 2021", Query{Kind: KindBudget, Province: "kon tum", Year: 2021, Text: "value:>=1e10"}, 1,
			func(h Hit) bool { return h.Record.(*corpus.Budget).AmountVND >= 1e10 }},
		{"now Phú Thọ covers Vĩnh Phúc", Query{ProvinceNow: "Phú Thọ"}, 1,
			func(h Hit) bool { return h.Province == "Vĩnh Phúc" }},
		{"province filter", Query{Province: "Kontum", Text: "an toan"}, 1,
			func(h Hit) bool { return h.Province == "Kon Tum" }},
		{"targets of 100 percent", Query{Text: "kind:target value:100 ho so"}, 1,
			func(h Hit) bool { return h.Record.(*corpus.Target).Value == 100 }},
		{"citations of a decree", Query{Text: "kind:citation \"nghị định\""}, 1,
			func(h Hit) bool { return h.Kind == KindCitation }},
		{"exclusion", Query{Text: "dich vu cong -\"Kon Tum\""}, 1,
			func(h Hit) bool { return h.Province != "Kon Tum" }},
		{"year range", Query{Text: "year:2024..2025"}, 1,
			func(h Hit) bool { return h.Period != nil && h.Period.To >= 2024 }},
	} {
		res, err := ix.Search(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(res.Hits) < tc.minHits {
			t.Errorf("%s: %d hits, want >= %d", tc.name, len(res.Hits), tc.minHits)
		}
		for _, h := range res.Hits {
			if !tc.check(h) {
				t.Errorf("%s: unexpected hit %s %+v", tc.name, h.ID, h.Record)
			}
		}
	}
}

func TestSynonyms(t *testing.T) {
	st := newMemStore()
	st.put(&corpus.Document{ID: "a", Source: "a", Text: "Ứng dụng CNTT trong cơ quan nhà nước"},
		&corpus.Extraction{Source: "a", Document: corpus.DocMeta{Province: "Kon Tum"}})
	st.put(&corpus.Document{ID: "b", Source: "b", Text: "Ứng dụng công nghệ thông tin trong CQNN"},
		&corpus.Extraction{Source: "b", Document: corpus.DocMeta{Province: "Gia Lai"}})
	st.put(&corpus.Document{ID: "c", Source: "c", Text: "Thông tin về công nghệ mới"},
		&corpus.Extraction{Source: "c"})
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), st)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Sync("x"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"CNTT", []string{"a", "b"}},
		{"cntt", []string{"a", "b"}},
		{"công nghệ thông tin", []string{"a", "b", "c"}}, // c has every word
		{"cong nghe thong tin", []string{"a", "b", "c"}},
		{`"công nghệ thông tin"`, []string{"a", "b"}},
		{"cơ quan nhà nước", []string{"a", "b"}},
		{"CQNN", []string{"a", "b"}},
		{"ứng dụng cntt", []string{"a", "b"}},
		{"thông tin", []string{"b", "c"}},
	} {
		if got := docSet(t, ix, Query{Text: tc.q}); !cmp.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestExactDiacriticsRankFirst(t *testing.T) {
	st := newMemStore()
	// Minimal pairs: the same letters, other meanings.
	st.put(&corpus.Document{ID: "a", Source: "a", Text: "Kế hoạch về bảo mật dữ liệu"}, &corpus.Extraction{})
	st.put(&corpus.Document{ID: "b", Source: "b", Text: "Kế hoạch về bão mất dữ liệu"}, &corpus.Extraction{})
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), st)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.Sync("x")
	for _, tc := range []struct{ q, first string }{
		{"bảo mật", "a"},
		{"bão mất", "b"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 2 || res.Hits[0].Doc != tc.first {
			t.Errorf("Search(%q): hits %v, want %s first of 2", tc.q, res.Hits, tc.first)
		}
	}
}

func TestPhraseRanksAdjacentFirst(t *testing.T) {
	st := newMemStore()
	st.put(&corpus.Document{ID: "a", Source: "a", Text: "công tác dịch thuật, vụ việc, cổng thông tin"}, &corpus.Extraction{})
	st.put(&corpus.Document{ID: "b", Source: "b", Text: "cung cấp dịch vụ công trực tuyến"}, &corpus.Extraction{})
	ix, _ := Open(filepath.Join(t.TempDir(), "ix"), st)
	defer ix.Close()
	ix.Sync("x")
	res, err := ix.Search(context.Background(), Query{Text: "dich vu cong"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Doc != "b" {
		t.Errorf("Search(dich vu cong) = %v, want b first", res.Hits)
	}
	if got := docSet(t, ix, Query{Text: `"dich vu cong"`}); !cmp.Equal(got, []string{"b"}) {
		t.Errorf("phrase matched %v, want [b]", got)
	}
}

func TestSnippetMarksPointAtSource(t *testing.T) {
	ix, st := openSamples(t)
	res, err := ix.Search(context.Background(), Query{Text: "dich vu cong muc do 4"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		doc, _ := st.Document(h.Doc)
		if doc.Text[h.Snippet.At.Start:h.Snippet.At.End] != h.Snippet.Text {
			t.Errorf("%s: snippet At does not point at its text", h.ID)
		}
		if len(h.Snippet.Marks) == 0 {
			t.Errorf("%s: no marks in %q", h.ID, h.Snippet.Text)
		}
		for _, m := range h.Snippet.Marks {
			w := strings.ToLower(h.Snippet.Text[m.Start:m.End])
			if w == "" {
				t.Errorf("%s: empty mark", h.ID)
			}
		}
	}
	r := res.Hits[0].Snippet.Render("[", "]")
	if !strings.Contains(r, "[") || strings.Contains(r, "\n") {
		t.Errorf("Render = %q", r)
	}
}

func TestFacets(t *testing.T) {
	ix, _ := openSamples(t)
	res, err := ix.Search(context.Background(), Query{Text: "kế hoạch"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 5 {
		t.Errorf("Total = %d, want 5", res.Total)
	}
	count := func(facet, v string) int {
		for _, f := range res.Facets[facet] {
			if f.Value == v {
				return f.Count
			}
		}
		return 0
	}
	for _, tc := range []struct {
		facet, value string
		want         int
	}{
		{"province", "Kon Tum", 1},
		{"province_now", "Quảng Ngãi", 2},
		{"province_now", "Phú Thọ", 1},
		{"year", "2021", 3},
		{"kind", "doc", 5},
	} {
		if got := count(tc.facet, tc.value); got != tc.want {
			t.Errorf("facet %s=%s: %d, want %d (all: %v)", tc.facet, tc.value, got, tc.want, res.Facets[tc.facet])
		}
	}
	if count("kind", "target") == 0 {
		t.Errorf("kind facet counts no targets: %v", res.Facets["kind"])
	}
}

func TestSyncRepairsDisagreement(t *testing.T) {
	ix, st := openSamples(t)
	counts := func() map[string]int {
		c, err := ix.Count()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	before := counts()
	if before[KindDoc] != 5 {
		t.Fatalf("docs = %d, want 5", before[KindDoc])
	}
	// The store changes behind the index's back (a crash between the
	// store write and the index write).
	var gone string
	for _, e := range st.Entries() {
		gone = e.Source
		break
	}
	st.remove(gone)
	id := st.entries[0].ID
	st.recs[id].Targets = append(st.recs[id].Targets, corpus.Target{Kind: "target", Value: 42, Quote: "đạt 42%", Indicator: "x.test"})
	s, err := ix.Sync("s2")
	if err != nil {
		t.Fatal(err)
	}
	if s.Deleted != 1 || s.Indexed != 1 || s.Unchanged != 3 {
		t.Errorf("Sync = %+v, want 1 deleted, 1 indexed, 3 unchanged", s)
	}
	if ix.Stamp() != "s2" {
		t.Errorf("Stamp = %q", ix.Stamp())
	}
	after := counts()
	if after[KindDoc] != 4 {
		t.Errorf("docs after = %d, want 4", after[KindDoc])
	}
	res, err := ix.Search(context.Background(), Query{Text: "indicator:x.test kind:target"})
	if err != nil || res.Total != 1 {
		t.Errorf("new target not found: %v %v", res, err)
	}
	// A second sync changes nothing.
	if s, _ := ix.Sync("s3"); s.Indexed != 0 || s.Deleted != 0 {
		t.Errorf("second Sync = %+v", s)
	}
}

func TestPutReplacesAndReopens(t *testing.T) {
	st := newMemStore()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(dir, st)
	if err != nil {
		t.Fatal(err)
	}
	d1 := &corpus.Document{ID: "d1", Source: "plan.txt", Text: "mục tiêu 80% hồ sơ"}
	r1 := &corpus.Extraction{Targets: []corpus.Target{{Value: 80, Quote: "80%"}, {Value: 90, Quote: "90%"}}}
	st.put(d1, r1)
	if err := ix.Put(d1, r1, "m1"); err != nil {
		t.Fatal(err)
	}
	// The same source with new bytes: the old document leaves the store.
	d2 := &corpus.Document{ID: "d2", Source: "plan.txt", Text: "mục tiêu 85% hồ sơ"}
	r2 := &corpus.Extraction{Targets: []corpus.Target{{Value: 85, Quote: "85%"}}}
	st.remove("plan.txt")
	st.put(d2, r2)
	if err := ix.Put(d2, r2, "m2"); err != nil {
		t.Fatal(err)
	}
	c, _ := ix.Count()
	if c[KindDoc] != 1 || c[KindTarget] != 1 {
		t.Errorf("counts = %v, want 1 doc and 1 target", c)
	}
	ix.Close()
	ix, err = Open(dir, st)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Stamp() != "m2" {
		t.Errorf("Stamp after reopen = %q, want m2", ix.Stamp())
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		q  string
		ok bool
	}{
		{"dich vu", true},
		{"province:\"Kon Tum\" year:2021", true},
		{"value:>=50", true},
		{"value:10..20", true},
		{"year:abc", false},
		{"province:Atlantis", false},
		{"kind:foo", false},
	} {
		if err := Parse(tc.q); (err == nil) != tc.ok {
			t.Errorf("Parse(%q) = %v, want ok=%v", tc.q, err, tc.ok)
		}
	}
}

// TestStageCommit: staged documents are invisible until CommitStaged,
// which writes them and the stamp at once.
func TestStageCommit(t *testing.T) {
	src := samples(t)
	st := newMemStore()
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), st)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n := 0
	for _, e := range src.Entries() {
		doc, _ := src.Document(e.ID)
		rec, _ := src.Extraction(e.ID)
		st.put(doc, rec)
		if err := ix.Stage(doc, rec); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if docs, bytes := ix.Staged(); docs != n || bytes == 0 {
		t.Errorf("Staged() = %d, %d; want %d documents", docs, bytes, n)
	}
	for _, step := range []struct {
		name  string
		do    func() error
		docs  int
		stamp string
	}{
		{"staged", func() error { return nil }, 0, ""},
		{"committed", func() error { return ix.CommitStaged("b1") }, n, "b1"},
		{"empty commit", func() error { return ix.CommitStaged("") }, n, "b1"},
	} {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		c, err := ix.Count()
		if err != nil {
			t.Fatal(err)
		}
		if c[KindDoc] != step.docs || ix.Stamp() != step.stamp {
			t.Errorf("%s: %d documents, stamp %q; want %d, %q", step.name, c[KindDoc], ix.Stamp(), step.docs, step.stamp)
		}
	}
	if docs, _ := ix.Staged(); docs != 0 {
		t.Errorf("Staged() after commit = %d documents", docs)
	}
}

// TestFacetCodes: every faceted value survives its short coding, known
// provinces as registry codes, anything else as written.
func TestFacetCodes(t *testing.T) {
	for _, tc := range []struct {
		field, v string
		short    bool // coded shorter than written
	}{
		{fProvince, "Kon Tum", true},
		{fProvince, "Thừa Thiên Huế", true},
		{fProvince, "Tỉnh Không Có", false},
		{fProvinceNow, "Quảng Ngãi", true},
		{fProvinceNow, "Nơi Khác", false},
		{fYearKey, "2021", false},
		{fTypeName, "Kế hoạch", false},
		{fIndicator, "gov.dvc_l4_share", false},
	} {
		code := facetValue(tc.field, tc.v)
		f, v, ok := facetField(code)
		if !ok || f != tc.field || v != tc.v {
			t.Errorf("facetField(facetValue(%s, %q) = %q) = %s, %q, %v", tc.field, tc.v, code, f, v, ok)
		}
		if tc.short && len(code) >= len(tc.v) {
			t.Errorf("facetValue(%s, %q) = %q, want a registry code", tc.field, tc.v, code)
		}
	}
}

func TestYearFacets(t *testing.T) {
	for _, tc := range []struct {
		years []int
		codes []string
		want  []string // the years facetTerms reads back, in order
	}{
		{nil, nil, nil},
		{[]int{2021}, []string{"y2021"}, []string{"2021"}},
		{[]int{2021, 2022, 2023, 2024, 2025}, []string{"Y2021-2025"}, []string{"2021", "2022", "2023", "2024", "2025"}},
		{[]int{2019, 2021, 2022}, []string{"y2019", "Y2021-2022"}, []string{"2019", "2021", "2022"}},
	} {
		var codes, got []string
		for _, c := range yearFacets(tc.years) {
			codes = append(codes, c.(string))
			facetTerms(c.(string), func(f, v string) {
				if f != fYearKey {
					t.Errorf("%v: facetTerms(%q) gave field %s", tc.years, c, f)
				}
				got = append(got, v)
			})
		}
		if !reflect.DeepEqual(codes, tc.codes) || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("yearFacets(%v) = %q, read back as %q; want %q, %q", tc.years, codes, got, tc.codes, tc.want)
		}
	}
	// A malformed run stands for nothing.
	for _, bad := range []string{"Y", "Y2025-2021", "Yx-y", "Y1-900"} {
		facetTerms(bad, func(f, v string) { t.Errorf("facetTerms(%q) gave %s=%s", bad, f, v) })
	}
}
