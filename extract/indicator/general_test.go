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
		{"signing: words apart", "tỷ lệ văn bản đi của các sở được ký số", "gov.edoc_signing"},
		{"signing: any wording", "văn bản điện tử có ký số", "gov.edoc_signing"},
		{"signing certificates are not signed documents", "văn bản hướng dẫn cấp chữ ký số", "gov.official_digital_id"},
		{"meetings", "thời gian hội họp giảm nhờ họp trực tuyến", "gov.meeting_time_cut"},
		{"i/y variant", "tỉ lệ văn bản được kí số", "gov.edoc_signing"},
		{"procedures at level 4", "100% thủ tục hành chính đủ điều kiện được cung cấp ở mức độ 4", "gov.dvc_l4_share"},
		{"procedures at levels 3 and 4 are not level 4", "thủ tục hành chính mức độ 3, 4", ""},
		{"payment accounts", "người trưởng thành có tài khoản giao dịch", "soc.epayment_account"},
		{"level dossiers", "hệ thống thông tin có hồ sơ đề xuất cấp độ", "infosec.is_level_approved"},
		{"infosec spending", "chi cho an toàn thông tin trên tổng chi CNTT", "infosec.budget_share"},
		{"infection rate is not protection coverage", "tỷ lệ máy tính bị nhiễm mã độc", ""},
		{"protection coverage", "máy trạm được cài đặt phần mềm phòng, chống mã độc", "infosec.malware_protection"},
		{"a city operations centre is not a SOC", "Trung tâm giám sát, điều hành đô thị thông minh kết nối các huyện", ""},
		{"a SOC by name", "Trung tâm giám sát an toàn thông tin mạng của tỉnh", "infosec.soc"},
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
