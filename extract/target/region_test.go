package target

import (
	"strings"
	"testing"

	"kehoach/corpus"
)

func TestClassify(t *testing.T) {
	tests := []struct{ head, want string }{
		{"I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH GIAI ĐOẠN 2016 - 2020", kindAchieved},
		{"Phần I KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2021", kindAchieved},
		{"II. Hiện trạng ứng dụng CNTT", kindAchieved},
		{"VIII. KHÓ KHĂN, HẠN CHẾ", kindAchieved},
		{"2. Căn cứ thực tiễn", kindAchieved},
		{"III. MỤC TIÊU CỤ THỂ", kindTarget},
		{"IV. NHIỆM VỤ", kindTarget},
		{"3. Kết quả dự kiến", kindTarget},
		{"II. NỘI DUNG KẾ HOẠCH", kindTarget},
		{"PHẦN II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023", kindTarget},
		{"I. CĂN CỨ LẬP KẾ HOẠCH", kindSkip},
		{"I. SỰ CẦN THIẾT", kindSkip},
		{"II. QUAN ĐIỂM, MỤC TIÊU", kindTarget},
		{"V. NGUỒN NHÂN LỰC", ""},
	}
	for _, h := range []string{"I. ĐÁNH GIÁ VIỆC THỰC HIỆN KẾ HOẠCH NĂM 2022", "SƠ KẾT 3 NĂM"} {
		if !weakReview(h) {
			t.Errorf("weakReview(%q) = false", h)
		}
	}
	if weakReview("Đánh giá, xếp hạng mục tiêu chuyển đổi số") {
		t.Error("weakReview of a task heading")
	}
	for _, tc := range tests {
		if got := classify(tc.head); got != tc.want {
			t.Errorf("classify(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

func TestRegionsFallback(t *testing.T) {
	text := "KẾ HOẠCH\n\nPhần I\n\nKẾT QUẢ THỰC HIỆN NĂM 2021\n\nI. HẠ TẦNG\n\n- a\n\nPhần II\n\nKẾ HOẠCH NĂM 2022\n\nI. MỤC TIÊU\n\n- b\n\nPHỤ LỤC 1\n\n" +
		strings.Repeat("1\nPhần mềm\n2.000\n", 5)
	reg := buildRegions(&corpus.Document{Text: text}, 2021)
	at := func(s string) *sec { return reg.at(strings.Index(text, s)) }
	if s := at("- a"); s == nil || s.kind != kindAchieved || s.year != 2021 {
		t.Errorf("review item: %+v", s)
	}
	if s := at("- b"); s == nil || s.kind != kindTarget {
		t.Errorf("plan item: %+v", s)
	}
	if s := at("Phần mềm"); s == nil || s.kind != kindSkip {
		t.Errorf("tabular appendix: %+v", s)
	}
}

func TestRegionsFromSections(t *testing.T) {
	text := "I. ĐÁNH GIÁ 2016 - 2020\n- a\nII. MỤC TIÊU\n- b\n"
	i2 := strings.Index(text, "II.")
	e1 := strings.Index(text, "\n")
	e2 := i2 + strings.Index(text[i2:], "\n")
	doc := &corpus.Document{Text: text, Sections: []corpus.Section{
		{Number: "I", Heading: "ĐÁNH GIÁ 2016 - 2020", Level: 1, Parent: -1, Span: corpus.Span{Start: 0, End: e1}, Body: corpus.Span{Start: 0, End: i2}},
		{Number: "II", Heading: "MỤC TIÊU", Level: 1, Parent: -1, Span: corpus.Span{Start: i2, End: e2}, Body: corpus.Span{Start: i2, End: len(text)}},
	}}
	reg := buildRegions(doc, 0)
	if s := reg.at(strings.Index(text, "- a")); s == nil || s.kind != kindAchieved || s.year != 2020 {
		t.Errorf("a top-level \"ĐÁNH GIÁ\" part is a review: %+v", s)
	}
	if s := reg.at(strings.Index(text, "- b")); s == nil || s.kind != kindTarget {
		t.Errorf("plan item: %+v", s)
	}
}
