package chart_test

import (
	"fmt"

	"kehoach/compare"
	"kehoach/compare/chart"
)

func ExampleBuild() {
	v := func(x float64) *float64 { return &x }
	t := &compare.Table{Name: "budgets", Columns: []string{"2021", "2022"}, Rows: []compare.Row{
		{Label: "Đắk Lắk", Cells: []compare.Cell{
			{Text: "16.368,6 triệu đồng", Value: v(16_368_600_000), Unit: "đồng", Status: compare.StatusOK},
			{Text: "· no plan", Status: compare.StatusNoPlan}}},
		{Label: "Thừa Thiên Huế", Cells: []compare.Cell{
			{Text: "— no figure", Status: compare.StatusNoFigure},
			{Text: "83.589 triệu đồng", Value: v(83_589_000_000), Unit: "đồng", Status: compare.StatusOK}}},
	}}
	s, err := chart.Build(t, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Title)
	fmt.Println(s.Axis, s.Series)
	for _, g := range s.Groups {
		fmt.Print(g.Label, ":")
		for i, b := range g.Bars {
			if b.OK {
				fmt.Printf(" %s %s", s.Series[i], chart.Number(b.Value/s.Scale))
			}
		}
		fmt.Println()
	}
	// Output:
	// Tổng kinh phí nêu trong kế hoạch, theo tỉnh và năm
	// Kinh phí (tỷ đồng) [2021 2022]
	// Đắk Lắk: 2021 16,37
	// Thừa Thiên Huế: 2022 83,59
}
