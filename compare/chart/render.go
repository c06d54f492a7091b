package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"kehoach/compare"
)

// Formats that Write writes.
var Formats = []string{"svg", "png"}

// Options size a chart.
type Options struct {
	// Width and Height in pixels (at 96 dots per inch; an SVG is sized in
	// points, 3/4 of a pixel each). Zero: 960 wide, and as tall as the
	// bars need (at least 360).
	Width, Height int
	// MaxGroups is the most documents the citations chart shows (0: 30).
	MaxGroups int
	// EmbedFonts puts the fonts in an SVG (about 1 MB more), for viewers
	// that have neither Liberation Sans nor Arial.
	EmbedFonts bool
}

const (
	dpi          = 96
	defaultWidth = 960
	minHeight    = 360
	maxWidth     = 4000 // pixels; with maxHeight, keeps a PNG under 100 MB of memory
	maxHeight    = 6000
)

// Write draws table t as a chart in format ("svg" or "png") on w. A
// table with nothing to chart gives an error wrapping ErrNoData.
func Write(w io.Writer, format string, t *compare.Table, o Options) error {
	if format != "svg" && format != "png" {
		return fmt.Errorf("chart: unknown format %q, want %s", format, strings.Join(Formats, "|"))
	}
	s, err := Build(t, o.MaxGroups)
	if err != nil {
		return err
	}
	return Render(w, format, s, o)
}

// Size is the size in pixels a spec is drawn at with o.
func Size(s *Spec, o Options) (width, height int) {
	width, height = o.Width, o.Height
	if width <= 0 {
		width = defaultWidth
	}
	if height <= 0 {
		per := 24 // pixels per group
		if n := len(s.Series); n > 1 {
			per = 14*n + 10
		}
		height = 150 + 18*len(s.Notes) + 20*legendRows(s, width)
		for _, g := range s.Groups {
			lines := strings.Count(twoLines(g.Label, labelRunes), "\n") + 1
			height += max(per, 15*lines+10)
		}
		height = max(height, minHeight)
	}
	return min(width, maxWidth), min(height, maxHeight)
}

// legendRows estimates the rows of the legend at a width: entries of
// about 7 pixels a letter.
func legendRows(s *Spec, width int) int {
	if len(s.Series) == 0 || (len(s.Series) == 1 && s.Series[0] == s.Axis) {
		return 0
	}
	rows, x := 1, 0
	for _, n := range s.Series {
		w := 40 + 7*utf8.RuneCountInString(n)
		if x > 0 && x+w > width-40 {
			rows++
			x = 0
		}
		x += w
	}
	return rows
}

// Render draws a spec in format ("svg" or "png") on w.
func Render(w io.Writer, format string, s *Spec, o Options) error {
	pw, ph := Size(s, o)
	width, height := vg.Length(pw)*vg.Inch/dpi, vg.Length(ph)*vg.Inch/dpi
	var c vg.CanvasWriterTo
	switch format {
	case "svg":
		c = vgsvg.NewWith(vgsvg.UseWH(width, height), vgsvg.EmbedFonts(o.EmbedFonts))
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi))}
	default:
		return fmt.Errorf("chart: unknown format %q, want %s", format, strings.Join(Formats, "|"))
	}
	if err := drawSpec(c, width, height, s); err != nil {
		return err
	}
	if format == "svg" {
		// Name fallbacks for viewers without Liberation Sans: Arial has
		// the same metrics (Liberation Sans was made to match it) and the
		// Vietnamese letters.
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			return fmt.Errorf("chart: %s: %w", format, err)
		}
		_, err := w.Write(bytes.ReplaceAll(b.Bytes(), []byte("font-family:Liberation Sans;"), []byte(svgFamily)))
		return err
	}
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: %s: %w", format, err)
	}
	return nil
}

const svgFamily = "font-family:'Liberation Sans',Arial,sans-serif;"

// Fonts: Liberation Sans, which gonum's plot registers in
// font.DefaultCache and which has the Vietnamese letters.
func sans(size vg.Length, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

func style(size vg.Length, bold bool, c color.Color) text.Style {
	return text.Style{Color: c, Font: sans(size, bold), Handler: plot.DefaultTextHandler}
}

var (
	ink  = color.Gray{0x20}
	grey = color.Gray{0x70}
	// palette: Tableau 10, then generated hues.
	palette = []color.RGBA{
		{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff}, {0xe1, 0x57, 0x59, 0xff}, {0x76, 0xb7, 0xb2, 0xff},
		{0x59, 0xa1, 0x4f, 0xff}, {0xed, 0xc9, 0x48, 0xff}, {0xb0, 0x7a, 0xa1, 0xff}, {0xff, 0x9d, 0xa7, 0xff},
		{0x9c, 0x75, 0x5f, 0xff}, {0xba, 0xb0, 0xac, 0xff},
	}
)

func seriesColor(i int) color.Color {
	if i < len(palette) {
		return palette[i]
	}
	// golden-angle hues, fixed saturation and value
	h := math.Mod(float64(i)*137.508, 360) / 60
	x := 1 - math.Abs(math.Mod(h, 2)-1)
	var r, g, b float64
	switch int(h) {
	case 0:
		r, g = 1, x
	case 1:
		r, g = x, 1
	case 2:
		g, b = 1, x
	case 3:
		g, b = x, 1
	case 4:
		r, b = x, 1
	default:
		r, b = 1, x
	}
	c := func(v float64) uint8 { return uint8(0x40 + v*0x90) }
	return color.RGBA{c(r), c(g), c(b), 0xff}
}

// drawSpec draws the chart on a canvas of the given size: the plot, then
// the legend and the notes under it.
func drawSpec(vc vg.Canvas, width, height vg.Length, s *Spec) (err error) {
	defer func() {
		// gonum's plot panics on some impossible layouts (a canvas too
		// small for its text); report them as errors.
		if r := recover(); r != nil {
			err = fmt.Errorf("chart: drawing %s: %v", s.Table, r)
		}
	}()
	dc := draw.NewCanvas(vc, width, height)
	dc.FillPolygon(color.White, []vg.Point{{X: 0, Y: 0}, {X: width, Y: 0}, {X: width, Y: height}, {X: 0, Y: height}})

	pad := vg.Points(10)
	legend := style(9, false, ink)
	notes := style(8, false, grey)
	inner := width - 2*pad
	lrows := layoutLegend(s.Series, s.Axis, legend, inner)
	var noteLines []string
	for _, n := range s.Notes {
		noteLines = append(noteLines, wrap(n, notes, inner)...)
	}
	bottom := pad + vg.Length(len(noteLines))*notes.Font.Size*1.3
	if len(lrows) > 0 {
		bottom += vg.Length(len(lrows))*legend.Font.Size*1.6 + pad/2
	}

	// Notes, bottom up.
	y := pad
	for i := len(noteLines) - 1; i >= 0; i-- {
		dc.FillText(notes, vg.Point{X: pad, Y: y}, noteLines[i])
		y += notes.Font.Size * 1.3
	}
	// Legend rows, bottom up.
	for i := len(lrows) - 1; i >= 0; i-- {
		x := pad
		for _, e := range lrows[i] {
			sw := legend.Font.Size
			dc.FillPolygon(seriesColor(e.series), rect(x, y, x+sw, y+sw))
			dc.FillText(legend, vg.Point{X: x + sw + 4, Y: y + 1}, e.name)
			x += e.width
		}
		y += legend.Font.Size * 1.6
	}

	p := plot.New()
	p.BackgroundColor = color.Transparent
	// Titles and legends leave a tenth of the width spare: an SVG viewer
	// may set the text in a wider fallback font.
	p.Title.Text = strings.Join(wrap(s.Title, style(13, true, ink), inner*0.8), "\n")
	p.Title.TextStyle.Font = sans(13, true)
	p.Title.TextStyle.Color = ink
	p.Title.Padding = pad
	p.X.Label.Text = s.Axis
	p.X.Label.TextStyle.Font = sans(10, false)
	p.X.Tick.Label.Font = sans(9, false)
	p.X.Tick.Marker = ticks{s.Scale, s.Count}
	p.Y.Tick.Label.Font = sans(9, false)
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Y.Padding = 0
	p.X.Padding = 0

	b := &barPlot{s: s, value: style(8, false, ink), empty: style(8, false, grey)}
	b.empty.Font.Style = xfont.StyleItalic
	var tk []plot.Tick
	n := len(s.Groups)
	for i, g := range s.Groups {
		tk = append(tk, plot.Tick{Value: float64(n - 1 - i), Label: twoLines(g.Label, labelRunes)})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(tk)
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = color.Gray{0xdd}
	p.Add(grid, b)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = b.DataRange()

	p.Draw(draw.Crop(dc, pad, -pad, bottom, -pad/2))
	return nil
}

func rect(x0, y0, x1, y1 vg.Length) []vg.Point {
	return []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
}

type legendEntry struct {
	name   string
	series int
	width  vg.Length
}

// layoutLegend flows the series names into rows of at most width; no
// legend for a single series the axis names already.
func layoutLegend(series []string, axis string, sty text.Style, width vg.Length) [][]legendEntry {
	if len(series) == 0 || (len(series) == 1 && series[0] == axis) {
		return nil
	}
	var rows [][]legendEntry
	var row []legendEntry
	var x vg.Length
	for i, name := range series {
		name = shorten(name, 60)
		w := sty.Font.Size + 4 + sty.Width(name)*1.1 + 16
		if len(row) > 0 && x+w > width {
			rows = append(rows, row)
			row, x = nil, 0
		}
		row = append(row, legendEntry{name, i, w})
		x += w
	}
	return append(rows, row)
}

// wrap breaks s into lines that fit width in sty.
func wrap(s string, sty text.Style, width vg.Length) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		next := w
		if line != "" {
			next = line + " " + w
		}
		if line != "" && sty.Width(next) > width {
			lines = append(lines, line)
			next = w
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// twoLines breaks a label at spaces into at most two lines of about n
// runes, the second cut with an ellipsis.
func twoLines(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	first := ""
	words := strings.Fields(s)
	i := 0
	for ; i < len(words); i++ {
		next := strings.TrimSpace(first + " " + words[i])
		if first != "" && utf8.RuneCountInString(next) > n {
			break
		}
		first = next
	}
	if i == len(words) {
		return shorten(first, n)
	}
	return shorten(first, n) + "\n" + shorten(strings.Join(words[i:], " "), n)
}

// shorten cuts a label to n runes, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-1])) + "…"
}

// ticks labels the value axis the Vietnamese way, in the axis unit.
// Counts get whole-number ticks only.
type ticks struct {
	scale float64
	count bool
}

func (t ticks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	out := ts[:0]
	for _, tk := range ts {
		if t.count && tk.Value != math.Trunc(tk.Value) {
			continue
		}
		if tk.Label != "" {
			tk.Label = Number(tk.Value / t.scale)
		}
		out = append(out, tk)
	}
	return out
}

// labelRunes is about the longest line of a group's label.
const labelRunes = 42

// maxBar is the thickest a bar is drawn.
const maxBar = vg.Length(18)

// barPlot draws the groups of horizontal bars, a value at the end of each
// bar, and why a group has no bar.
type barPlot struct {
	s            *Spec
	value, empty text.Style
}

// DataRange is the figures' range with room for the value labels, and
// one unit per group.
func (b *barPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, g := range b.s.Groups {
		for _, v := range g.Bars {
			if v.OK {
				xmin, xmax = math.Min(xmin, v.Value), math.Max(xmax, v.Value)
			}
		}
	}
	if xmin == 0 && xmax == 0 {
		xmax = b.s.Scale // all zero: a unit of the axis
	}
	span := xmax - xmin
	if xmax > 0 {
		xmax += span * 0.15
	}
	if xmin < 0 {
		xmin -= span * 0.15
	}
	return xmin, xmax, -0.5, float64(len(b.s.Groups)) - 0.5
}

func (b *barPlot) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n, k := len(b.s.Groups), len(b.s.Series)
	if k == 0 {
		return
	}
	band := 0.8
	if unit := trY(1) - trY(0); unit > 0 && vg.Length(band)*unit > vg.Length(k)*maxBar {
		band = float64(vg.Length(k) * maxBar / unit) // thin bars: at most maxBar thick
	}
	h := band / float64(k)
	thick := trY(h) - trY(0)
	zero := trX(0)
	for gi, g := range b.s.Groups {
		yc := float64(n - 1 - gi)
		if g.Empty != "" {
			sty := b.empty
			sty.YAlign = text.YCenter
			c.FillText(sty, vg.Point{X: zero + 4, Y: trY(yc)}, g.Empty)
			continue
		}
		for si, v := range g.Bars {
			if !v.OK {
				continue
			}
			y0 := yc + band/2 - float64(si+1)*h
			x1 := trX(v.Value)
			c.FillPolygon(seriesColor(si), c.ClipPolygonXY(rect(zero, trY(y0), x1, trY(y0+h))))
			if thick < 7 {
				continue // no room for the figure
			}
			label := Number(v.Value / b.s.Scale)
			if v.Several {
				label += " *"
			}
			sty := b.value
			sty.YAlign = text.YCenter
			x := x1 + 3
			if v.Value < 0 {
				sty.XAlign = text.XRight
				x = x1 - 3
			}
			c.FillText(sty, vg.Point{X: x, Y: trY(y0 + h/2)}, label)
		}
	}
}

// Texts returns the character data of every <text> element of an SVG
// chart, in order: what a reader sees written on it.
func Texts(svg []byte) ([]string, error) {
	var out []string
	d := xml.NewDecoder(bytes.NewReader(svg))
	in := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("chart: SVG is not XML: %w", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			in = x.Name.Local == "text"
			if in {
				out = append(out, "")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				out[len(out)-1] += string(x)
			}
		}
	}
}
