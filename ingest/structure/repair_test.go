package structure

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"crlf and nbsp", "A\u00a0b.\r\nc\u200bd\r", "A b.\ncd\n"},
		{"blank number kept", "Số:    /STTTT\n\nQuảng Ngãi", "Số:    /STTTT\n\nQuảng Ngãi"},
		{"empty cell kept", "STT\n\n\u00a0\n\n1", "STT\n\n \n\n1"},
		{"bullets", "• Một\n– Hai\n+ Ba\n—Bốn", "- Một\n- Hai\n+ Ba\n—Bốn"},
		{"syllable split", "các c\nơ quan nhà nước", "các cơ quan nhà nước"},
		{"syllable coda split", "thô\nng tin", "thông tin"},
		{"date split", "ngày 31\n/12/2021 của", "ngày 31/12/2021 của"},
		{"lower continuation", "Đơn\nvị tính: triệu đồng", "Đơn vị tính: triệu đồng"},
		{"function word", "kế hoạch của\nChính phủ về", "kế hoạch của Chính phủ về"},
		{"date after ngày", "Công văn số 402-CV/TU ngày\n04/5/2021 của Tỉnh ủy", "Công văn số 402-CV/TU ngày 04/5/2021 của Tỉnh ủy"},
		{"caps compound", "III. MỤC TIÊU CỤ\nTHỂ\n\nMục tiêu cụ thể là", "III. MỤC TIÊU CỤ THỂ\n\nMục tiêu cụ thể là"},
		{"numbered caps heading", "VII. AN TOÀN THÔNG\nTIN\n\nNội dung.", "VII. AN TOÀN THÔNG TIN\n\nNội dung."},
		{"header block kept", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n-------", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n-------"},
		{"signature kept", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"},
		{"sentence end kept", "Kết thúc.\nbắt đầu", "Kết thúc.\nbắt đầu"},
		{"list kept", "gồm:\n- một;\n- hai", "gồm:\n- một;\n- hai"},
		{"numbered list kept", "các nội dung\n1. Một\n2. Hai", "các nội dung\n1. Một\n2. Hai"},
		{"table cells kept", "Kinh phí\n\n2.000\n\n2016\n\nSở\nThông tin", "Kinh phí\n\n2.000\n\n2016\n\nSở\nThông tin"},
		{"number cell after word kept", "Tổng\n2.000\n1.500", "Tổng\n2.000\n1.500"},
		{"pipe table kept", "| a | b |\n|---|---|\n| c | d |", "| a | b |\n|---|---|\n| c | d |"},
		{"annex heading kept", "PHỤ LỤC\nHƯỚNG DẪN XÂY DỰNG", "PHỤ LỤC\nHƯỚNG DẪN XÂY DỰNG"},
		{"page break in sentence",
			"- Ứng dụng CNTT để giảm thời gian họp, thông qua việc sử dụng, gửi, nhận tài liệu\n\nqua phần mềm ECabinet và các hệ thống thông tin;",
			"- Ứng dụng CNTT để giảm thời gian họp, thông qua việc sử dụng, gửi, nhận tài liệu qua phần mềm ECabinet và các hệ thống thông tin;"},
		{"short cell before lower case kept", "Kinh phí\n\nnăm 2022 và các năm sau nữa của dự án", "Kinh phí\n\nnăm 2022 và các năm sau nữa của dự án"},
		{"footnote moved",
			"- Văn bản liên quan¹.\n- Đảm bảo 20% người dân được xác thực danh điện tử thông suốt và\n\n¹ Luật Công nghệ thông tin ngày 29-6-2006;\n\nhợp nhất trên tất cả các hệ thống thông tin của các cấp chính quyền;\n\nKết thúc.",
			"- Văn bản liên quan¹.\n- Đảm bảo 20% người dân được xác thực danh điện tử thông suốt và hợp nhất trên tất cả các hệ thống thông tin của các cấp chính quyền;\n\nKết thúc.\n\n¹ Luật Công nghệ thông tin ngày 29-6-2006;\n"},
		{"footnote without marker kept", "Văn bản.\n\n¹ Ghi chú lạc.\n\nHết.", "Văn bản.\n\n¹ Ghi chú lạc.\n\nHết."},
		{"footnote at end kept", "Tổng 16.368,6 triệu đồng⁽²⁾.\n\n⁽²⁾ Trong đó: 0 triệu.", "Tổng 16.368,6 triệu đồng⁽²⁾.\n\n⁽²⁾ Trong đó: 0 triệu."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Repair(tc.in); got != tc.want {
				t.Errorf("Repair(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRepairIdempotent(t *testing.T) {
	for _, in := range []string{
		"các c\nơ quan nhà nước\n\n¹ x\n\ny",
		"Văn bản liên quan¹ và\n\n¹ Luật.\n\ncác cơ quan nhà nước trên địa bàn tỉnh",
	} {
		once := Repair(in)
		if twice := Repair(once); twice != once {
			t.Errorf("Repair not idempotent on %q:\n once %q\ntwice %q", in, once, twice)
		}
	}
}

func TestSectionsTable(t *testing.T) {
	text := "KẾ HOẠCH\n\nPhần I\n\nĐÁNH GIÁ KẾT QUẢ\n\nI. MÔI TRƯỜNG PHÁP LÝ\n\n1. Mục tiêu chung: Hoàn thiện.\n\na) Ứng dụng nội bộ\n\n1.1. Chi tiết\n\nPhần II\n\nKẾ HOẠCH NĂM 2022\n\nII. MỤC TIÊU\n\nPHỤ LỤC 1:\n\nDANH MỤC\n\n1. Phần mềm một;\n"
	type sec struct {
		Number, Heading string
		Level, Parent   int
	}
	want := []sec{
		{"Phần I", "ĐÁNH GIÁ KẾT QUẢ", 1, -1},
		{"I", "MÔI TRƯỜNG PHÁP LÝ", 2, 0},
		{"1", "Mục tiêu chung", 3, 1},
		{"a", "Ứng dụng nội bộ", 4, 2},
		{"1.1", "Chi tiết", 4, 2},
		{"Phần II", "KẾ HOẠCH NĂM 2022", 1, -1},
		{"II", "MỤC TIÊU", 2, 5},
		{"Phụ lục 1", "DANH MỤC", 1, -1},
		{"1", "Phần mềm một;", 2, 7},
	}
	got := Sections(text)
	if len(got) != len(want) {
		t.Fatalf("Sections: %d sections, want %d: %+v", len(got), len(want), got)
	}
	for i, s := range got {
		g := sec{s.Number, s.Heading, s.Level, s.Parent}
		if g != want[i] {
			t.Errorf("section %d = %+v, want %+v", i, g, want[i])
		}
	}
	if h := got[0].Span.In(text); h != "Phần I\n\nĐÁNH GIÁ KẾT QUẢ" {
		t.Errorf("Phần I span = %q", h)
	}
}

func TestNotes(t *testing.T) {
	text := "liên quan¹. Tổng 16,6 triệu đồng⁽²⁾.\n\n¹ Luật A;\n\n⁽²⁾ Trong đó: B.\n"
	notes := Notes(text)
	if len(notes) != 2 {
		t.Fatalf("Notes = %+v, want 2", notes)
	}
	for i, want := range []struct{ marker, text, ref string }{{"1", "Luật A;", "¹"}, {"(2)", "Trong đó: B.", "⁽²⁾"}} {
		n := notes[i]
		if n.Marker != want.marker || n.Span.In(text) != want.text || n.Ref == nil || n.Ref.In(text) != want.ref {
			t.Errorf("note %d = %+v (%q), want %+v", i, n, n.Span.In(text), want)
		}
	}
	if notes[0].Ref.Start != strings.Index(text, "¹") {
		t.Errorf("note 1 ref at %d, want the marker in the running text", notes[0].Ref.Start)
	}
}

// FuzzRepair checks that Repair and the structure readers never panic,
// keep valid UTF-8 and NFC, are idempotent on their own output, and
// return spans inside the text.
func FuzzRepair(f *testing.F) {
	for _, s := range []string{
		"các c\nơ quan", "ngày 31\n/12/2021", "III. MỤC TIÊU CỤ\nTHỂ", "a¹\n\n¹ x\n\nb",
		"Phần I\n\nĐÁNH GIÁ\n\nI. A\n\n1. B\n\na) C\n\n1.1. D\n\nPHỤ LỤC 2\n\nX",
		"⁽²⁾ Trong đó", "\u00a0\n\u200b\r\n", "| a | b |\n|--|--|",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = norm.NFC.String(s)
		out := Repair(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Repair(%q) is not UTF-8", s)
		}
		checkSpans(t, out)
		checkSpans(t, s)
	})
}

func TestHeaderOdd(t *testing.T) {
	for _, s := range []string{"V/v   \n", "Số: /\n", "TM. ỦY BAN\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 1 tháng 1 năm 2020", "KẾ HOẠCH\n\nCăn cứ"} {
		checkSpans(t, s)
	}
}
