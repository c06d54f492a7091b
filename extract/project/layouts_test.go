package project

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/corpus"
	"kehoach/extract/budget"
)

// TestLayouts runs generated flattened appendix tables through ingest's
// table recovery, the project and the budget extractors: every task row
// gives a project with the row's total (never two cells added), group
// rows none, and the total row the table's total and its split.
func TestLayouts(t *testing.T) {
	splits := []struct {
		parent string
		subs   []string
		kinds  []string // budget kinds of the sub-columns
	}{
		{"Kinh phí", nil, nil},
		{"Kinh phí", []string{"Tổng số", "Đầu tư phát triển", "Sự nghiệp"}, []string{"total", "source", "source"}},
		{"Kinh phí dự kiến", []string{"Tổng cộng", "Ngân sách tỉnh", "Ngân sách huyện"}, []string{"total", "source", "source"}},
	}
	for si, sp := range splits {
		for _, note := range []bool{false, true} {
			for _, carry := range []bool{false, true} {
				t.Run(fmt.Sprintf("split%d_note%v_carry%v", si, note, carry), func(t *testing.T) {
					var b strings.Builder
					b.WriteString("PHỤ LỤC\n\nDANH MỤC NHIỆM VỤ NĂM 2024\n\nĐơn vị tính: triệu đồng\n\nSTT\n\nTên nhiệm vụ\n\nĐơn vị chủ trì\n\n" + sp.parent + "\n\n")
					if note {
						b.WriteString("Ghi chú\n\n")
					}
					for _, s := range sp.subs {
						b.WriteString(s + "\n\n")
					}
					cell := func(s string) {
						if s == "" {
							s = "\u00a0"
						}
						b.WriteString(s + "\n\n")
					}
					type task struct {
						name string
						a, c int
					}
					groups := [][]task{
						{{"Nâng cấp trung tâm dữ liệu", 4000, 0}, {"Thuê dịch vụ giám sát an toàn thông tin", 0, 1200}},
						{{"Xây dựng kho dữ liệu dùng chung", 2500, 500}, {"Bồi dưỡng kỹ năng số", 0, 300}},
					}
					var want []string
					sumA, sumC := 0, 0
					k := 0
					for gi, g := range groups {
						cell([]string{"I", "II"}[gi])
						cell([]string{"Hạ tầng và an toàn thông tin", "Dữ liệu và nhân lực"}[gi])
						for i := 0; i < 1+len(sp.subs)+btoi(note); i++ {
							cell("")
						}
						for j, tk := range g {
							k++
							stt := k
							if !carry {
								stt = j + 1
							}
							cell(fmt.Sprint(stt))
							cell(tk.name)
							cell("Sở Thông tin và Truyền thông")
							cell(num(tk.a + tk.c))
							if sp.subs != nil {
								cell(num(tk.a))
								cell(num(tk.c))
							}
							if note {
								cell("Chuyển tiếp")
							}
							want = append(want, fmt.Sprintf("%s=%d", tk.name, int64(tk.a+tk.c)*1e6))
							sumA += tk.a
							sumC += tk.c
						}
					}
					cell("")
					cell("Tổng cộng")
					cell("")
					cell(num(sumA + sumC))
					wantB := []string{fmt.Sprintf("total=%d", int64(sumA+sumC)*1e6)}
					if sp.subs != nil {
						cell(num(sumA))
						cell(num(sumC))
						wantB = append(wantB, fmt.Sprintf("source=%d", int64(sumA)*1e6), fmt.Sprintf("source=%d", int64(sumC)*1e6))
					}
					if note {
						cell("")
					}
					b.WriteString("Nơi nhận:\n")
					doc := docOf(b.String())
					x := &corpus.Extraction{}
					Extract(doc, x)
					budget.Extract(doc, x)
					var got []string
					for _, p := range x.Projects {
						got = append(got, fmt.Sprintf("%s=%d", p.Name, amount(p)))
					}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("projects\n got %q\nwant %q", got, want)
					}
					var gotB []string
					for _, bu := range x.Budgets {
						gotB = append(gotB, fmt.Sprintf("%s=%d", bu.Kind, bu.AmountVND))
					}
					if fmt.Sprint(gotB) != fmt.Sprint(wantB) {
						t.Errorf("budgets\n got %q\nwant %q", gotB, wantB)
					}
					for _, w := range x.Warnings {
						if strings.Contains(w, "sum to") {
							t.Errorf("warning %q", w)
						}
					}
				})
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func num(v int) string {
	if v == 0 {
		return ""
	}
	s := fmt.Sprint(v)
	if len(s) > 3 {
		return s[:len(s)-3] + "." + s[len(s)-3:]
	}
	return s
}
