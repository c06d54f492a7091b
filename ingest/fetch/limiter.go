package fetch

import (
	"context"
	"sync"
	"time"
)

// limiter spaces requests to each host at least interval apart. Callers
// reserve the host's next slot and sleep until it, so concurrent callers
// for one host queue up at the host's pace while other hosts proceed.
type limiter struct {
	interval time.Duration
	now      func() time.Time // time.Now; tests set a fake clock

	mu    sync.Mutex
	next  map[string]time.Time
	extra map[string]time.Duration // per-host interval raised by robots.txt Crawl-delay
}

func newLimiter(interval time.Duration) *limiter {
	return &limiter{interval: interval, now: time.Now, next: map[string]time.Time{}, extra: map[string]time.Duration{}}
}

// setInterval raises the interval for one host (never lowers it).
func (l *limiter) setInterval(host string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d > l.interval && d > l.extra[host] {
		l.extra[host] = d
	}
}

// reserve takes the host's next free slot and returns when it starts:
// now, or one interval after the slot reserved before it.
func (l *limiter) reserve(host string) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	iv := l.interval
	if d := l.extra[host]; d > iv {
		iv = d
	}
	now := l.now()
	if iv <= 0 {
		return now
	}
	t := l.next[host]
	if t.Before(now) {
		t = now
	}
	l.next[host] = t.Add(iv)
	return t
}

// wait sleeps until the host's next slot (or ctx ends).
func (l *limiter) wait(ctx context.Context, host string) error {
	d := l.reserve(host).Sub(l.now())
	if d <= 0 {
		return ctx.Err()
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}
