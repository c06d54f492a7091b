// Package structure repairs ingested text and recovers its structure:
// line wraps, footnotes, the section tree.
package structure
