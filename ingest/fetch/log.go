package fetch

import (
	"encoding/json"
	"os"
	"sync"
)

// FileLog appends LogEntry values to a JSON Lines file (one object per
// line); a crash can at worst cut the last line short.
type FileLog struct {
	mu sync.Mutex
	f  *os.File
}

// OpenLog opens (creating) the log at path for appending.
func OpenLog(path string) (*FileLog, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &FileLog{f: f}, nil
}

// Write appends one entry; errors are dropped (the log is advisory).
func (l *FileLog) Write(e LogEntry) {
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.f.Write(append(b, '\n'))
}

// Close closes the file.
func (l *FileLog) Close() error { return l.f.Close() }
