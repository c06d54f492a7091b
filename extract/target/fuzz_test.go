package target

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"kehoach/corpus"
)

func FuzzExtract(f *testing.F) {
	f.Add(plan + "- Cung cấp tối thiểu 30% dịch vụ công trực tuyến mức độ 4; 100% xã.")
	f.Add(review + "Có 20/32 hệ thống thông tin; từ 1 - 2 cán bộ; hơn 4.000 máy chủ, máy trạm và thiết bị đầu cuối.")
	f.Add("Phần I\n\nKẾT QUẢ NĂM 2021\n\n– đến 169 đơn\nvị, địa phương; nhóm 15 tỉnh đứng đầu; lựa chọn một xã/phường")
	f.Add("PHỤ LỤC\n1\n2\n3\n4\n5\n6\n7\n8\n9 100%")
	f.Add("từ 30% - đến 2021-2025 %, 1.2.3,4 % / / năm 2030 -5 – 6")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := &corpus.Document{Text: text}
		x := &corpus.Extraction{}
		Extract(doc, x)
		for i, tg := range x.Targets {
			if !tg.Span.Valid(text) {
				t.Fatalf("target %d: span %v invalid for %d bytes", i, tg.Span, len(text))
			}
			if tg.Span.In(text) != tg.Quote {
				t.Fatalf("target %d: quote %q != text under span %q", i, tg.Quote, tg.Span.In(text))
			}
			if tg.Kind != "target" && tg.Kind != "achieved" {
				t.Fatalf("target %d: kind %q", i, tg.Kind)
			}
		}
	})
}

// BenchmarkExtract measures throughput over the five sample plans.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	var docs []*corpus.Document
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, &corpus.Document{Text: string(raw)})
		size += len(raw)
	}
	if len(docs) == 0 {
		b.Skip("no sample corpus")
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Extract(d, &corpus.Extraction{})
		}
	}
}

func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"30", "≥ 30%", "tối thiểu 50%", "30 - 50%", "2021-2025", "80% trở lên", "<", "đạt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, ok := parseCell(s)
		if !ok {
			return
		}
		if tg.Comparator == "" || (tg.ValueMax != nil && tg.Comparator != "range") {
			t.Fatalf("parseCell(%q) = %+v", s, tg)
		}
	})
}
