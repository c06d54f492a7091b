package citation

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"kehoach/corpus"
)

func TestCanonicalSymbol(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"64/2007/NĐ-CP", "64/2007/NĐ-CP"},
		{"749/QĐ-TTg", "749/QĐ-TTg"},
		{"2606/BTTTT-THH-ATTT", "2606/BTTTT-THH-ATTT"},
		{"790/STTTT", "790/STTTT"},
		{"3885/UBND –KGVX", "3885/UBND-KGVX"},
		{"56/ 2015/ NĐ - CP", "56/2015/NĐ-CP"},
		{"37/2009/TT- BTTTT", "37/2009/TT-BTTTT"},
		{"57- NQ/TW", "57-NQ/TW"},
		{"Số: 1206 /QĐ-HVTC", "1206/QĐ-HVTC"},
		{"06/2019/TTBTTTT", "06/2019/TT-BTTTT"},
		{"17/2017/NĐCP", "17/2017/NĐ-CP"},
		{"64/2007NĐ-CP", "64/2007/NĐ-CP"},
		{"82/2005-QĐ-UBND", "82/2005/QĐ-UBND"},
		{"36/2006/CT-TTG", "36/2006/CT-TTg"},
		{"749/QD-TTg", "749/QĐ-TTg"},
		{"64/2007/ND-CP", "64/2007/NĐ-CP"},
		{"749/qđ-ttg", "749/QĐ-TTg"},
		{"56-Ctr/TU", "56-CTr/TU"},
		{"164/TTr- SKHCN", "164/TTr-SKHCN"},
		{"1192/NQ-UBTVQH", "1192/NQ-UBTVQH"},
		{"24/2018/qh14", "24/2018/QH14"},
		{"36a/NQ-CP", "36a/NQ-CP"},
		{"2043/STTTT-BCVT&CNTT", "2043/STTTT-BCVT&CNTT"},
		{"08-QĐi/TW", "08-QĐi/TW"},
		{"02-HD/BCĐTW", "02-HD/BCĐTW"},
		{"", ""},
	} {
		if got := CanonicalSymbol(tc.in); got != tc.want {
			t.Errorf("CanonicalSymbol(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTypeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"QĐ", "Quyết định"}, {"qd", "Quyết định"}, {"NĐ", "Nghị định"}, {"ND", "Nghị định"},
		{"TT", "Thông tư"}, {"TTLT", "Thông tư liên tịch"}, {"CT", "Chỉ thị"}, {"Ctr", "Chương trình"},
		{"TTr", "Tờ trình"}, {"HD", "Hướng dẫn"}, {"KL", "Kết luận"}, {"TB", "Thông báo"},
		{"CV", "Công văn"}, {"văn bản", "Công văn"}, {"BC", "Báo cáo"}, {"XYZ", ""},
	} {
		if got := TypeName(tc.in); got != tc.want {
			t.Errorf("TypeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// want describes one expected citation; empty fields are not checked.
type want struct {
	key      string // number, or the title for a law by name
	typ      string
	date     string
	issuer   string
	title    string
	role     string
	rel      string
	count    int
	status   string
	pins     []string
	aliases  []string
	dates    []string
	registry string
	super    string
	quote    string
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		own  string
		want []want // in text order; the exact list of citations
	}{
		{"decree with số and dash date", "Căn cứ Nghị định số 64/2007/NĐ-CP ngày 10-4-2007 của Chính phủ về ứng dụng CNTT;",
			"", []want{{key: "64/2007/NĐ-CP", typ: "Nghị định", date: "2007-04-10", issuer: "Chính phủ", role: "basis", rel: "basis", status: Resolved, quote: "Nghị định số 64/2007/NĐ-CP ngày 10-4-2007"}}},
		{"without số", "theo Nghị định 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ",
			"", []want{{key: "85/2016/NĐ-CP", date: "2016-07-01", rel: "per", role: "mention"}}},
		{"without year, issuer from the symbol", "Quyết định số 749/QĐ-TTg phê duyệt Chương trình",
			"", []want{{key: "749/QĐ-TTg", typ: "Quyết định", issuer: "Thủ tướng Chính phủ", status: Resolved}}},
		{"công văn without type code", "công văn số 761/STTTT ngày 6/7/2018 của Sở Thông tin và Truyền thông về việc",
			"", []want{{key: "761/STTTT", typ: "Công văn", date: "2018-07-06", issuer: "Sở Thông tin và Truyền thông", status: Unresolved}}},
		{"văn bản with units", "Văn bản số 2606/BTTTT-THH-ATTT ngày 15-7-2020 của Bộ Thông tin và Truyền thông về việc",
			"", []want{{key: "2606/BTTTT-THH-ATTT", typ: "Công văn", issuer: "Bộ Thông tin và Truyền thông"}}},
		{"stray space and en dash", "công văn số 3885/UBND –KGVX ngày 03/7/2018 của UBND tỉnh",
			"", []want{{key: "3885/UBND-KGVX", date: "2018-07-03", quote: "công văn số 3885/UBND –KGVX ngày 03/7/2018"}}},
		{"spaces around separators", "Nghị định số 56/ 2015/ NĐ - CP ngày 01/6/2015", "", []want{{key: "56/2015/NĐ-CP"}}},
		{"lower case", "quyết định số 749/qđ-ttg ngày 03/6/2020", "", []want{{key: "749/QĐ-TTg", typ: "Quyết định", date: "2020-06-03"}}},
		{"D for Đ", "Quyết định 749/QD-TTg và Nghị định 64/2007/ND-CP", "", []want{{key: "749/QĐ-TTg"}, {key: "64/2007/NĐ-CP"}}},
		{"glued type and issuer", "Thông tư 06/2019/TTBTTTT", "", []want{{key: "06/2019/TT-BTTTT", typ: "Thông tư"}}},
		{"hyphen for slash", "Quyết định số 82/2005-QĐ-UBND", "", []want{{key: "82/2005/QĐ-UBND"}}},
		{"letter in the number", "Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ", "", []want{{key: "36a/NQ-CP", date: "2015-10-14", status: Resolved}}},
		{"party resolution", "Nghị quyết số 52-NQ/TW ngày 27-9-2019 của Bộ Chính trị", "", []want{{key: "52-NQ/TW", typ: "Nghị quyết", date: "2019-09-27", issuer: "Bộ Chính trị", status: Resolved}}},
		{"party programme, lower-case type word", "thực hiện chương trình hành động số 57-CTr/TU ngày 23/12/ 2014 của Ban Thường vụ Tỉnh ủy Quảng Ngãi;",
			"", []want{{key: "57-CTr/TU", typ: "Chương trình", date: "2014-12-23", issuer: "Ban Thường vụ Tỉnh ủy Quảng Ngãi", rel: "implements"}}},
		{"party công văn and thông báo", "– Công văn số 402-CV/TU ngày\n04/5/2021 của Tỉnh ủy.\n\n– Thông báo số 527-TB/TU ngày\n09/12/2021 của Tỉnh ủy.",
			"", []want{{key: "402-CV/TU", typ: "Công văn", date: "2021-05-04"}, {key: "527-TB/TU", typ: "Thông báo", date: "2021-12-09"}}},
		{"party, mixed case code", "Chương trình hành động số 56-Ctr/TU của Tỉnh ủy", "", []want{{key: "56-CTr/TU", typ: "Chương trình"}}},
		{"law by number", "Luật số 24/2018/QH14 ngày 12/6/2018", "", []want{{key: "24/2018/QH14", typ: "Luật", date: "2018-06-12", status: Resolved}}},
		{"law by name and number", "Luật An ninh mạng số 24/2018/QH14", "", []want{{key: "24/2018/QH14", typ: "Luật", title: "Luật An ninh mạng", count: 1}}},
		{"law by name and date", "Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;", "",
			[]want{{key: "Luật Công nghệ thông tin", typ: "Luật", date: "2006-06-29", issuer: "Quốc hội", registry: "67/2006/QH11", role: "basis"}}},
		{"law by name, blank số", "Căn cứ Luật Công nghệ thông tin số ngày 29 tháng 6 năm 2006;", "", []want{{key: "Luật Công nghệ thông tin", date: "2006-06-29"}}},
		{"law by name, lower case, no date", "- Luật Công nghệ thông tin; Luật an toàn thông tin mạng; Luật An ninh mạng;", "",
			[]want{{key: "Luật Công nghệ thông tin"}, {key: "Luật An toàn thông tin mạng", quote: "Luật an toàn thông tin mạng"}, {key: "Luật An ninh mạng"}}},
		{"law title normalised, date as written", "Luật An toàn thông tin ngày 11-9-2015; và Luật An toàn thông tin mạng.", "",
			[]want{{key: "Luật An toàn thông tin mạng", date: "2015-09-11", count: 2, registry: "86/2015/QH13"}}},
		{"law with a long name", "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;", "",
			[]want{{key: "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", date: "2019-11-22", registry: "47/2019/QH14"}}},
		{"superseded law", "Luật Giao dịch điện tử ngày 29-11-2005", "", []want{{key: "Luật Giao dịch điện tử", super: "20/2023/QH15"}}},
		{"date over a line break", "Kế hoạch số 326/KH-UBND ngày 31\n/12/2021 của UBND tỉnh", "", []want{{key: "326/KH-UBND", date: "2021-12-31"}}},
		{"date with a space after the slash", "Kế hoạch số 1881/KH-UBND ngày 25/4/ 2015 của UBND tỉnh", "", []want{{key: "1881/KH-UBND", date: "2015-04-25"}}},
		{"date after a blank line", "thay thế Quyết định số 905/QĐ-UBND ngày\n\n21/6/2017).", "", []want{{key: "905/QĐ-UBND", date: "2017-06-21", rel: "replaces"}}},
		{"date before the citation", "Ngày 11/11/2021, UBND tỉnh đã ban hành Văn bản số 10052/UBND-VX3 về việc triển khai", "",
			[]want{{key: "10052/UBND-VX3", typ: "Công văn", date: "2021-11-11", quote: "Ngày 11/11/2021, UBND tỉnh đã ban hành Văn bản số 10052/UBND-VX3"}}},
		{"issuer before the date", "Quyết định số 15/QĐ-UBND của UBND tỉnh ngày 3/4/2020", "", []want{{key: "15/QĐ-UBND", date: "2020-04-03", issuer: "UBND tỉnh"}}},
		{"shared type, comma list", "các Nghị định số 64/2007/NĐ-CP, 43/2011/NĐ-CP và 85/2016/NĐ-CP", "",
			[]want{{key: "64/2007/NĐ-CP"}, {key: "43/2011/NĐ-CP", typ: "Nghị định", super: "42/2022/NĐ-CP"}, {key: "85/2016/NĐ-CP"}}},
		{"shared type, số list with dates", "tại các Quyết định số 2990/QĐ-UBND ngày 21/11/2019; số\n2476/QĐ-CT ngày 02/10/2020 của UBND tỉnh; số\n705/QĐ-CT ngày 24/3/2021.", "",
			[]want{{key: "2990/QĐ-UBND", date: "2019-11-21"}, {key: "2476/QĐ-CT", typ: "Quyết định", date: "2020-10-02", quote: "số\n2476/QĐ-CT ngày 02/10/2020"}, {key: "705/QĐ-CT", date: "2021-03-24"}}},
		{"shared type without type code", "các Quyết định số 2323/BTTTT-THH, 2324/BTTTT-THH", "",
			[]want{{key: "2323/BTTTT-THH", typ: "Quyết định"}, {key: "2324/BTTTT-THH", typ: "Quyết định"}}},
		{"back-reference and pinpoints", "theo Nghị định 47/2020/NĐ-CP ngày 09/4/2020. Dữ liệu theo quy định tại Điều 9 Nghị định số 47. Xem Điều 24 Nghị định số 47/2020/NĐ-CP;", "",
			[]want{{key: "47/2020/NĐ-CP", count: 3, pins: []string{"Điều 9", "Điều 24"}}}},
		{"clause pinpoint", "theo đúng quy định tại khoản 2 Điều 10 Nghị định số 43/2011/NĐ-CP ngày 13/6/2011", "", []want{{key: "43/2011/NĐ-CP", pins: []string{"khoản 2 Điều 10"}}}},
		{"several articles", "(xác định cấp độ theo Điều 7, Điều 8 của Nghị định số 85/2016/NĐ-CP ngày\n01/7/2016)", "", []want{{key: "85/2016/NĐ-CP", pins: []string{"Điều 7", "Điều 8"}}}},
		{"footnoted bases", "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n\n- Các quy định liên quan¹.\n\nII. MỤC TIÊU\n\n- Đảm bảo 20% hồ sơ\n\n¹ Luật Công nghệ thông tin ngày 29-6-2006; Nghị định số 64/2007/NĐ-CP ngày 10-4-2007 của Chính phủ;\n\n- Theo Nghị định số 45/2020/NĐ-CP ngày 08-4-2020.", "",
			[]want{{key: "Luật Công nghệ thông tin", role: "basis"}, {key: "64/2007/NĐ-CP", role: "basis", rel: "basis"}, {key: "45/2020/NĐ-CP", role: "mention", rel: "per"}}},
		{"basis section", "I. Căn cứ lập Kế hoạch:\n\n- Quyết định số 916/QĐ-UBND ngày 26/5/2016 của UBND tỉnh;\n\nII. Hiện trạng\n\n- Chỉ thị số 897/CT-TTg ngày 10/6/2011", "",
			[]want{{key: "916/QĐ-UBND", role: "basis"}, {key: "897/CT-TTg", role: "mention"}}},
		{"repeal", "Quyết định số 2339/QĐ-UBND ngày 26/8/2021 của UBND tỉnh bãi bỏ Quyết định số 2298/QĐ-CT ngày 27/8/2013 của Chủ tịch UBND tỉnh", "",
			[]want{{key: "2339/QĐ-UBND"}, {key: "2298/QĐ-CT", rel: "repeals", issuer: "Chủ tịch UBND tỉnh"}}},
		{"amend", "sửa đổi, bổ sung Quyết định số 12/2019/QĐ-UBND", "", []want{{key: "12/2019/QĐ-UBND", rel: "amends"}}},
		{"one symbol, two documents told apart by date", "Thực hiện Chỉ thị số 14/CT-TTg ngày 07/6/2019 của Thủ tướng Chính phủ; Thực hiện Chỉ thị số 14/CT-TTg ngày 25/5/2018 của Thủ tướng Chính phủ", "",
			[]want{{key: "14/CT-TTg", date: "2019-06-07", status: Resolved}, {key: "14/CT-TTg", date: "2018-05-25", status: Resolved}}},
		{"one document, conflicting dates", "Căn cứ Nghị quyết số 17/NQ-CP ngày 09/3/2020 của Chính phủ;\n\nTheo Nghị quyết số 17/NQ-CP ngày 07/03/2019 của Chính phủ", "",
			[]want{{key: "17/NQ-CP", date: "", dates: []string{"2019-03-07", "2020-03-09"}, count: 2, status: Resolved}}},
		{"unknown yearless symbol, dates in two years", "Quyết định số 77/QĐ-UBND ngày 02/3/2019; Quyết định số 77/QĐ-UBND ngày 05/4/2020", "",
			[]want{{key: "77/QĐ-UBND", date: "2019-03-02"}, {key: "77/QĐ-UBND", date: "2020-04-05"}}},
		{"unknown yearless symbol, dates in two years, one subject", "Căn cứ Quyết định số 77/QĐ-UBND ngày 02/3/2019 của UBND tỉnh về việc phê duyệt Đề án chuyển đổi số tỉnh; Theo Quyết định số 77/QĐ-UBND ngày 02/3/2020 về việc phê duyệt Đề án chuyển đổi số tỉnh.", "",
			[]want{{key: "77/QĐ-UBND", dates: []string{"2019-03-02", "2020-03-02"}, count: 2}}},
		{"issuer-code variants are aliases", "Triển khai Quyết định số 900/QĐ-UBND ngày 13/7/2017 của UBND tỉnh.\n\n- Quyết định số 900/QĐ-CTUBND ngày 17/3/2017 phê duyệt", "",
			[]want{{key: "900/QĐ-UBND", aliases: []string{"900/QĐ-CTUBND"}, dates: []string{"2017-03-17", "2017-07-13"}, count: 2}}},
		{"short form without year", "theo lộ trình quy định tại Quyết định số 28/2018/QĐ-UBND ngày 12/7/2018 của Thủ tướng Chính phủ về việc gửi nhận.\n\nđáp ứng theo Quyết định 28/QĐ-TTg và", "",
			[]want{{key: "28/2018/QĐ-UBND", aliases: []string{"28/QĐ-TTg"}, count: 2, registry: "28/2018/QĐ-TTg"}}},
		{"symbol written wrong, resolved by date", "Quyết định số 2323/BTTTT-THH ngày 31-12-2019 của Bộ trưởng Bộ Thông tin và Truyền thông", "",
			[]want{{key: "2323/BTTTT-THH", registry: "2323/QĐ-BTTTT", status: Resolved}}},
		{"own symbol from Số and Kèm theo lines", "Số: 2893/QĐ-UBND\n\nCăn cứ Nghị định số 64/2007/NĐ-CP;\n\n(Ban hành kèm theo Quyết định số 2893/QĐ-UBND ngày 31 tháng 12 năm 2020 của Chủ tịch)\n\n(Kèm theo Quyết định số 2893/QĐ-CTUBND)", "",
			[]want{{key: "64/2007/NĐ-CP"}}},
		{"own symbol from meta", "Kế hoạch 326/KH-UBND 2021 phát triển chính quyền số\n\nKế hoạch số 302/KH-UBND ngày 08/12/2021", "326/KH-UBND",
			[]want{{key: "302/KH-UBND"}}},
		{"list numbering is not a symbol", "1/ UBND tỉnh chỉ đạo các sở;\n2/ Sở Tài chính bố trí kinh phí; số 5/ STTTT", "", []want{{key: "5/STTTT"}}},
		{"Bộ luật", "Bộ luật Lao động ngày 20/11/2019;", "", []want{{key: "Bộ luật Lao động", typ: "Bộ luật", date: "2019-11-20"}}},
		{"law name without a date", "theo Luật Đất đai năm 2013 và", "", []want{{key: "Luật Đất đai", status: Unresolved}}},
		{"basis heading Cơ sở pháp lý", "1. Cơ sở pháp lý\n\n- Nghị định số 45/2020/NĐ-CP;\n\n2. Mục tiêu\n\nNghị định số 47/2020/NĐ-CP", "", []want{{key: "45/2020/NĐ-CP", role: "basis"}, {key: "47/2020/NĐ-CP", role: "mention"}}},
		{"law year tells same-named laws apart", "Luật Giao dịch điện tử năm 2023;", "", []want{{key: "Luật Giao dịch điện tử", registry: "20/2023/QH15"}}},
		{"symbol wrapped after its dash", "Quyết định số 2476/QĐ-\nUBND ngày 02/10/2020", "", []want{{key: "2476/QĐ-UBND", date: "2020-10-02"}}},
		{"law year tells same-named laws apart", "Luật Giao dịch điện tử năm 2023;", "", []want{{key: "Luật Giao dịch điện tử", registry: "20/2023/QH15"}}},
		{"symbol wrapped after its dash", "Quyết định số 2476/QĐ-\nUBND ngày 02/10/2020", "", []want{{key: "2476/QĐ-UBND", date: "2020-10-02"}}},
		{"other types", "Kết luận số 169-KL/TW ngày 20/6/2017; Hướng dẫn số 36-HD/VPTW ngày 03/4/2018; Báo cáo số 12/BC-UBND ngày 05/01/2021; Đề án số 3/ĐA-UBND ngày 10/2/2021; Tờ trình số 79/TTr-STTTT ngày 30/11/2020; Thông tư liên tịch số 19/2012/TTLT-BTC-BKHĐT-BTTTT ngày 15/02/2012; Chỉ thị số 28-CT/TW ngày 16/9/2013", "",
			[]want{{key: "169-KL/TW", typ: "Kết luận"}, {key: "36-HD/VPTW", typ: "Hướng dẫn"}, {key: "12/BC-UBND", typ: "Báo cáo"}, {key: "3/ĐA-UBND", typ: "Đề án"},
				{key: "79/TTr-STTTT", typ: "Tờ trình"}, {key: "19/2012/TTLT-BTC-BKHĐT-BTTTT", typ: "Thông tư liên tịch"}, {key: "28-CT/TW", typ: "Chỉ thị", issuer: "Ban Chấp hành Trung ương Đảng", status: Resolved}}},
		{"pipe table and bold", "| 1 |Quyết định số 12/QĐ-UBND| **Nghị định 64/2007/NĐ-CP** |", "", []want{{key: "12/QĐ-UBND", typ: "Quyết định"}, {key: "64/2007/NĐ-CP", quote: "Nghị định 64/2007/NĐ-CP"}}},
		{"slash after the year lost", "Nghị định số 64/2007NĐ-CP ngày 10/4/2007", "", []want{{key: "64/2007/NĐ-CP", date: "2007-04-10"}}},
		{"form numbers are not documents", "theo Mẫu số 01/KH kèm theo; Biểu số 02/BC-UBND; Phụ lục số 3/KH; 01/KH", "", nil},
		{"not citations", "24/7; IPv4/IPv6; 4G/5G; giai đoạn 2021 - 2025; ngày 10/4/2007; 20/32 hệ thống; pháp luật Nhà nước về; như: Luật,\nNghị định; Quý I/2022; TCVN ISO 9001:2015; 3 cấp tỉnh – huyện – xã", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, nil, tc.own, "")
			for _, c := range got {
				if c.Quote != tc.text[c.Span.Start:c.Span.End] {
					t.Errorf("quote %q is not the text under span %v", c.Quote, c.Span)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %d citations, want %d:\n%s", tc.text, len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				c := got[i]
				key := c.Number
				if key == "" {
					key = c.Title
				}
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("citation %d %s = %q, want %q\n%s", i, field, got, want, dump(got2(c)))
					}
				}
				check("key", key, w.key)
				check("type", c.Type, w.typ)
				check("date", c.Date, w.date)
				check("issuer", c.Issuer, w.issuer)
				check("title", c.Title, w.title)
				check("role", c.Role, w.role)
				check("relation", c.Relation, w.rel)
				check("status", c.Status, w.status)
				check("registry", c.Registry, w.registry)
				check("superseded_by", c.SupersededBy, w.super)
				check("quote", c.Quote, w.quote)
				if w.count != 0 && c.Count != w.count {
					t.Errorf("citation %d count = %d, want %d", i, c.Count, w.count)
				}
				for _, p := range []struct {
					name      string
					got, want []string
				}{{"pinpoints", c.Pinpoint, w.pins}, {"aliases", c.Aliases, w.aliases}, {"dates", c.Dates, w.dates}} {
					if p.want != nil {
						if d := cmp.Diff(p.want, p.got); d != "" {
							t.Errorf("citation %d %s (-want +got):\n%s", i, p.name, d)
						}
					}
				}
			}
		})
	}
}

func got2(c corpus.Citation) []corpus.Citation { return []corpus.Citation{c} }

func dump(cs []corpus.Citation) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("  " + c.Type + " | " + c.Number + " | " + c.Title + " | " + c.Date + " | " + c.Issuer + " | " + c.Role + "/" + c.Relation + " | " + c.Quote + "\n")
	}
	return b.String()
}

func TestRegistry(t *testing.T) {
	r := Registry()
	if len(r) < 80 {
		t.Fatalf("registry has %d entries, want at least 80", len(r))
	}
	seen := map[string]bool{}
	for _, e := range r {
		if CanonicalSymbol(e.Symbol) != e.Symbol {
			t.Errorf("registry symbol %q is not canonical (%q)", e.Symbol, CanonicalSymbol(e.Symbol))
		}
		k := e.Symbol + " " + e.Date
		if seen[k] {
			t.Errorf("registry: duplicate %s", k)
		}
		seen[k] = true
		if e.SupersededBy != "" && len(Lookup(e.SupersededBy)) == 0 {
			t.Errorf("registry: %s superseded by %s, which is not in the registry", e.Symbol, e.SupersededBy)
		}
		if IssuerName(e.Issuer) == "" {
			t.Errorf("registry: %s: unknown issuer %q", e.Symbol, e.Issuer)
		}
	}
	if got := Lookup("Luật an ninh mạng"); len(got) != 1 || got[0].Symbol != "24/2018/QH14" {
		t.Errorf("Lookup(Luật an ninh mạng) = %v", got)
	}
	if got := Lookup("14/CT-TTg"); len(got) != 2 {
		t.Errorf("Lookup(14/CT-TTg) = %d entries, want 2", len(got))
	}
}

// FuzzCanonicalSymbol checks that canonicalisation never panics and is
// idempotent on symbols.
func FuzzCanonicalSymbol(f *testing.F) {
	for _, s := range []string{"64/2007/NĐ-CP", "3885/UBND –KGVX", "57- NQ/TW", "06/2019/TTBTTTT", "749/qd-ttg", "Số: 1206 /QĐ-HVTC", "36a/NQ-CP", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CanonicalSymbol(s)
		if !utf8.ValidString(s) {
			return
		}
		for i := 0; i < len(c); i++ {
			if isDigit(c[i]) {
				if sym, ok := parseSymbol(c, i); ok && sym.End == len(c) && i == 0 {
					if again := CanonicalSymbol(c); again != c {
						t.Fatalf("CanonicalSymbol(%q) = %q, but CanonicalSymbol(%q) = %q", s, c, c, again)
					}
				}
				break
			}
		}
	})
}
