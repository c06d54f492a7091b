package web

import (
	"container/list"
	"sync"
)

// resultCache keeps the results of recent searches, keyed by the query
// and the store's manifest fingerprint, so a changed store never serves
// old results. Identical searches running at the same time wait for one
// run (the index cuts snippets from the stored text, which costs far more
// than rendering). It holds at most max entries.
type resultCache struct {
	mu      sync.Mutex
	max     int
	ll      *list.List // front = most recent
	entries map[string]*list.Element
	running map[string]*call
}

type cacheEntry struct {
	key string
	res *Results
}

type call struct {
	done chan struct{}
	res  *Results
	err  error
}

func newResultCache(max int) *resultCache {
	return &resultCache{max: max, ll: list.New(), entries: map[string]*list.Element{}, running: map[string]*call{}}
}

// get returns the cached result for key or runs fn once for all callers
// asking at the same time. Errors are not cached. The result is shared:
// callers must not modify it.
func (c *resultCache) get(key string, fn func() (*Results, error)) (*Results, error) {
	if c == nil || c.max <= 0 {
		return fn()
	}
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		c.ll.MoveToFront(el)
		res := el.Value.(*cacheEntry).res
		c.mu.Unlock()
		return res, nil
	}
	if cl, ok := c.running[key]; ok {
		c.mu.Unlock()
		<-cl.done
		return cl.res, cl.err
	}
	cl := &call{done: make(chan struct{})}
	c.running[key] = cl
	c.mu.Unlock()

	cl.res, cl.err = fn()

	c.mu.Lock()
	delete(c.running, key)
	if cl.err == nil {
		c.entries[key] = c.ll.PushFront(&cacheEntry{key: key, res: cl.res})
		for c.ll.Len() > c.max {
			old := c.ll.Back()
			c.ll.Remove(old)
			delete(c.entries, old.Value.(*cacheEntry).key)
		}
	}
	c.mu.Unlock()
	close(cl.done)
	return cl.res, cl.err
}

func (c *resultCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// lru is a small bounded map, most recently used kept.
type lru[T any] struct {
	mu      sync.Mutex
	max     int
	ll      *list.List
	entries map[string]*list.Element
}

type lruEntry[T any] struct {
	key string
	val T
}

func newLRU[T any](max int) *lru[T] {
	return &lru[T]{max: max, ll: list.New(), entries: map[string]*list.Element{}}
}

func (c *lru[T]) get(key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.ll.MoveToFront(el)
		return el.Value.(*lruEntry[T]).val, true
	}
	var zero T
	return zero, false
}

func (c *lru[T]) put(key string, val T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		el.Value.(*lruEntry[T]).val = val
		c.ll.MoveToFront(el)
		return
	}
	c.entries[key] = c.ll.PushFront(&lruEntry[T]{key: key, val: val})
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.entries, old.Value.(*lruEntry[T]).key)
	}
}
