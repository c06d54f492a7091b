// Package kehoach holds what the kehoach toolkit embeds: the sample
// corpus of five provincial plans that `kehoach demo` ingests, so the demo
// runs from a fresh clone with no network.
package kehoach

import "embed"

// Samples holds testdata/corpus/*.txt: the five sample plans.
//
//go:embed testdata/corpus/*.txt
var Samples embed.FS
