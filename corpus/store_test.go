package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStorePutReplace(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	put := func(id, text string) {
		t.Helper()
		doc := &Document{ID: id, Source: "plan.txt", Format: "txt", Text: text}
		rec := &Extraction{Source: "plan.txt", SHA256: id, Document: DocMeta{Province: "Kon Tum"}}
		if err := st.Put([]byte(text), doc, rec, Entry{Source: "plan.txt", ID: id, Status: StatusOK}); err != nil {
			t.Fatal(err)
		}
	}
	put("aa11", "một")
	if !st.Has("aa11") {
		t.Fatal("Has(aa11) = false after Put")
	}
	put("bb22", "hai") // the file changed: its old record goes
	if st.Has("aa11") {
		t.Error("old document still stored after its source changed")
	}
	doc, err := st.Document("bb22")
	if err != nil || doc.Text != "hai" {
		t.Fatalf("Document(bb22) = %v, %v", doc, err)
	}
	// Reopen: the manifest survives.
	st2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := st2.Lookup("plan.txt"); !ok || e.ID != "bb22" {
		t.Errorf("Lookup after reopen = %+v, %v", e, ok)
	}
	xs, err := st2.Extractions()
	if err != nil || len(xs) != 1 || xs[0].Document.Province != "Kon Tum" {
		t.Errorf("Extractions() = %v, %v", xs, err)
	}
	if _, err := st2.Document("cc33"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("Document(missing) err = %v, want not found", err)
	}
	// No temporary files are left behind.
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if strings.Contains(filepath.Base(p), ".tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

func TestOpenBadManifest(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte("{not json"), 0o644)
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "manifest") {
		t.Errorf("Open(bad manifest) err = %v, want it to name the manifest", err)
	}
	// Lazily opened, the bad manifest is found on first use: nothing is
	// listed and no write can replace it with a manifest of one entry.
	st, err := OpenLazy(dir)
	if err != nil {
		t.Fatal(err)
	}
	if es := st.Entries(); len(es) != 0 {
		t.Errorf("Entries() = %v", es)
	}
	if err := st.Record(Entry{Source: "x.txt", Status: StatusFailed}); err == nil || !strings.Contains(err.Error(), "manifest") {
		t.Errorf("Record on a bad manifest: err = %v, want it to name the manifest", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); string(b) != "{not json" {
		t.Errorf("the bad manifest was overwritten: %q", b)
	}
}

// TestOpenLazy: a lazily opened store reads documents by id without the
// manifest and loads it on first use.
func TestOpenLazy(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc := &Document{ID: "aa11", Source: "a.txt", Text: "một"}
	if err := st.Put([]byte("một"), doc, &Extraction{Source: "a.txt"}, Entry{Source: "a.txt", ID: "aa11", Status: StatusOK}); err != nil {
		t.Fatal(err)
	}
	lz, err := OpenLazy(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lz.manifest != nil {
		t.Error("OpenLazy read the manifest")
	}
	if d, err := lz.Document("aa11"); err != nil || d.Text != "một" {
		t.Errorf("Document = %v, %v", d, err)
	}
	if lz.manifest != nil {
		t.Error("Document read the manifest")
	}
	if e, ok := lz.Lookup("a.txt"); !ok || e.ID != "aa11" {
		t.Errorf("Lookup = %+v, %v", e, ok)
	}
}

func TestSpanJSON(t *testing.T) {
	b, _ := json.Marshal(struct{ S Span }{Span{3, 9}})
	if string(b) != `{"S":[3,9]}` {
		t.Errorf("Marshal = %s", b)
	}
	var s Span
	if err := json.Unmarshal([]byte("[4,7]"), &s); err != nil || s != (Span{4, 7}) {
		t.Errorf("Unmarshal = %v, %v", s, err)
	}
	if err := json.Unmarshal([]byte(`"x"`), &s); err == nil {
		t.Error("Unmarshal(string) succeeded")
	}
}

func TestSpanValid(t *testing.T) {
	text := "Số: 12" // "ố" is 3 bytes
	for _, tc := range []struct {
		s    Span
		want bool
	}{{Span{0, 1}, true}, {Span{0, 2}, false}, {Span{1, 4}, true}, {Span{5, 4}, false}, {Span{0, 99}, false}, {Span{-1, 2}, false}} {
		if got := tc.s.Valid(text); got != tc.want {
			t.Errorf("%v.Valid(%q) = %v, want %v", tc.s, text, got, tc.want)
		}
	}
}

func TestPeriodJSON(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Period
		ok   bool
	}{{`{"from":2021,"to":2025}`, Period{2021, 2025}, true}, {`"2016-2020"`, Period{2016, 2020}, true}, {`"2021"`, Period{2021, 2021}, true}, {`"soon"`, Period{}, false}} {
		var p Period
		err := json.Unmarshal([]byte(tc.in), &p)
		if (err == nil) != tc.ok || (tc.ok && p != tc.want) {
			t.Errorf("Unmarshal(%s) = %v, %v, want %v", tc.in, p, err, tc.want)
		}
	}
}

// TestDeferredBatch: while deferring, documents and entries are visible
// through the Store at once and reach the manifest (another process, a
// reopened Store) only at Flush; a source replaced inside the batch
// keeps its old document until then.
func TestDeferredBatch(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	put := func(source, id, text string) {
		t.Helper()
		doc := &Document{ID: id, Source: source, Format: "txt", Text: text}
		rec := &Extraction{Source: source, SHA256: id}
		if err := st.Put([]byte(text), doc, rec, Entry{Source: source, ID: id, Status: StatusOK}); err != nil {
			t.Fatal(err)
		}
	}
	onDisk := func() map[string]string {
		t.Helper()
		st2, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, e := range st2.Entries() {
			m[e.Source] = e.ID
		}
		return m
	}
	put("a.txt", "aa11", "một")
	if err := st.Defer(true); err != nil {
		t.Fatal(err)
	}
	put("a.txt", "aa22", "một, sửa") // replaces aa11
	put("b.txt", "bb11", "hai")
	steps := []struct {
		name      string
		do        func() error
		disk      map[string]string
		oldStored bool // aa11's files still there
	}{
		{"before flush", func() error { return nil }, map[string]string{"a.txt": "aa11"}, true},
		{"flush", st.Flush, map[string]string{"a.txt": "aa22", "b.txt": "bb11"}, false},
		{"flush again", st.Flush, map[string]string{"a.txt": "aa22", "b.txt": "bb11"}, false},
		{"end batch", func() error { return st.Defer(false) }, map[string]string{"a.txt": "aa22", "b.txt": "bb11"}, false},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if e, ok := st.Lookup("b.txt"); !ok || e.ID != "bb11" {
			t.Errorf("%s: Lookup(b.txt) = %+v, %v: the batch must be visible through the Store", s.name, e, ok)
		}
		got := onDisk()
		if len(got) != len(s.disk) {
			t.Errorf("%s: manifest on disk = %v, want %v", s.name, got, s.disk)
		}
		for k, v := range s.disk {
			if got[k] != v {
				t.Errorf("%s: manifest on disk = %v, want %v", s.name, got, s.disk)
				break
			}
		}
		if st.Has("aa11") != s.oldStored {
			t.Errorf("%s: Has(aa11) = %v, want %v", s.name, st.Has("aa11"), s.oldStored)
		}
	}
	if st.Deferring() {
		t.Error("Deferring() after Defer(false)")
	}
	// Outside a batch, Record writes at once again.
	put("c.txt", "cc11", "ba")
	if onDisk()["c.txt"] != "cc11" {
		t.Error("Put outside a batch did not reach the manifest")
	}
}

func TestDecodeExtractionKind(t *testing.T) {
	full := Extraction{
		Source: "a.txt", SHA256: "ab", Document: DocMeta{Number: "1/KH-UBND", Province: "Kon Tum"},
		Citations: []Citation{{Number: "64/2007/NĐ-CP"}},
		Targets:   []Target{{Quote: "100%"}},
		Budgets:   []Budget{{AmountVND: 5}},
		Projects:  []Project{{Name: "LGSP"}},
		Warnings:  []string{"w"},
	}
	b, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"", "citations", "targets", "budgets", "projects"} {
		x, err := decodeExtraction(b, kind)
		if err != nil {
			t.Fatalf("%q: %v", kind, err)
		}
		want := full
		if kind != "" {
			want = Extraction{Source: full.Source, SHA256: full.SHA256, Document: full.Document}
			switch kind {
			case "citations":
				want.Citations = full.Citations
			case "targets":
				want.Targets = full.Targets
			case "budgets":
				want.Budgets = full.Budgets
			case "projects":
				want.Projects = full.Projects
			}
		}
		if !reflect.DeepEqual(*x, want) {
			t.Errorf("%q: decoded %+v, want %+v", kind, *x, want)
		}
	}
	if _, err := decodeExtraction(b, "warnings"); err == nil {
		t.Error("decodeExtraction accepted an unknown kind")
	}
}

// FuzzDecodeExtraction: a record file decodes the same entries of a kind
// whether read whole or for that kind only, and bad input is an error,
// never a panic.
func FuzzDecodeExtraction(f *testing.F) {
	f.Add([]byte(`{"source":"a.txt","document":{"number":"1"},"targets":[{"quote":"100%"}],"budgets":[{"amount_vnd":5}]}`))
	f.Add([]byte(`{"citations":null,"projects":[{"name":"LGSP"}]}`))
	f.Add([]byte(`{"targets":[{]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		full, err := decodeExtraction(b, "")
		for _, kind := range []string{"citations", "targets", "budgets", "projects"} {
			x, kerr := decodeExtraction(b, kind)
			if err != nil || kerr != nil {
				continue // a kind read may pass over a bad list of another kind
			}
			var got, want any
			switch kind {
			case "citations":
				got, want = x.Citations, full.Citations
			case "targets":
				got, want = x.Targets, full.Targets
			case "budgets":
				got, want = x.Budgets, full.Budgets
			case "projects":
				got, want = x.Projects, full.Projects
			}
			if !reflect.DeepEqual(got, want) || x.Source != full.Source || x.Document.Number != full.Document.Number {
				t.Errorf("%s: %+v, whole record %+v", kind, got, want)
			}
		}
	})
}
