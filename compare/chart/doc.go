// Package chart draws a comparison table (a *compare.Table) as a bar
// chart, in SVG or PNG, with gonum.org/v1/plot.
//
// Input: one table of package compare. Output: one chart on an
// io.Writer. Build turns the table into a Spec (what is drawn: groups of
// bars, series, the value axis and its unit, the notes under the chart);
// Write draws it.
//
// Which chart: the bars are horizontal, one group per table row (a
// province, a plan, an indicator) and one bar per numeric column (a
// period, a plan, target and achieved), so that long Vietnamese labels
// stay readable. The figures are the cells' Value fields (money as the
// integer đồng the budget records hold, never parsed back from the
// displayed text); only the unit most cells share is drawn and the rest
// is counted in a note. Money is drawn in tỷ or triệu đồng. Numbers are
// written the Vietnamese way (16.368,6). The citations matrix is drawn as
// the number of provinces citing each document, most cited first. The
// indicator table draws each province's target beside the national
// target (the target minus the gap). A row without any figure keeps its
// place and says why (no figure stated, or no plan ingested).
//
// Text: titles, axis labels, legend and notes are Vietnamese, normalized
// to NFC, and set in Liberation Sans (bundled with gonum's plot), which
// has the Vietnamese letters (Latin Extended Additional, Đ/đ, Ơ/ơ,
// Ư/ư). A PNG is rasterized with those glyphs; an SVG names the font
// (font-family: Liberation Sans) and keeps the labels as text.
//
// Output is deterministic: the same table gives the same bytes.
//
// kehoach export --format svg|png writes these charts, one per table.
package chart
