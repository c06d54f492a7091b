package indicator

import (
	"regexp"
	"testing"

	"kehoach/corpus"
)

func TestTaxonomy(t *testing.T) {
	all := All()
	if len(all) < 30 {
		t.Fatalf("All() has %d indicators, want at least 30", len(all))
	}
	idRe := regexp.MustCompile(`^(gov|infosec|econ|soc|infra|hr|meta|budget)\.[a-z0-9_]+$`)
	ops := map[string]bool{">=": true, ">": true, "=": true, "<=": true, "<": true, "range": true}
	for i, in := range all {
		if i > 0 && all[i-1].ID >= in.ID {
			t.Errorf("All() not sorted at %s", in.ID)
		}
		if !idRe.MatchString(in.ID) {
			t.Errorf("%s: id is not pillar.slug", in.ID)
		}
		if in.NameVI == "" || in.NameEN == "" || in.Unit == "" {
			t.Errorf("%s: missing name or unit", in.ID)
		}
		if len(in.Rules) == 0 || len(in.Phrases) == 0 {
			t.Errorf("%s: no rules or phrases", in.ID)
		}
		for _, r := range in.Rules {
			if len(r.All) == 0 || r.Conf <= 0 || r.Conf > 1 {
				t.Errorf("%s: bad rule %+v", in.ID, r)
			}
		}
		for _, nt := range in.National {
			if !ops[nt.Comparator] || nt.Source == "" || (nt.Year != 0 && (nt.Year < 2015 || nt.Year > 2035)) {
				t.Errorf("%s: bad national target %+v", in.ID, nt)
			}
		}
		if got, ok := Get(in.ID); !ok || got.ID != in.ID {
			t.Errorf("Get(%q) = %v, %v", in.ID, got.ID, ok)
		}
	}
	if _, ok := Get("no.such"); ok {
		t.Error("Get of an unknown id succeeded")
	}
}

func TestMatch(t *testing.T) {
	tests := []struct{ subject, want string }{
		{"tối thiểu 30% dịch vụ công trực tuyến mức độ 4", "gov.dvc_l4_share"},
		{"DVCTT toàn trình", "gov.dvc_l4_share"},
		{"80% TTHC đáp ứng yêu cầu được triển khai DVCTT mức độ 3, 4", "gov.dvc_l34_share"},
		{"Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4 trên tổng số hồ sơ", "gov.dossier_online_share"},
		{"hồ sơ TTHC tiếp nhận qua DVCTT mức độ 3 và 4", "gov.dossier_online_share"},
		{"tích hợp 50% các dịch vụ công trực tuyến mức độ 3, 4 với Cổng Dịch vụ công quốc gia", "gov.dvc_national_portal"},
		{"hồ sơ TTHC được thực hiện thông qua Hệ thống Một cửa điện tử liên thông", "gov.onestop_system"},
		{"hồ sơ công việc tại cấp tỉnh", "gov.work_online_prov"},
		{"hồ sơ công việc tại cấp huyện", "gov.work_online_dist"},
		{"hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng", "gov.work_online_comm"},
		{"văn bản gửi, nhận giữa các cơ quan dưới dạng điện tử", "gov.edoc_exchange"},
		{"lãnh đạo được cấp, sử dụng chữ ký số chuyên dùng", "gov.official_digital_id"},
		{"người dân và doanh nghiệp được xác thực định danh điện tử", "gov.citizen_eid"},
		{"giao dịch trên Cổng Dịch vụ công được xác thực điện tử", "gov.transaction_auth"},
		{"kết nối, liên thông qua nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)", "gov.lgsp"},
		{"báo cáo định kỳ được gửi, nhận qua Hệ thống thông tin báo cáo", "gov.report_system"},
		{"người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính", "gov.satisfaction"},
		{"kinh phí chi cho các sản phẩm, dịch vụ ATTT mạng", "infosec.budget_share"},
		{"máy tính được cài đặt phần mềm phòng chống mã độc", "infosec.malware_protection"},
		{"hệ thống thông tin được phê duyệt cấp độ an toàn thông tin", "infosec.is_level_approved"},
		{"dân số có tài khoản thanh toán điện tử", "soc.epayment_account"},
		{"băng rộng cáp quang phủ hộ gia đình", "infra.fiber_household"},
		{"cơ quan kết nối vào Mạng truyền số liệu chuyên dùng", "infra.specialised_network"},
		{"cơ quan kết nối vào mạng TSLCD", "infra.specialised_network"},
		{"tỷ trọng kinh tế số trong GRDP", "econ.digital_gdp"},
		{"nhóm 15 tỉnh dẫn đầu về Chỉ số chuyển đổi số (DTI)", "meta.dti_rank"},
		{"Tỷ lệ thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình", "gov.dvc_l4_share"},
		{"Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "gov.tthc_digitization"},
		{"tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công", "gov.online_payment"},
		{"hồ sơ được giải quyết đúng hạn", "gov.ontime_processing"},
		{"doanh nghiệp sử dụng hóa đơn điện tử", "econ.einvoice"},
		{"dân số có hồ sơ sức khỏe điện tử", "soc.health_record"},
		{"thôn, bản được phủ sóng 4G", "infra.mobile_broadband"},
		{"cán bộ, công chức được tập huấn kỹ năng số", "hr.official_it_training"},
		{"dịch vụ đô thị thông minh", ""},
		{"xã có nhà văn hóa", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, conf := Match(tc.subject)
		if got != tc.want {
			t.Errorf("Match(%q) = %q (%.2f), want %q", tc.subject, got, conf, tc.want)
		}
		if (got == "") != (conf == 0) || conf > 1 {
			t.Errorf("Match(%q): confidence %v with id %q", tc.subject, conf, got)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dịch vụ công trực tuyến (DVCTT)", "dich vu cong truc tuyen dich vu cong truc tuyen"},
		{"Đảm bảo 24/7; cổng/trang", "dam bao 24/7 cong trang"},
		{"  ", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNationalFor(t *testing.T) {
	tests := []struct {
		id         string
		year       int
		wantValue  float64
		wantYear   int
		wantSource string
		ok         bool
	}{
		{"gov.dvc_l4_share", 2025, 100, 2025, "942/QĐ-TTg", true},
		{"gov.dvc_l4_share", 2020, 30, 2020, "17/NQ-CP", true},
		{"gov.dvc_l4_share", 2021, 100, 2025, "942/QĐ-TTg", true}, // next deadline
		{"gov.dvc_l4_share", 2035, 100, 2030, "749/QĐ-TTg", true}, // latest before
		{"gov.work_online_comm", 2022, 60, 2025, "749/QĐ-TTg", true},
		{"infosec.budget_share", 2022, 10, 0, "14/CT-TTg", true}, // recurring
		{"gov.lgsp", 2025, 0, 0, "", false},
		{"no.such", 2025, 0, 0, "", false},
	}
	for _, tc := range tests {
		nt, ok := NationalFor(tc.id, tc.year)
		if ok != tc.ok || nt.Value != tc.wantValue || nt.Year != tc.wantYear || nt.Source != tc.wantSource {
			t.Errorf("NationalFor(%q, %d) = %+v, %v; want %v in %d from %s, %v", tc.id, tc.year, nt, ok, tc.wantValue, tc.wantYear, tc.wantSource, tc.ok)
		}
	}
	nt, _ := NationalFor("gov.dvc_l4_share", 2020)
	if g := Gap(25, nt); g != -5 {
		t.Errorf("Gap(25, %v) = %v, want -5", nt, g)
	}
	if s := nt.String(); s != "≥30 (2020, 17/NQ-CP)" {
		t.Errorf("String() = %q", s)
	}
}

func TestBeside(t *testing.T) {
	y := 2025
	nt, gap, ok := Beside(corpus.Target{Indicator: "gov.work_online_prov", Value: 95, Unit: "%", Year: &y})
	if !ok || nt.Value != 90 || gap != 5 {
		t.Errorf("Beside = %+v, %v, %v; want 90 (2025) and gap 5", nt, gap, ok)
	}
	if _, _, ok := Beside(corpus.Target{Indicator: "gov.work_online_prov", Value: 3, Unit: "xã"}); ok {
		t.Error("Beside accepted a count for a percentage indicator")
	}
	if _, _, ok := Beside(corpus.Target{Value: 3, Unit: "%"}); ok {
		t.Error("Beside accepted a target without an indicator")
	}
}

func TestUnitFits(t *testing.T) {
	pct, _ := Get("gov.dvc_l4_share")
	rank, _ := Get("meta.dti_rank")
	count, _ := Get("gov.open_data")
	drills, _ := Get("infosec.drills")
	tests := []struct {
		in   Indicator
		unit string
		rank bool
		want bool
	}{
		{pct, "%", false, true}, {pct, "dịch vụ", false, false},
		{rank, "tỉnh", true, true}, {rank, "%", false, false},
		{count, "bộ dữ liệu", false, true}, {count, "%", false, false}, {count, "lượt cán bộ", false, false},
		{drills, "đợt diễn tập/năm", false, true}, {drills, "cuộc", false, true}, {drills, "lượt cán bộ, công chức", false, false},
	}
	for _, tc := range tests {
		if got := tc.in.UnitFits(tc.unit, tc.rank); got != tc.want {
			t.Errorf("%s.UnitFits(%q, %v) = %v", tc.in.ID, tc.unit, tc.rank, got)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	s := "100% hồ sơ giải quyết thủ tục hành chính (TTHC) được thực hiện thông qua Hệ thống Một cửa điện tử liên thông của tỉnh"
	for i := 0; i < b.N; i++ {
		Match(s)
	}
}
