package corpus

import "time"

// Fetch records how a source was downloaded (kehoach fetch / crawl): the
// manifest keeps one per fetched URL, next to the ingest outcome.
type Fetch struct {
	URL          string    `json:"url"`                 // as requested
	FinalURL     string    `json:"final_url,omitempty"` // after redirects
	Status       int       `json:"status,omitempty"`    // HTTP status; 0 when no answer
	ContentType  string    `json:"content_type,omitempty"`
	Time         time.Time `json:"time"`
	Bytes        int64     `json:"bytes"`
	DurationMS   int64     `json:"duration_ms,omitempty"`
	Attempts     int       `json:"attempts,omitempty"`
	Error        string    `json:"error,omitempty"`
	ETag         string    `json:"etag,omitempty"`          // for conditional re-fetches
	LastModified string    `json:"last_modified,omitempty"` // for conditional re-fetches
	Site         string    `json:"site,omitempty"`          // the site adapter used
	Page         string    `json:"page,omitempty"`          // for an attachment: the document page linking it
}
