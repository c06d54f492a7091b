package fetch

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309): groups of Allow/Disallow
// rules by user agent, plus the non-standard Crawl-delay.
type Robots struct {
	groups []robotsGroup
}

type robotsGroup struct {
	agents []string // lower case
	rules  []robotsRule
	delay  time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots parses a robots.txt body. It never fails: lines it does not
// understand are ignored, as the RFC asks.
func ParseRobots(body []byte) *Robots {
	r := &Robots{}
	var cur *robotsGroup
	inAgents := false
	sc := bufio.NewScanner(strings.NewReader(string(body)))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if cur == nil || !inAgents {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, strings.ToLower(v))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || v == "" {
				continue // an empty Disallow allows everything
			}
			cur.rules = append(cur.rules, robotsRule{allow: k == "allow", pattern: v})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 {
				cur.delay = time.Duration(f * float64(time.Second))
			}
		}
	}
	return r
}

// group returns the rules for the agent token (e.g. "kehoach"): the
// groups naming it, else the "*" groups, merged.
func (r *Robots) group(agent string) robotsGroup {
	agent = strings.ToLower(agent)
	var named, star robotsGroup
	for _, g := range r.groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star.rules = append(star.rules, g.rules...)
				star.delay = max(star.delay, g.delay)
				star.agents = append(star.agents, a)
			case a != "" && (strings.HasPrefix(agent, a) || strings.HasPrefix(a, agent)):
				named.rules = append(named.rules, g.rules...)
				named.delay = max(named.delay, g.delay)
				named.agents = append(named.agents, a)
			default:
				continue
			}
			break
		}
	}
	if len(named.agents) > 0 {
		return named
	}
	return star
}

// Allowed reports whether agent may fetch the path (with query) of u: the
// longest matching rule decides, Allow winning ties.
func (r *Robots) Allowed(agent string, u *url.URL) bool {
	target := u.EscapedPath()
	if target == "" {
		target = "/"
	}
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rule := range r.group(agent).rules {
		if !robotsMatch(rule.pattern, target) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// CrawlDelay is the Crawl-delay for agent, 0 when none.
func (r *Robots) CrawlDelay(agent string) time.Duration { return r.group(agent).delay }

// robotsMatch matches a robots pattern ('*' any run, trailing '$' end)
// against a path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return !anchored || pos == len(path)
}

// agentToken is the product token of a User-Agent ("kehoach/1.0 (...)" ->
// "kehoach").
func agentToken(ua string) string {
	ua = strings.TrimSpace(ua)
	if i := strings.IndexAny(ua, "/ "); i > 0 {
		ua = ua[:i]
	}
	return strings.ToLower(ua)
}

type robotsCache struct {
	c     *Client
	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	done  chan struct{}
	rules *Robots
	err   error
}

func newRobotsCache(c *Client) *robotsCache {
	return &robotsCache{c: c, hosts: map[string]*robotsEntry{}}
}

// errRobotsUnreachable: robots.txt answered 5xx or not at all, so the
// RFC's "complete disallow" applies to the host.
var errRobotsUnreachable = errors.New("fetch: robots.txt unreachable; host treated as disallowed")

func (rc *robotsCache) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + hostKey(u)
	for {
		rc.mu.Lock()
		e, ok := rc.hosts[key]
		if !ok {
			e = &robotsEntry{done: make(chan struct{})}
			rc.hosts[key] = e
			rc.mu.Unlock()
			e.rules, e.err = rc.load(ctx, u)
			if e.err != nil && ctx.Err() != nil {
				// Not an answer about the host: let the next caller try.
				rc.mu.Lock()
				delete(rc.hosts, key)
				rc.mu.Unlock()
				close(e.done)
				return false, ctx.Err()
			}
			close(e.done)
		} else {
			rc.mu.Unlock()
			select {
			case <-e.done:
			case <-ctx.Done():
				return false, ctx.Err()
			}
			rc.mu.Lock()
			_, still := rc.hosts[key]
			rc.mu.Unlock()
			if !still {
				continue // the loader was cancelled; try ourselves
			}
		}
		if e.err != nil {
			return false, e.err
		}
		return e.rules.Allowed(agentToken(rc.c.opt.UserAgent), u), nil
	}
}

func (rc *robotsCache) load(ctx context.Context, u *url.URL) (*Robots, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := rc.c.get(ctx, ru, nil, false)
	if err != nil {
		var se *StatusError
		if errors.As(err, &se) && se.Status >= 400 && se.Status < 500 {
			return &Robots{}, nil // no robots.txt: everything allowed
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, errRobotsUnreachable
	}
	if resp.Status != http.StatusOK {
		return &Robots{}, nil
	}
	r := ParseRobots(resp.Body)
	if d := r.CrawlDelay(agentToken(rc.c.opt.UserAgent)); d > 0 {
		rc.c.limit.setInterval(hostKey(u), d)
	}
	return r, nil
}
