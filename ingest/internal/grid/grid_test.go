package grid

import "testing"

func TestDataTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]string
		want bool
	}{
		{"header block", [][]string{{"ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"}, {"Số: 2893/QĐ-UBND", "Cao Bằng, ngày 31 tháng 12 năm 2020"}}, false},
		{"signature", [][]string{{"Nơi nhận: - Như Điều 3;", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"}}, false},
		{"stt", [][]string{{"STT", "Tên nhiệm vụ"}, {"1", "Thuê dịch vụ"}}, true},
		{"figures", [][]string{{"Nội dung", "Kinh phí"}, {"Hạ tầng", "2.000"}, {"Ứng dụng", "1.500"}}, true},
		{"one column", [][]string{{"a"}, {"b"}, {"c"}}, false},
		{"two rows of words", [][]string{{"a", "b"}, {"c", "d"}}, false},
	} {
		if got := DataTable(tc.rows); got != tc.want {
			t.Errorf("DataTable(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
