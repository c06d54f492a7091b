package table

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/corpus"
)

// TestFlatLayouts builds flattened tables in the layouts plans use (one
// or two header rows with the money parent in different places, group
// rows numbered on or from 1, a total row first or last, a Ghi chú
// column) and checks that every cell comes back in its column.
func TestFlatLayouts(t *testing.T) {
	type moneyKind struct {
		parent string
		subs   []string
	}
	moneys := []moneyKind{
		{"Kinh phí", nil},
		{"Kinh phí", []string{"Tổng số", "Đầu tư", "Sự nghiệp"}},
		{"Kinh phí dự kiến", []string{"Tổng cộng", "NSTW", "NSĐP"}},
		{"Nhu cầu kinh phí", []string{"Tổng", "Năm 2024", "Năm 2025"}},
	}
	n := 0
	for mi, m := range moneys {
		for _, lead := range []bool{false, true} {
			for _, timeFirst := range []bool{false, true} {
				for _, note := range []bool{false, true} {
					for groups := 0; groups < 3; groups++ { // none, restart, carry on
						for _, totalFirst := range []bool{false, true} {
							for _, empty := range []string{"\u00a0", " ", ""} {
								n++
								name := fmt.Sprintf("money%d_lead%v_time%v_note%v_groups%d_totalfirst%v_empty%q", mi, lead, timeFirst, note, groups, totalFirst, empty)
								t.Run(name, func(t *testing.T) {
									checkLayout(t, m.parent, m.subs, lead, timeFirst, note, groups, totalFirst, empty)
								})
							}
						}
					}
				}
			}
		}
	}
}

// empty is how an empty cell is written: a non-breaking space, a space,
// or nothing (the blank lines around it stay).
func checkLayout(t *testing.T, parent string, subs []string, lead, timeFirst, note bool, groups int, totalFirst bool, empty string) {
	// columns and the header as Word flattens it: the top row, then the
	// cells under the parent
	var top, cols []string
	top = append(top, "STT", "Tên nhiệm vụ, dự án")
	cols = append(cols, "STT", "Tên nhiệm vụ, dự án")
	if lead {
		top = append(top, "Đơn vị chủ trì")
		cols = append(cols, "Đơn vị chủ trì")
	}
	money := func() {
		top = append(top, parent)
		if subs == nil {
			cols = append(cols, parent)
			return
		}
		for _, s := range subs {
			cols = append(cols, parent+" / "+s)
		}
	}
	timeCol := func() {
		top = append(top, "Thời gian thực hiện")
		cols = append(cols, "Thời gian thực hiện")
	}
	if timeFirst {
		timeCol()
		money()
	} else {
		money()
		timeCol()
	}
	if note {
		top = append(top, "Ghi chú")
		cols = append(cols, "Ghi chú")
	}
	header := append(append([]string{}, top...), subs...)

	names := []string{"Nâng cấp mạng diện rộng của tỉnh", "Thuê dịch vụ giám sát an toàn thông tin", "Xây dựng kho dữ liệu dùng chung", "Số hóa hồ sơ lưu trữ", "Bồi dưỡng kỹ năng số cho công chức"}
	leads := []string{"Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tư pháp", "UBND các huyện"}
	notes := []string{"Chuyển tiếp", "", "Khởi công mới", "", ""}
	var want [][]string
	var total []string
	var sumA, sumB int
	row := func(stt, nm string, i int) []string {
		r := []string{stt, nm}
		if lead {
			r = append(r, leads[i])
		}
		a, b := 0, 0
		if i%2 == 0 {
			a = 1000 + 100*i
		} else {
			b = 500 + 10*i
		}
		if i == 3 {
			a, b = 700, 300
		}
		sumA += a
		sumB += b
		cell := func(v int) string {
			if v == 0 {
				return ""
			}
			return group(v)
		}
		mc := []string{cell(a + b)}
		if subs != nil {
			mc = append(mc, cell(a), cell(b))
		}
		tc := []string{fmt.Sprintf("%d", 2024+i%2)}
		if timeFirst {
			r = append(append(r, tc...), mc...)
		} else {
			r = append(append(r, mc...), tc...)
		}
		if note {
			r = append(r, notes[i])
		}
		return r
	}
	blank := func(r []string) []string {
		out := make([]string, len(cols))
		copy(out, r)
		return out
	}
	var body [][]string
	k := 0
	for gi, g := range [][]int{{0, 1, 2}, {3, 4}} {
		if groups > 0 {
			body = append(body, blank([]string{[]string{"I", "II"}[gi], []string{"Hạ tầng số", "Dữ liệu và nhân lực"}[gi]}))
		}
		for j, i := range g {
			stt := fmt.Sprintf("%d", k+1)
			if groups == 1 {
				stt = fmt.Sprintf("%d", j+1)
			}
			r := row(stt, names[i], i)
			body = append(body, r)
			want = append(want, r)
			k++
		}
	}
	{
		tr := []string{"", "Tổng cộng"}
		if lead {
			tr = append(tr, "")
		}
		mc := []string{group(sumA + sumB)}
		if subs != nil {
			mc = append(mc, group(sumA), group(sumB))
		}
		if timeFirst {
			tr = append(append(tr, ""), mc...)
		} else {
			tr = append(append(tr, mc...), "")
		}
		if note {
			tr = append(tr, "")
		}
		total = tr
	}
	if totalFirst {
		body = append([][]string{total}, body...)
	} else {
		body = append(body, total)
	}
	var b strings.Builder
	b.WriteString("PHỤ LỤC\n\nDANH MỤC NHIỆM VỤ NĂM 2024\n\nĐơn vị tính: triệu đồng\n\n")
	for _, h := range header {
		b.WriteString(h + "\n\n")
	}
	for _, r := range body {
		for _, c := range r {
			if c == "" {
				c = empty
			}
			if c == names[1] {
				// a name written as two paragraphs of one cell
				c = "Thuê dịch vụ giám sát\n\nan toàn thông tin"
			}
			b.WriteString(c + "\n\n")
		}
	}
	b.WriteString("Nơi nhận:\n")
	text := b.String()

	ts := Recover(text)
	checkSpans(t, text, ts)
	if len(ts) != 1 {
		t.Fatalf("%d tables\n%s", len(ts), text)
	}
	tb := ts[0]
	if strings.Join(tb.Columns, " | ") != strings.Join(cols, " | ") {
		t.Fatalf("columns\n got %q\nwant %q", tb.Columns, cols)
	}
	var data [][]string
	var gotTotal []string
	for _, r := range tb.Rows {
		var cs []string
		for _, c := range r.Cells {
			cs = append(cs, c.Text)
		}
		switch r.Kind {
		case corpus.RowData:
			data = append(data, cs)
		case corpus.RowTotal:
			gotTotal = cs
		}
	}
	if fmt.Sprint(data) != fmt.Sprint(want) {
		t.Errorf("data rows\n got %q\nwant %q", data, want)
	}
	if fmt.Sprint(gotTotal) != fmt.Sprint(total) {
		t.Errorf("total row\n got %q\nwant %q", gotTotal, total)
	}
}

func group(v int) string {
	s := fmt.Sprintf("%d", v)
	if len(s) > 3 {
		return s[:len(s)-3] + "." + s[len(s)-3:]
	}
	return s
}
