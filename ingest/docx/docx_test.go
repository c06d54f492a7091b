package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand"
	"strings"
	"testing"
)

const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// build makes a .docx from its parts.
func build(t testing.TB, parts map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range parts {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func listPara(num, lvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func tcell(text, extra string) string {
	return `<w:tc><w:tcPr>` + extra + `</w:tcPr>` + para(text) + `</w:tc>`
}

var sample = map[string]string{
	"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ` + w + `><w:body>` +
		para("KẾ HOẠCH") +
		`<w:p><w:r><w:t>Căn cứ Luật An toàn thông tin</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>;</w:t></w:r></w:p>` +
		listPara("1", "0", "MỤC TIÊU") +
		listPara("1", "1", "Mục tiêu chung") +
		listPara("1", "1", "Mục tiêu cụ thể") +
		listPara("2", "0", "Thuê dịch vụ") +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>GIẢI PHÁP</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Tổng: </w:t></w:r><w:del><w:r><w:delText>sai</w:delText></w:r></w:del><w:r><w:t>16.368,6</w:t></w:r><w:r><w:tab/><w:t>triệu đồng</w:t></w:r></w:p>` +
		`<w:tbl>` +
		`<w:tr>` + tcell("STT", `<w:vMerge w:val="restart"/>`) + tcell("Kinh phí", `<w:gridSpan w:val="2"/>`) + `</w:tr>` +
		`<w:tr>` + tcell("", `<w:vMerge/>`) + tcell("Sự nghiệp", "") + tcell("Đầu tư | mới", "") + `</w:tr>` +
		`<w:tr>` + tcell("1", "") + tcell("2.000", "") + tcell("", "") + `</w:tr>` +
		`</w:tbl>` +
		para("TM. ỦY BAN NHÂN DÂN") +
		`</w:body></w:document>`,
	"word/numbering.xml": `<?xml version="1.0"?><w:numbering ` + w + `>` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
	"word/styles.xml": `<?xml version="1.0"?><w:styles ` + w + `><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
	"word/footnotes.xml": `<?xml version="1.0"?><w:footnotes ` + w + `>` +
		`<w:footnote w:id="0"><w:p><w:r><w:t>separator</w:t></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:t>Luật số 86/2015/QH13 ngày 19-11-2015.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
}

func TestParse(t *testing.T) {
	got, err := Parse(build(t, sample))
	if err != nil {
		t.Fatal(err)
	}
	want := "KẾ HOẠCH\n\n" +
		"Căn cứ Luật An toàn thông tin¹;\n\n" +
		"I. MỤC TIÊU\n\n" +
		"1. Mục tiêu chung\n\n" +
		"2. Mục tiêu cụ thể\n\n" +
		"- Thuê dịch vụ\n\n" +
		"II. GIẢI PHÁP\n\n" +
		"Tổng: 16.368,6\ttriệu đồng\n\n" +
		"| STT | Kinh phí | Kinh phí |\n|---|---|---|\n| STT | Sự nghiệp | Đầu tư / mới |\n| 1 | 2.000 |  |\n\n" +
		"TM. ỦY BAN NHÂN DÂN\n\n" +
		"¹ Luật số 86/2015/QH13 ngày 19-11-2015.\n"
	if got != want {
		t.Errorf("Parse:\n got %q\nwant %q", got, want)
	}
}

func TestParseBad(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("PK\x03\x04garbage"), build(t, map[string]string{"x.xml": "<a/>"})} {
		if _, err := Parse(in); !errors.Is(err, ErrNotDocx) {
			t.Errorf("Parse(%q) error = %v, want ErrNotDocx", in, err)
		}
	}
	if _, err := Parse(build(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"})); err == nil {
		t.Errorf("Parse(truncated XML) = nil error")
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(build(f, sample))
	f.Add(build(f, map[string]string{"word/document.xml": `<w:document ` + w + `><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + para("x") + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`}))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := Parse(raw)
		if err == nil && strings.Contains(s, "\n\n\n") {
			t.Fatalf("Parse left a run of empty lines: %q", s)
		}
	})
}

// FuzzDocumentXML fuzzes word/document.xml inside a valid package, where
// the interesting parsing happens.
func FuzzDocumentXML(f *testing.F) {
	f.Add(sample["word/document.xml"])
	f.Fuzz(func(t *testing.T, doc string) {
		parts := map[string]string{"word/document.xml": doc, "word/numbering.xml": sample["word/numbering.xml"], "word/footnotes.xml": sample["word/footnotes.xml"]}
		Parse(build(t, parts))
	})
}

// TestMutations parses a few thousand random corruptions of a valid
// document.xml: no panic, no hang (the fuzzers above do this better where
// the fuzzing engine runs well).
func TestMutations(t *testing.T) {
	base := sample["word/document.xml"]
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		b := []byte(base)
		for k := 0; k < 1+r.Intn(5); k++ {
			switch r.Intn(3) {
			case 0:
				b[r.Intn(len(b))] = byte(r.Intn(256))
			case 1:
				b = b[:1+r.Intn(len(b))]
			case 2:
				p := r.Intn(len(b))
				b = append(b[:p], b[min(len(b), p+r.Intn(20)):]...)
			}
			if len(b) == 0 {
				b = []byte("<")
			}
		}
		Parse(build(t, map[string]string{"word/document.xml": string(b), "word/numbering.xml": sample["word/numbering.xml"]}))
	}
}

func TestLayoutTable(t *testing.T) {
	doc := `<w:document ` + w + `><w:body><w:tbl>` +
		`<w:tr>` + tcell("ỦY BAN NHÂN DÂN", "") + tcell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "") + `</w:tr>` +
		`<w:tr>` + tcell("Số: 12/KH-UBND", "") + tcell("Kon Tum, ngày 15 tháng 6 năm 2021", "") + `</w:tr>` +
		`</w:tbl>` + para("KẾ HOẠCH") + `</w:body></w:document>`
	got, err := Parse(build(t, map[string]string{"word/document.xml": doc}))
	if err != nil {
		t.Fatal(err)
	}
	want := "ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/KH-UBND\n\nKon Tum, ngày 15 tháng 6 năm 2021\n\nKẾ HOẠCH\n"
	if got != want {
		t.Errorf("Parse(header block table) = %q, want %q", got, want)
	}
}
