package target

import (
	"strings"
	"testing"
)

// TestGeneralForms covers phrasings of the genre that the first five
// sample plans did not show: each case is a general form, written for
// the test.
func TestGeneralForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a numbered item's own years do not govern its siblings",
			"III. MỤC TIÊU ĐẾN NĂM 2030\n\n1. Tỷ lệ hộ gia đình có cáp quang: đến năm 2027 đạt 70%, đến năm 2030 đạt 90%.\n\n2. 100% trường học kết nối Internet băng rộng.\n\n3. 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.",
			[]string{"target = 70 % y=2027", "target = 90 % y=2030", "target = 100 % y=2030", "target = 60 % y=2030 scope=cấp xã"}},
		{"về việc as a preposition is not a title",
			plan + "- Tỷ lệ doanh nghiệp hài lòng về việc cung cấp dịch vụ công trực tuyến đạt trên 90%.",
			[]string{"target > 90 % y=2025"}},
		{"về việc after a document's designation opens its title",
			review + "- Triển khai Quyết định ngày 15 tháng 3 năm 2021 của UBND tỉnh về việc kết nối 100% xã vào mạng chuyên dùng.",
			nil},
		{"a review figure keeps the earlier year its sentence states",
			"I. KẾT QUẢ THỰC HIỆN NĂM 2024\n\n- Chỉ số chuyển đổi số (DTI) năm 2023 của tỉnh xếp thứ 20/63 tỉnh, thành phố; năm 2024 đạt 45% hồ sơ trực tuyến.",
			[]string{"achieved = 20/63 tỉnh, thành phố y=2023 rank", "achieved = 45 % y=2024"}},
		{"a count of any noun, not only listed ones",
			review + "- Hệ thống đã tiếp nhận hơn 5.200 kiến nghị và xử lý 38 vi phạm; ghi nhận trên 12.000 ý kiến góp ý.",
			[]string{"achieved > 5200 kiến nghị y=2020", "achieved = 38 vi phạm y=2020", "achieved > 12000 ý kiến y=2020"}},
		{"numbers before words that do not count are not figures",
			plan + "- Người từ 16 tuổi trở lên; bảo trì 3 năm; chia 2 giai đoạn; tăng 5 bậc; gấp 3 lần; liên thông 4 cấp; đặt tại 2 của ngõ.",
			nil},
		{"the plan's own composition is not counted",
			plan + "- Chuyển đổi số dựa trên 3 trụ cột; Kế hoạch gồm 6 giải pháp, thực hiện qua 2 bước theo 4 tiêu chí và 3 đột phá.",
			nil},
		{"later numbers of an excluded list are not counts",
			plan + "- Tích hợp dịch vụ công mức độ 3, 4 thiết yếu lên Cổng; thực hiện theo Điều 5 và 6 hướng dẫn.",
			nil},
		{"limits on durations",
			plan + "- Thời gian khắc phục sự cố không quá 04 giờ; trả lời phản ánh tối đa 05 ngày làm việc; sao lưu dữ liệu ít nhất 15 phút một lần.",
			[]string{"target <= 4 giờ y=2025", "target <= 5 ngày làm việc y=2025", "target >= 15 phút y=2025"}},
		{"a time measured within a limit",
			plan + "- Thời gian phản hồi yêu cầu hỗ trợ kỹ thuật trong vòng 30 phút.",
			[]string{"target <= 30 phút y=2025"}},
		{"a duration that qualifies a percentage is not a figure",
			plan + "- 100% hồ sơ được giải quyết không quá 3 ngày; 95% sự cố được khắc phục trong vòng 24 giờ.",
			[]string{"target = 100 % y=2025", "target = 95 % y=2025"}},
		{"a duration without a limit is not a figure",
			plan + "- Bảo trì hệ thống trong 6 tháng đầu năm; họp 2 ngày.",
			nil},
		{"a classifier keeps the noun it counts",
			review + "- Tổ chức 03 cuộc thi trực tuyến, 12 buổi hội thảo chuyên đề và 05 lớp bồi dưỡng; ghi nhận 640 lượt truy cập trái phép và 2 lần kiểm tra.",
			[]string{"achieved = 3 cuộc thi y=2020", "achieved = 12 buổi hội thảo y=2020", "achieved = 5 lớp bồi dưỡng y=2020", "achieved = 640 lượt truy cập y=2020", "achieved = 2 lần kiểm tra y=2020"}},
		{"a bare classifier only where nothing follows",
			plan + "- Diễn tập ít nhất 03 đợt/năm; bảo vệ theo mô hình 4 lớp đối với hệ thống; gấp 2 lần.",
			[]string{"target >= 3 đợt/năm y=-"}},
		{"a frequency keeps a classifier bare",
			plan + "- Rà soát, đánh giá an toàn thông tin ít nhất 02 lần/năm.",
			[]string{"target >= 2 lần/năm y=-"}},
		{"a classifier counts the plan's composition nouns too",
			plan + "- Ban hành 01 bộ tiêu chí đánh giá mức độ chuyển đổi số.",
			[]string{"target = 1 bộ tiêu chí y=2025"}},
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

// TestGeneralIndicatorMapping covers how a figure's list lends it the
// words that name its indicator.
func TestGeneralIndicatorMapping(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"lead-in before a colon, scope split after it",
			review + "- Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng: cấp tỉnh đạt 95%, cấp huyện đạt 80%, cấp xã đạt 65%.",
			"gov.work_online_prov gov.work_online_dist gov.work_online_comm"},
		{"predicate shared by the items before it",
			plan + "- 100% sở, ngành và 95/95 xã, phường kết nối Mạng truyền số liệu chuyên dùng.",
			"infra.specialised_network infra.specialised_network"},
		{"a clause's lead does not name the next clause's figures",
			review + "- Hệ thống giám sát an toàn thông tin đã phát hiện 420 lượt tấn công; xử lý 9 sự cố, trong đó 100% sự cố được khắc phục trong ngày.",
			"  "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tg := range run(t, tc.text, p2025) {
				got = append(got, tg.Indicator)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("indicators of %q = %q, want %q", tc.text, strings.Join(got, " "), tc.want)
			}
		})
	}
}
