package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors; test them with errors.Is.
var (
	ErrScheme           = errors.New("fetch: not an http or https URL")
	ErrDisallowed       = errors.New("fetch: disallowed by robots.txt")
	ErrTooLarge         = errors.New("fetch: body exceeds the size cap")
	ErrTooManyRedirects = errors.New("fetch: too many redirects")
	ErrRetryAfter       = errors.New("fetch: server asked to wait longer than allowed")
)

// StatusError is a final answer outside 2xx (and 304).
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch: %s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// DefaultUserAgent names the tool, as polite crawlers do.
const DefaultUserAgent = "kehoach/1.0 (plan fetcher; +https://github.com/kehoach/kehoach)"

// Defaults used for zero fields of Options.
const (
	DefaultRate          = 1.0 // requests per second per host
	DefaultConcurrency   = 4
	DefaultTimeout       = 30 * time.Second
	DefaultRetries       = 3
	DefaultBackoffBase   = 500 * time.Millisecond
	DefaultBackoffMax    = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
	DefaultMaxBody       = 32 << 20
	DefaultMaxRedirects  = 10
)

// Options configure a Client. Zero fields take the defaults above; a
// negative Rate means no interval, negative Retries means no retry.
type Options struct {
	UserAgent     string
	Rate          float64       // requests per second per host
	Concurrency   int           // requests in flight at once, all hosts together
	Timeout       time.Duration // one attempt, body included
	Retries       int           // further attempts after a 429, 5xx, timeout or network error
	BackoffBase   time.Duration // first backoff; doubles each retry, with jitter
	BackoffMax    time.Duration
	MaxRetryAfter time.Duration // a longer Retry-After fails the request instead of waiting
	MaxBody       int64         // bytes; a larger body fails with ErrTooLarge
	MaxRedirects  int
	IgnoreRobots  bool
	// Log receives one entry per HTTP attempt, robots.txt included.
	Log func(LogEntry)
	// Transport replaces http.DefaultTransport (tests).
	Transport http.RoundTripper
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Rate == 0 {
		o.Rate = DefaultRate
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.BackoffBase <= 0 {
		o.BackoffBase = DefaultBackoffBase
	}
	if o.BackoffMax <= 0 {
		o.BackoffMax = DefaultBackoffMax
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	return o
}

// LogEntry is one HTTP attempt.
type LogEntry struct {
	Time        time.Time `json:"time"`
	URL         string    `json:"url"`
	FinalURL    string    `json:"final_url,omitempty"`
	Status      int       `json:"status,omitempty"`
	ContentType string    `json:"content_type,omitempty"`
	Bytes       int64     `json:"bytes"`
	DurationMS  int64     `json:"duration_ms"`
	Attempt     int       `json:"attempt"`
	Error       string    `json:"error,omitempty"`
}

// Validators are the cache validators of an earlier fetch, sent back for a
// conditional GET.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a fetched resource.
type Response struct {
	URL         string // as requested
	FinalURL    string // after redirects
	Status      int
	Header      http.Header
	ContentType string // media type, lower case, without parameters
	Body        []byte // as received (not decoded)
	NotModified bool   // 304 to a conditional GET; Body is empty
	ETag        string
	LastMod     string
	Time        time.Time // when the final attempt started
	Duration    time.Duration
	Attempts    int
}

// Text decodes the body to UTF-8 by its declared charset (HTTP header,
// BOM or <meta>); see Decode.
func (r *Response) Text() (string, string) { return Decode(r.Body, r.Header.Get("Content-Type")) }

// Client is a polite HTTP client; safe for concurrent use.
type Client struct {
	opt    Options
	http   *http.Client
	limit  *limiter
	sem    chan struct{}
	robots *robotsCache
}

// NewClient returns a client with opt (zero fields defaulted).
func NewClient(opt Options) *Client {
	opt = opt.withDefaults()
	c := &Client{opt: opt, sem: make(chan struct{}, opt.Concurrency)}
	interval := time.Duration(0)
	if opt.Rate > 0 {
		interval = time.Duration(float64(time.Second) / opt.Rate)
	}
	c.limit = newLimiter(interval)
	tr := opt.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	c.robots = newRobotsCache(c)
	return c
}

// Options returns the effective options.
func (c *Client) Options() Options { return c.opt }

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opt.MaxRedirects {
		return fmt.Errorf("%w (%d) at %s", ErrTooManyRedirects, c.opt.MaxRedirects, req.URL)
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	if !c.opt.IgnoreRobots && !isRobots(req.URL) {
		if ok, err := c.robots.allowed(req.Context(), req.URL); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("%w: %s", ErrDisallowed, req.URL)
		}
	}
	return c.limit.wait(req.Context(), hostKey(req.URL))
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: %q", ErrScheme, u.String())
	}
	if u.Host == "" {
		return fmt.Errorf("%w: no host in %q", ErrScheme, u.String())
	}
	return nil
}

func hostKey(u *url.URL) string { return strings.ToLower(u.Host) }

func isRobots(u *url.URL) bool { return u.Path == "/robots.txt" }

// Get fetches rawurl: robots.txt permitting, at the host's pace, retrying
// transient failures. A non-2xx final status is a *StatusError (with the
// Response also returned); 304 to a conditional GET is a Response with
// NotModified set.
func (c *Client) Get(ctx context.Context, rawurl string, v *Validators) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(rawurl))
	if err != nil {
		err = fmt.Errorf("fetch: bad URL %q: %w", rawurl, err)
		c.logf(LogEntry{Time: time.Now().UTC(), URL: rawurl, Error: err.Error()})
		return nil, err
	}
	if err := checkScheme(u); err != nil {
		c.logf(LogEntry{Time: time.Now().UTC(), URL: rawurl, Error: err.Error()})
		return nil, err
	}
	if !c.opt.IgnoreRobots && !isRobots(u) {
		ok, err := c.robots.allowed(ctx, u)
		if err == nil && !ok {
			err = fmt.Errorf("%w: %s", ErrDisallowed, u)
		}
		if err != nil {
			c.logf(LogEntry{Time: time.Now().UTC(), URL: u.String(), Error: err.Error()})
			return nil, err
		}
	}
	return c.get(ctx, u, v, true)
}

func (c *Client) get(ctx context.Context, u *url.URL, v *Validators, useSem bool) (*Response, error) {
	for attempt := 1; ; attempt++ {
		resp, err := c.once(ctx, u, v, attempt, useSem)
		if err == nil && resp.Status/100 != 2 && resp.Status != http.StatusNotModified {
			err = &StatusError{URL: u.String(), Status: resp.Status}
		}
		if err == nil {
			return resp, nil
		}
		wait, retry := c.retryable(ctx, resp, err, attempt)
		if !retry {
			return resp, err
		}
		if wait > c.opt.MaxRetryAfter {
			return resp, fmt.Errorf("%w (%v): %v", ErrRetryAfter, wait, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return resp, ctx.Err()
		case <-t.C:
		}
	}
}

// retryable decides whether attempt may be followed by another, and after
// how long.
func (c *Client) retryable(ctx context.Context, resp *Response, err error, attempt int) (time.Duration, bool) {
	if ctx.Err() != nil || attempt > c.opt.Retries {
		return 0, false
	}
	var se *StatusError
	switch {
	case errors.As(err, &se):
		switch se.Status {
		case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		default:
			return 0, false
		}
		if resp != nil {
			if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				return d, true
			}
		}
		return c.backoff(attempt), true
	case errors.Is(err, ErrTooLarge), errors.Is(err, ErrScheme), errors.Is(err, ErrTooManyRedirects),
		errors.Is(err, ErrDisallowed), errors.Is(err, context.Canceled):
		return 0, false
	}
	// Timeouts and network errors (refused, reset, EOF) are transient.
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return c.backoff(attempt), true
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return c.backoff(attempt), true
	}
	return 0, false
}

// backoff is BackoffBase·2^(attempt-1), capped at BackoffMax, with "equal
// jitter": half fixed, half random.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.opt.BackoffBase
	for i := 1; i < attempt && d < c.opt.BackoffMax; i++ {
		d *= 2
	}
	if d > c.opt.BackoffMax {
		d = c.opt.BackoffMax
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// retryAfter parses a Retry-After header: delay-seconds or an HTTP date.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(h); err == nil {
		if n < 0 {
			n = 0
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// once makes one attempt: waits for the host's turn and a concurrency
// slot, then sends the request and reads the body under the size cap,
// all within Timeout.
func (c *Client) once(ctx context.Context, u *url.URL, v *Validators, attempt int, useSem bool) (resp *Response, err error) {
	if err := c.limit.wait(ctx, hostKey(u)); err != nil {
		return nil, err
	}
	if useSem {
		select {
		case c.sem <- struct{}{}:
			defer func() { <-c.sem }()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	start := time.Now()
	entry := LogEntry{Time: start.UTC(), URL: u.String(), Attempt: attempt}
	defer func() {
		entry.DurationMS = time.Since(start).Milliseconds()
		if resp != nil {
			entry.FinalURL, entry.Status, entry.ContentType, entry.Bytes = resp.FinalURL, resp.Status, resp.ContentType, int64(len(resp.Body))
		}
		if err != nil {
			entry.Error = err.Error()
		}
		c.logf(entry)
	}()
	actx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,application/json;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "vi,en;q=0.5")
	if v != nil {
		if v.ETag != "" {
			req.Header.Set("If-None-Match", v.ETag)
		}
		if v.LastModified != "" {
			req.Header.Set("If-Modified-Since", v.LastModified)
		}
	}
	hr, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	defer hr.Body.Close()
	resp = &Response{
		URL:      u.String(),
		FinalURL: hr.Request.URL.String(),
		Status:   hr.StatusCode,
		Header:   hr.Header,
		ETag:     hr.Header.Get("ETag"),
		LastMod:  hr.Header.Get("Last-Modified"),
		Time:     start.UTC(),
		Attempts: attempt,
	}
	if mt, _, perr := mime.ParseMediaType(hr.Header.Get("Content-Type")); perr == nil {
		resp.ContentType = strings.ToLower(mt)
	}
	if hr.StatusCode == http.StatusNotModified {
		resp.NotModified = true
		resp.Duration = time.Since(start)
		return resp, nil
	}
	if hr.ContentLength > c.opt.MaxBody {
		return resp, fmt.Errorf("%w: %s declares %d bytes, cap %d", ErrTooLarge, u, hr.ContentLength, c.opt.MaxBody)
	}
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(hr.Body, c.opt.MaxBody+1))
	if err != nil {
		if ctx.Err() != nil {
			return resp, ctx.Err()
		}
		return resp, fmt.Errorf("fetch: %s: reading body: %w", u, err)
	}
	if n > c.opt.MaxBody {
		return resp, fmt.Errorf("%w: %s is over %d bytes", ErrTooLarge, u, c.opt.MaxBody)
	}
	resp.Body = buf.Bytes()
	resp.Duration = time.Since(start)
	return resp, nil
}

func (c *Client) logf(e LogEntry) {
	if c.opt.Log != nil {
		c.opt.Log(e)
	}
}
