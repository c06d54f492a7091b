// Package province is the registry of Vietnamese provinces: the 63
// provinces and centrally-run cities before 1 July 2025, the 34 units
// after the 2025 reorganisation (Nghị quyết 202/2025/QH15), the mapping
// between them, a stable code for each (the GSO two-digit code; a 2025
// unit keeps the code of the old unit hosting its centre, per Quyết định
// 19/2025/QĐ-TTg) and spelling variants with and without diacritics.
//
// Lookup accepts names as written in plans: any Unicode form, old or new
// tone placement (Hoà/Hòa), with or without diacritics, with the
// prefixes tỉnh, thành phố, TP., UBND tỉnh ... The data is embedded
// (provinces.tsv).
package province

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"kehoach/corpus/province/vifold"
)

// Province is one of the 63 pre-2025 provinces and the 2025 unit it
// belongs to.
type Province struct {
	Code     string   `json:"code"`     // GSO code, "62"
	Name     string   `json:"name"`     // canonical 63-era name, "Kon Tum"
	City     bool     `json:"city"`     // centrally-run city before 2025
	Now      string   `json:"now"`      // the 2025 unit, "Quảng Ngãi"
	NowCode  string   `json:"now_code"` // "51"
	NowCity  bool     `json:"now_city"` // the 2025 unit is a city
	Variants []string `json:"variants,omitempty"`
}

// Slug is the diacritic-free key of the name, "khanh_hoa".
func (p Province) Slug() string { return slug(p.Name) }

// Unit is one of the 34 provinces and cities from 1 July 2025.
type Unit struct {
	Code   string   `json:"code"`
	Name   string   `json:"name"`
	City   bool     `json:"city"`
	Merged []string `json:"merged"` // codes of the pre-2025 provinces it covers
}

// Slug is the diacritic-free key of the name.
func (u Unit) Slug() string { return slug(u.Name) }

//go:embed provinces.tsv
var data string

// registry is provinces.tsv read into lookup tables.
type registry struct {
	all     []Province
	units   []Unit
	byCode  map[string]int
	byNow   map[string]int // now code -> index in units
	exact   map[string]int // tone-normalised lower-case key -> index in all
	folded  map[string]int // diacritic-free key
	compact map[string]int // diacritic-free key without spaces
}

// reg reads the registry on first use, not at program start.
var reg = sync.OnceValue(load)

func load() *registry {
	r := &registry{byCode: map[string]int{}, byNow: map[string]int{}, exact: map[string]int{}, folded: map[string]int{}, compact: map[string]int{}}
	all, units, byCode, byNow := r.all, r.units, r.byCode, r.byNow
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			panic(fmt.Sprintf("province: provinces.tsv:%d: %d fields, want 7", n+1, len(f)))
		}
		p := Province{Code: f[0], Name: f[1], City: f[2] == "1", Now: f[4], NowCode: f[3], NowCity: f[5] == "1"}
		if f[6] != "" {
			p.Variants = strings.Split(f[6], "|")
		}
		byCode[p.Code] = len(all)
		all = append(all, p)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	for i, p := range all {
		byCode[p.Code] = i
		u, ok := byNow[p.NowCode]
		if !ok {
			u = len(units)
			byNow[p.NowCode] = u
			units = append(units, Unit{Code: p.NowCode, Name: p.Now, City: p.NowCity})
		}
		units[u].Merged = append(units[u].Merged, p.Code)
	}
	sort.Slice(units, func(i, j int) bool { return units[i].Code < units[j].Code })
	for i, u := range units {
		byNow[u.Code] = i
	}
	r.all, r.units = all, units
	// Names first so that a variant never shadows a canonical name.
	for i, p := range all {
		r.addKey(p.Name, i)
	}
	for i, p := range all {
		for _, v := range p.Variants {
			r.addKey(v, i)
		}
	}
	return r
}

// ambiguous marks a key shared by two provinces; such keys never match.
const ambiguous = -1

func (r *registry) addKey(name string, i int) {
	put := func(m map[string]int, k string) {
		if k == "" {
			return
		}
		if j, ok := m[k]; ok && j != i {
			m[k] = ambiguous
			return
		}
		m[k] = i
	}
	k := key(name)
	put(r.exact, k)
	f := vifold.Fold(k)
	put(r.folded, f)
	put(r.compact, strings.ReplaceAll(f, " ", ""))
}

// key is NFC, tone-normalised, lower case, with runs of anything but
// letters and digits collapsed to one space.
func key(s string) string {
	s = vifold.Key(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

func slug(name string) string {
	return strings.ReplaceAll(vifold.Fold(key(name)), " ", "_")
}

// prefixes are stripped (in diacritic-free form, longest first) before
// matching: "UBND tỉnh Cao Bằng", "Thành phố Huế", "TP. Hồ Chí Minh".
var prefixes = []string{
	"uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd", "ub",
	"thanh pho", "tinh", "tp",
}

var suffixes = []string{"province", "city"}

// strip removes leading administrative words from a diacritic-free key.
func strip(f string) string {
	for changed := true; changed; {
		changed = false
		for _, p := range prefixes {
			if strings.HasPrefix(f, p+" ") {
				f = f[len(p)+1:]
				changed = true
			}
		}
	}
	for _, s := range suffixes {
		f = strings.TrimSuffix(f, " "+s)
	}
	return f
}

// Lookup resolves a province name as written to its pre-2025 province:
// "Kon Tum", "tỉnh Kon Tum", "KON TUM", "Kontum", "kon tum", "Khánh Hoà",
// "khanh hoa", "TP.HCM", "UBND tỉnh Vĩnh Phúc". A 2025-only name ("Huế")
// resolves to the pre-2025 province of the same name. ok is false when
// nothing (or more than one province) matches.
func Lookup(name string) (p Province, ok bool) {
	k := key(name)
	if k == "" {
		return Province{}, false
	}
	r := reg()
	if i, ok := r.exact[k]; ok && i != ambiguous {
		return r.all[i], true
	}
	f := vifold.Fold(k)
	for _, c := range []string{f, strip(f)} {
		if i, ok := r.folded[c]; ok {
			if i == ambiguous {
				return Province{}, false
			}
			return r.all[i], true
		}
		if i, ok := r.compact[strings.ReplaceAll(c, " ", "")]; ok && i != ambiguous {
			return r.all[i], true
		}
	}
	return Province{}, false
}

// LookupNow resolves a name (old or new) to its 2025 unit.
func LookupNow(name string) (u Unit, ok bool) {
	p, ok := Lookup(name)
	if !ok {
		return Unit{}, false
	}
	r := reg()
	return r.units[r.byNow[p.NowCode]], true
}

// ByCode returns the pre-2025 province with the GSO code ("62").
func ByCode(code string) (p Province, ok bool) {
	r := reg()
	i, ok := r.byCode[code]
	if !ok {
		return Province{}, false
	}
	return r.all[i], true
}

// UnitByCode returns the 2025 unit with the code ("51").
func UnitByCode(code string) (u Unit, ok bool) {
	r := reg()
	i, ok := r.byNow[code]
	if !ok {
		return Unit{}, false
	}
	return r.units[i], true
}

// All returns the 63 pre-2025 provinces ordered by code. The slice is a
// copy.
func All() []Province {
	out := make([]Province, len(reg().all))
	copy(out, reg().all)
	return out
}

// New returns the 34 units from 1 July 2025 ordered by code. The slice
// is a copy.
func New() []Unit {
	out := make([]Unit, len(reg().units))
	for i, u := range reg().units {
		u.Merged = append([]string(nil), u.Merged...)
		out[i] = u
	}
	return out
}
