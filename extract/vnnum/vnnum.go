// Package vnnum parses Vietnamese numbers, money and dates.
//
// Vietnamese format: "." groups thousands, "," is the decimal mark
// (16.368,6 is sixteen thousand three hundred sixty-eight point six).
// Money is an int64 count of đồng, never a float.
package vnnum

import (
	"kehoach/internal/lazyre"
	"math"
	"strconv"
	"strings"
)

// ParseNumber parses a number written the Vietnamese way. It accepts
// "30", "16.368,6", "33.228.453.443", "90,08", "0,5" and, where the text
// uses them, spaces as group separators ("16 368"). A lone "." followed by
// exactly three digits groups thousands (1.000 is one thousand); a lone
// "." followed by other than three digits is read as a decimal point
// (0.8002, as some tables write). When both marks occur, the last one is
// the decimal mark. It reports false for anything else.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\u00a0", "")
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, false
	}
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',') {
			return 0, false
		}
	}
	if s == "" || s[0] < '0' || s[0] > '9' || !isDigit(s[len(s)-1]) {
		return 0, false
	}
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	var intPart, frac string
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec := lastComma
		grp := byte('.')
		if lastDot > lastComma {
			dec, grp = lastDot, ','
		}
		intPart, frac = s[:dec], s[dec+1:]
		if strings.ContainsAny(frac, ".,") || !grouped(intPart, grp) {
			return 0, false
		}
		intPart = strings.ReplaceAll(intPart, string(grp), "")
	case lastComma >= 0:
		if strings.Count(s, ",") > 1 {
			// 1,234,567: US grouping
			if !grouped(s, ',') {
				return 0, false
			}
			intPart = strings.ReplaceAll(s, ",", "")
		} else {
			intPart, frac = s[:lastComma], s[lastComma+1:]
		}
	case lastDot >= 0:
		if strings.Count(s, ".") > 1 || len(s)-lastDot-1 == 3 {
			if !grouped(s, '.') {
				return 0, false
			}
			intPart = strings.ReplaceAll(s, ".", "")
		} else {
			intPart, frac = s[:lastDot], s[lastDot+1:]
		}
	default:
		intPart = s
	}
	v, err := strconv.ParseFloat(intPart+"."+frac+"0", 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// grouped reports whether s is digits in groups of three separated by sep,
// the first group 1-3 digits.
func grouped(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	for i, p := range parts {
		if p == "" || len(p) > 3 || (i > 0 && len(p) != 3) {
			return false
		}
	}
	return true
}

// Scales of money units in đồng.
var unitScale = map[string]int64{
	"đồng": 1, "đ": 1, "vnđ": 1, "vnd": 1, "₫": 1,
	"nghìn": 1e3, "ngàn": 1e3,
	"triệu": 1e6, "tr": 1e6, "tr.": 1e6, "trđ": 1e6, "tr.đ": 1e6, "tr.đồng": 1e6,
	"tỷ": 1e9, "tỉ": 1e9,
	"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12,
}

var reUnitMultiplier = lazyre.New(`^(\d{1,3}(?:\.\d{3})+|1000)\s*(\D.*)$`)

// UnitScale returns the multiplier to đồng for a unit such as "triệu đồng",
// "tỷ đồng", "đồng", "nghìn đồng", "Triệu đồng" (case-insensitive); false
// when the unit is not money.
//
// A unit with a multiplier, as some tables state it ("1.000 đồng",
// "1.000.000 đồng"), scales by the multiplier.
func UnitScale(unit string) (int64, bool) {
	u := strings.ToLower(strings.Join(strings.Fields(unit), " "))
	u = strings.TrimSuffix(u, ".")
	if m := reUnitMultiplier.FindStringSubmatch(u); m != nil {
		v, ok := ParseNumber(m[1])
		s, ok2 := UnitScale(m[2])
		if !ok || !ok2 || v < 1 || v > 1e9 || v != math.Trunc(v) {
			return 0, false
		}
		return int64(v) * s, true
	}
	if s, ok := unitScale[u]; ok {
		return s, true
	}
	for _, suffix := range []string{" đồng", " vnđ", " vnd", " đ"} {
		if strings.HasSuffix(u, suffix) {
			if s, ok := unitScale[strings.TrimSuffix(u, suffix)]; ok {
				return s, true
			}
		}
	}
	return 0, false
}

// ToVND multiplies a parsed number by a unit scale and rounds to whole
// đồng. It reports false on overflow.
func ToVND(v float64, scale int64) (int64, bool) {
	x := math.Round(v * float64(scale))
	if math.IsNaN(x) || x > math.MaxInt64/2 || x < -math.MaxInt64/2 {
		return 0, false
	}
	return int64(x), true
}

var (
	dateNumeric = lazyre.New(`^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$`)
	dateWords   = lazyre.New(`(?i)^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$`)
)

// ParseDate parses "10/4/2007", "10-4-2007", "31 /12/2021",
// "27 tháng 9 năm 2019" (with or without a leading "ngày") into an ISO
// date "2007-04-10". It reports false for anything else, including
// impossible days and months.
func ParseDate(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "ngày "), "Ngày ")
	m := dateNumeric.FindStringSubmatch(s)
	if m == nil {
		m = dateWords.FindStringSubmatch(s)
	}
	if m == nil {
		return "", false
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if d < 1 || d > 31 || mo < 1 || mo > 12 || y < 1900 || y > 2100 {
		return "", false
	}
	return strconv.Itoa(y) + "-" + pad2(mo) + "-" + pad2(d), true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
