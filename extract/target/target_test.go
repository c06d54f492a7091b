package target

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/corpus"
)

// run extracts the targets of a small document. Its text is wrapped in
// a heading that makes it a plan part (target) or a review (achieved).
func run(t *testing.T, text string, period *corpus.Period) []corpus.Target {
	t.Helper()
	doc := &corpus.Document{Text: text}
	x := &corpus.Extraction{}
	x.Document.Period = period
	Extract(doc, x)
	for i, tg := range x.Targets {
		if !tg.Span.Valid(text) || tg.Span.In(text) != tg.Quote {
			t.Fatalf("target %d: span %v does not hold quote %q", i, tg.Span, tg.Quote)
		}
	}
	return x.Targets
}

// render is a compact, comparable form of a target.
func render(tg corpus.Target) string {
	v := fmt.Sprint(tg.Value)
	if tg.ValueMax != nil {
		v += ".." + fmt.Sprint(*tg.ValueMax)
	}
	if tg.Of != nil {
		v += "/" + fmt.Sprint(*tg.Of)
	}
	y := "-"
	if tg.Year != nil {
		y = fmt.Sprint(*tg.Year)
	}
	s := fmt.Sprintf("%s %s %s %s y=%s", tg.Kind, tg.Comparator, v, tg.Unit, y)
	if tg.Scope != "" {
		s += " scope=" + tg.Scope
	}
	if tg.Rank {
		s += " rank"
	}
	return s
}

var p2025 = &corpus.Period{From: 2021, To: 2025}

const plan = "II. MỤC TIÊU\n\n"
const review = "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016 - 2020\n\n"

func TestForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"bare percent", plan + "- 50% hoạt động kiểm tra được thực hiện thông qua môi trường số;",
			[]string{"target = 50 % y=2025"}},
		{"tối thiểu", plan + "- Cung cấp tối thiểu 30% dịch vụ công trực tuyến mức độ 4.",
			[]string{"target >= 30 % y=2025"}},
		{"ít nhất count", plan + "- Mỗi đơn vị duy trì ít nhất 01 bộ dữ liệu mở.",
			[]string{"target >= 1 bộ dữ liệu y=2025"}},
		{"không dưới", plan + "- Tỷ lệ hồ sơ trực tuyến không dưới 40%.",
			[]string{"target >= 40 % y=2025"}},
		{"đạt từ ... trở lên", plan + "- Tỷ lệ hồ sơ giải quyết trực tuyến đạt từ 20% trở lên.",
			[]string{"target >= 20 % y=2025"}},
		{"X trở lên", plan + "- 95% trở lên máy tính được cài đặt phần mềm phòng chống mã độc.",
			[]string{"target >= 95 % y=2025"}},
		{"trên", plan + "- Tỷ lệ dân số có tài khoản thanh toán điện tử đạt trên 30%.",
			[]string{"target > 30 % y=2025"}},
		{"hơn", review + "- Hơn 58% cán bộ sử dụng thư điện tử công vụ.",
			[]string{"achieved > 58 % y=2020"}},
		{"tối đa", plan + "- Thời gian xử lý tối đa 5 ngày; tỷ lệ hồ sơ trễ hạn không quá 2%.",
			[]string{"target <= 5 ngày y=2025", "target <= 2 % y=2025"}},
		{"dưới", plan + "- Tỷ lệ hồ sơ trễ hạn dưới 5%.",
			[]string{"target < 5 % y=2025"}},
		{"qualifier before its verb", plan + "- Tỷ lệ hồ sơ trực tuyến tối thiểu đạt 50%; tỷ lệ văn bản điện tử trên mức 90%; tỷ lệ ký số ≥ 95%.",
			[]string{"target >= 50 % y=2025", "target > 90 % y=2025", "target >= 95 % y=2025"}},
		{"percent range", plan + "- Ứng dụng CNTT để giảm từ 30% - 50% thời gian họp.",
			[]string{"target range 30..50 % y=2025"}},
		{"percent range one sign", plan + "- Tăng trưởng từ 8,3 - 8,5% mỗi năm.",
			[]string{"target range 8.3..8.5 % y=-"}},
		{"count range", plan + "- Thí điểm cung cấp từ 4 đến 6 dịch vụ đô thị thông minh.",
			[]string{"target range 4..6 dịch vụ y=2025"}},
		{"decimal comma", review + "- Tỷ lệ hồ sơ đúng hạn đạt tỷ lệ 90,08%.",
			[]string{"achieved = 90.08 % y=2020"}},
		{"grouped count", review + "- Đã tiếp nhận mới 157.054 hồ sơ.",
			[]string{"achieved = 157054 hồ sơ y=2020"}},
		{"qualifier heads only its item", plan + "- Cung cấp tối thiểu 30% dịch vụ công trực tuyến mức độ 4; 100% dịch vụ công được hỗ trợ giải đáp thắc mắc; 50% dịch vụ công trực tuyến xử lý bằng hồ sơ điện tử.",
			[]string{"target >= 30 % y=2025", "target = 100 % y=2025", "target = 50 % y=2025"}},
		{"shared subject comma list", plan + "- Hạ tầng mạng băng rộng cáp quang phủ trên 60% hộ gia đình, 100% xã;",
			[]string{"target > 60 % y=2025", "target = 100 % y=2025"}},
		{"scope split", plan + "- 95% hồ sơ công việc tại cấp tỉnh; 85% hồ sơ công việc tại cấp huyện và 80% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.",
			[]string{"target = 95 % y=2025 scope=cấp tỉnh", "target = 85 % y=2025 scope=cấp huyện", "target = 80 % y=2025 scope=cấp xã"}},
		{"scope split with heads", review + "Tỷ lệ cán bộ được trang bị máy tính ở cấp sở đạt 99%, cấp huyện đạt 89%, cấp xã đạt 75%.",
			[]string{"achieved = 99 % y=2020 scope=cấp tỉnh", "achieved = 89 % y=2020 scope=cấp huyện", "achieved = 75 % y=2020 scope=cấp xã"}},
		{"all levels has no scope", plan + "- 100% cơ quan nhà nước từ cấp tỉnh tới cấp xã kết nối vào Mạng truyền số liệu chuyên dùng.",
			[]string{"target = 100 % y=2025"}},
		{"stated year", plan + "- Đảm bảo đến năm 2020, 100% các đơn vị có cán bộ chuyên trách; 100% cơ quan có lãnh đạo CNTT.",
			[]string{"target = 100 % y=2020", "target = 100 % y=2020"}},
		{"orientation year ignored", plan + "- Giai đoạn 2021-2025, định hướng đến năm 2030; lựa chọn 01 xã thực hiện thí điểm.",
			[]string{"target = 1 xã y=2025"}},
		{"yearly", plan + "- Hàng năm bảo đảm tối thiểu từ 1% trên tổng chi ngân sách nhà nước dành cho chuyển đổi số.",
			[]string{"target >= 1 % y=-"}},
		{"per year unit", plan + "- Tổ chức diễn tập định kỳ ít nhất 02 đợt/năm.",
			[]string{"target >= 2 đợt/năm y=-"}},
		{"number word", plan + "- UBND các huyện chủ động lựa chọn một xã/phường để triển khai thử nghiệm.",
			[]string{"target = 1 xã/phường y=2025"}},
		{"number words", plan + "- Thí điểm tại hai huyện; xây dựng ba cơ sở dữ liệu chuyên ngành; xây dựng một hệ thống thông tin; một số dịch vụ.",
			[]string{"target = 2 huyện y=2025", "target = 3 cơ sở dữ liệu y=2025"}},
		{"rank", plan + "- Phấn đấu đến năm 2025 nằm trong nhóm 15 tỉnh đứng đầu về Chỉ số ứng dụng CNTT.",
			[]string{"target = 15 tỉnh y=2025 rank"}},
		{"fraction", review + "- Có 20/32 hệ thống thông tin đã được kiểm tra, đánh giá an toàn thông tin.",
			[]string{"achieved = 20/32 hệ thống thông tin y=2020"}},
		{"joined units", review + "- Triển khai cho hơn 4.000 máy chủ, máy trạm và thiết bị đầu cuối; 136 UBND xã, phường, thị trấn.",
			[]string{"achieved > 4000 máy chủ, máy trạm và thiết bị đầu cuối y=2020", "achieved = 136 UBND xã, phường, thị trấn y=2020 scope=cấp xã"}},
		{"UBND with level", review + "- Cài đặt tại 11 cơ quan cấp tỉnh và 03 UBND cấp huyện.",
			[]string{"achieved = 11 cơ quan y=2020 scope=cấp tỉnh", "achieved = 3 UBND cấp huyện y=2020 scope=cấp huyện"}},
		{"training classes count, protection layers not", review + "- Đã tổ chức 14 lớp đào tạo; triển khai mô hình 4 lớp.",
			[]string{"achieved = 14 lớp đào tạo y=2020"}},
		{"not targets: levels, versions, networks, articles, dates, money", plan +
			"- Dịch vụ công trực tuyến mức độ 3, 4; Kiến trúc phiên bản 2.0; phổ cập 4G/5G, IPv6; cấp độ 3; theo Điều 9 Nghị định số 47/2020/NĐ-CP ngày 09/4/2020; kinh phí 16.368,6 triệu đồng; giai đoạn 2 của dự án; liên thông 4 cấp.",
			nil},
		{"title of a cited document", review + "- Kế hoạch số 299/KH-UBND ngày 03/12/2021 của UBND tỉnh về việc triển khai 100% dịch vụ công đủ điều kiện trực tuyến mức độ 4.",
			nil},
		{"toàn bộ is not counted", plan + "- Toàn bộ kết quả thực hiện thủ tục hành chính còn hiệu lực được số hóa.",
			nil},
		{"restatement recorded once", plan + "- Bảo đảm tỷ lệ kinh phí chi cho an toàn thông tin mạng tối thiểu 10% tổng kinh phí các dự án CNTT.\n\nIV. NHIỆM VỤ\n\n- Bảo đảm tỷ lệ kinh phí chi cho an toàn thông tin mạng tối thiểu 10% tổng kinh phí các dự án CNTT.",
			[]string{"target >= 10 % y=2025"}},
		{"review then plan", "Phần I\n\nKẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2021\n\n- Đã cấp 77 Sim PKI.\n\nPhần II\n\nKẾ HOẠCH NĂM 2022\n\n- 100% lãnh đạo được cấp chữ ký số.",
			[]string{"achieved = 77 Sim PKI y=2021", "target = 100 % y=2025"}},
		{"hard line wraps", plan + "– 100% các cơ quan nhà nước trên địa\nbàn tỉnh sử dụng Hệ thống quản lý văn\nbản; cấp cho 169 đơn\nvị, địa phương.",
			[]string{"target = 100 % y=2025", "target = 169 đơn vị, địa phương y=2025"}},
		{"baseline among the objectives", plan + "- Hiện nay tỷ lệ hồ sơ trực tuyến đạt 25%; phấn đấu đến năm 2025 đạt 50%.",
			[]string{"achieved = 25 % y=2020", "target = 50 % y=2025"}},
		{"commitment after a plan reference", plan + "- Theo kế hoạch, 100% cơ quan kết nối mạng truyền số liệu chuyên dùng.",
			[]string{"target = 100 % y=2025"}},
		{"heading numbers are not counts", plan + "1.1 Hệ thống thông tin\n\n2.3. Dịch vụ công\n\nSTT\n1\nHệ thống thông tin báo cáo\n",
			nil},
		{"wrapped grouped number at a line start", review + "lũy kế đã và đang giải quyết trong kỳ\n164.063 hồ sơ.",
			[]string{"achieved = 164063 hồ sơ y=2020"}},
		{"achieved rank with the field size", review + "- Chỉ số DTI năm 2020 xếp thứ 12/63 tỉnh, thành phố.",
			[]string{"achieved = 12/63 tỉnh, thành phố y=2020 rank"}},
		{"lead-in years", plan + "a) Đến năm 2025:\n\n+ 80% dịch vụ công trực tuyến mức độ 4;\n+ 90% hồ sơ công việc tại cấp tỉnh;\n\nb) Định hướng đến năm 2030:\n\n+ 100% dịch vụ công trực tuyến mức độ 4.",
			[]string{"target = 80 % y=2025", "target = 90 % y=2025 scope=cấp tỉnh", "target = 100 % y=2030"}},
		{"national targets quoted in the context are not the plan's", "I. SỰ CẦN THIẾT\n\nChương trình quốc gia đặt mục tiêu 80% dịch vụ công trực tuyến mức độ 4.\n\nII. MỤC TIÊU\n\n- 60% dịch vụ công trực tuyến mức độ 4.",
			[]string{"target = 60 % y=2025"}},
		{"rank without a noun", plan + "- Phấn đấu Chỉ số DTI của tỉnh nằm trong Top 20 cả nước; xếp hạng 15/63.",
			[]string{"target = 20 hạng y=2025 rank", "target = 15/63 hạng y=2025 rank"}},
		{"lettered items on consecutive lines", plan + "a) 80% hồ sơ công việc tại cấp huyện\nb) 60% hồ sơ công việc tại cấp xã",
			[]string{"target = 80 % y=2025 scope=cấp huyện", "target = 60 % y=2025 scope=cấp xã"}},
		{"the plan's own wording is not a title", plan + "- Kế hoạch này đặt mục tiêu 100% xã có cáp quang.",
			[]string{"target = 100 % y=2025"}},
		{"a short title after Kế hoạch", review + "- Thành lập Tổ công tác xây dựng Kế hoạch cung cấp 100% dịch vụ công đủ điều kiện lên trực tuyến.",
			nil},
		{"tabular appendix skipped", plan + "- 100% xã có cáp quang.\n\nPHỤ LỤC 1\n\nSTT\nNội dung\nKinh phí\n1\nĐầu tư 02 điểm cầu\n2.000\n2\nNâng cấp 100% máy tính\n969\n3\nThuê\n1.147\n",
			[]string{"target = 100 % y=2025"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tg := range run(t, tc.text, p2025) {
				got = append(got, render(tg))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Extract(%q)\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestIndicatorMapping(t *testing.T) {
	tests := []struct{ text, want string }{
		{plan + "- Cung cấp tối thiểu 30% dịch vụ công trực tuyến mức độ 4.", "gov.dvc_l4_share"},
		{plan + "- 80% thủ tục hành chính được triển khai DVCTT mức độ 3, 4.", "gov.dvc_l34_share"},
		{plan + "- Hạ tầng mạng băng rộng cáp quang phủ trên 60% hộ gia đình, 100% xã;", "infra.fiber_household infra.fiber_commune"},
		{plan + "- 90% hồ sơ công việc tại cấp tỉnh, 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.",
			"gov.work_online_prov gov.work_online_dist gov.work_online_comm"},
		{plan + "- Thí điểm cung cấp từ 4 đến 6 dịch vụ đô thị thông minh.", ""},
		{plan + "- 100% xã có nhà văn hóa.", ""},
		{plan + "3. Tỷ lệ dịch vụ công trực tuyến một phần đạt 60%, toàn trình đạt 40%.", "gov.dvc_partial_share gov.dvc_l4_share"},
		{review + "- Tỷ lệ hồ sơ trực tuyến đạt 42,5%, tăng 12% so với năm 2019.", "gov.dossier_online_share "},
		{plan + "- Ứng dụng CNTT để giảm 30% thời gian họp.", "gov.meeting_time_cut"},
		{review + "- Năm 2020, tỉnh có 687 dịch vụ công trực tuyến toàn trình (đạt 55,2%).", " gov.dvc_l4_share"},
		{plan + "- Phấn đấu Chỉ số chuyển đổi số (DTI) của tỉnh thuộc nhóm 10 tỉnh dẫn đầu.", "meta.dti_rank"},
		{plan + "- Bảo đảm tối thiểu 10% kinh phí từ các dự án CNTT dành cho an toàn, an ninh mạng.", "infosec.budget_share"},
	}
	for _, tc := range tests {
		var got []string
		for _, tg := range run(t, tc.text, p2025) {
			got = append(got, tg.Indicator)
			if tg.Indicator == "" && tg.Confidence != 0 {
				t.Errorf("%q: confidence %v without an indicator", tc.text, tg.Confidence)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("indicators of %q = %q, want %q", tc.text, strings.Join(got, " "), tc.want)
		}
	}
}

func TestReportDefaultsToAchieved(t *testing.T) {
	doc := &corpus.Document{Text: "BÁO CÁO\n\nTình hình ứng dụng CNTT năm 2021\n\nĐến nay 100% cơ quan đã kết nối mạng truyền số liệu chuyên dùng."}
	x := &corpus.Extraction{}
	x.Document.Type = "Báo cáo"
	x.Document.Period = &corpus.Period{From: 2021, To: 2021}
	Extract(doc, x)
	if len(x.Targets) != 1 || x.Targets[0].Kind != "achieved" || x.Targets[0].Year == nil || *x.Targets[0].Year != 2021 {
		t.Fatalf("targets = %+v, want one achieved figure", x.Targets)
	}
}

func TestPeriodFallback(t *testing.T) {
	text := "KẾ HOẠCH\n\nỨng dụng CNTT tỉnh X năm 2021\n\nII. MỤC TIÊU\n\n- 100% cơ quan kết nối mạng truyền số liệu chuyên dùng."
	ts := run(t, text, nil)
	if len(ts) != 1 || ts[0].Year == nil || *ts[0].Year != 2021 {
		t.Fatalf("targets = %v, want one for 2021 (from the title)", ts)
	}
}

func TestSpansInsideCitationsSkipped(t *testing.T) {
	text := plan + "- Theo Quyết định số 749/QĐ-TTg phê duyệt Chương trình, 100% hồ sơ được số hóa."
	doc := &corpus.Document{Text: text}
	x := &corpus.Extraction{}
	at := strings.Index(text, "Quyết định")
	x.Citations = []corpus.Citation{{Number: "749/QĐ-TTg", Span: corpus.Span{Start: at, End: at + len("Quyết định số 749/QĐ-TTg")}}}
	Extract(doc, x)
	for _, tg := range x.Targets {
		if tg.Value == 749 {
			t.Errorf("a figure from inside a citation: %+v", tg)
		}
	}
}
