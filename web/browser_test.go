package web

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "rewrite the screenshots under testdata/screenshots")

// chromium finds a Chromium or Chrome binary; "" when there is none.
func chromium() string {
	if p := os.Getenv("KEHOACH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserContext starts headless Chromium for one test.
func browserContext(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	bin := chromium()
	if bin == "" {
		t.Skip("browser tests skipped: no Chromium found (install the Debian package chromium, or set KEHOACH_CHROMIUM)")
	}
	// Chromium may still write its profile while it exits: remove it
	// ourselves, ignoring errors, rather than through t.TempDir.
	profile, err := os.MkdirTemp("", "kehoach-chromium")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA(); os.RemoveAll(profile) })
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("Chromium at %s does not start: %v", bin, err)
	}
	return ctx
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var b []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&b)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if !*update {
		return
	}
	dir := filepath.Join("testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// browserServer is the application over the sample store on loopback.
func browserServer(t *testing.T) (*httptest.Server, Store) {
	var st0 Store
	s, st := newTestServer(t, func(o *Options) {
		st0 = o.Store
		if ix := sampleSearcher(t, o.Store); ix != nil {
			o.Search = ix
		}
		if cmp := sampleComparer(t, o.Store); cmp != nil {
			o.Compare = cmp
		}
		o.AllowIngest = true
		// Uploads land on an existing sample: the test store stays as is.
		o.Ingest = func(source, format string, raw []byte) (string, error) {
			if source != "upload/ke-hoach.txt" || format != "txt" || string(raw) != "Kế hoạch thử" {
				return "", fmt.Errorf("unexpected upload %s %s %q", source, format, raw)
			}
			return docIDOf(t, st0, "001_"), nil
		}
	})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, st
}

// TestBrowser drives the application in headless Chromium the way an
// analyst would: search without diacritics, open a document and see a
// highlighted target, open a comparison and download the CSV.
func TestBrowser(t *testing.T) {
	ctx := browserContext(t)
	ts, st := browserServer(t)

	t.Run("search without diacritics", func(t *testing.T) {
		var count, firstTitle string
		var marks int
		err := chromedp.Run(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(`input[name="q"]`, chromedp.ByQuery),
			chromedp.SendKeys(`input[name="q"]`, "dich vu cong truc tuyen", chromedp.ByQuery),
			chromedp.Submit(`input[name="q"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`li.hit`, chromedp.ByQuery),
			chromedp.Text(`p.count`, &count, chromedp.ByQuery),
			chromedp.Text(`li.hit a.hit-title`, &firstTitle, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll("p.snippet mark").length`, &marks),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(count, "kết quả") || strings.HasPrefix(strings.TrimSpace(count), "0 ") {
			t.Errorf("result count %q", count)
		}
		if marks == 0 {
			t.Errorf("no highlighted snippet for a query without diacritics")
		}
		t.Logf("first hit %q, %s", firstTitle, count)
		shot(t, ctx, "search")
	})

	t.Run("document with a highlighted target", func(t *testing.T) {
		id := docIDOf(t, st, "002_")
		var bg string
		var visible bool
		var targetText string
		err := chromedp.Run(ctx,
			chromedp.Navigate(ts.URL+"/doc/"+id),
			chromedp.WaitVisible(`mark.k-target`, chromedp.ByQuery),
			chromedp.Click(`.g-target li a`, chromedp.ByQuery),
			chromedp.Sleep(300*time.Millisecond), // the scroll to the anchor
			chromedp.Evaluate(`(function(){
				var a = document.querySelector(location.hash);
				var m = a && a.nextElementSibling;
				return m ? getComputedStyle(m).backgroundColor : "";
			})()`, &bg),
			chromedp.Evaluate(`(function(){
				var m = document.querySelector(location.hash).nextElementSibling;
				var r = m.getBoundingClientRect();
				return r.top >= 0 && r.bottom <= window.innerHeight;
			})()`, &visible),
			chromedp.Evaluate(`document.querySelector(location.hash).nextElementSibling.textContent`, &targetText),
		)
		if err != nil {
			t.Fatal(err)
		}
		if bg == "" || bg == "rgba(0, 0, 0, 0)" {
			t.Errorf("target has no highlight colour (%q)", bg)
		}
		if !visible {
			t.Errorf("clicking the target in the panel did not bring it into view")
		}
		if targetText == "" {
			t.Errorf("highlighted target has no text")
		}
		t.Logf("target %q highlighted %s", targetText, bg)
		if err := chromedp.Run(ctx, chromedp.Navigate(ts.URL+"/doc/"+id+"#t3"), chromedp.WaitVisible(`mark.k-target`, chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		shot(t, ctx, "document")
	})

	t.Run("compare and download the CSV", func(t *testing.T) {
		dl := t.TempDir()
		var bars int
		err := chromedp.Run(ctx,
			browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dl).WithEventsEnabled(true),
			chromedp.Navigate(ts.URL+"/compare"),
			chromedp.WaitVisible(`select.key-indicator`, chromedp.ByQuery),
			chromedp.SetValue(`select.key-indicator`, compareKey, chromedp.ByQuery),
			chromedp.Click(`input[name="by"][value="indicator"]`, chromedp.ByQuery),
			chromedp.Click(`.compare-form button[type="submit"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`figure.chart svg`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll("svg rect.bar").length`, &bars),
		)
		if err != nil {
			t.Fatal(err)
		}
		if bars == 0 {
			t.Errorf("chart has no bars")
		}
		shot(t, ctx, "compare")
		if err := chromedp.Run(ctx, chromedp.Click(`.downloads a[href*="format=csv"]`, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		var got []byte
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			files, _ := filepath.Glob(filepath.Join(dl, "*"))
			for _, f := range files {
				if !strings.HasSuffix(f, ".crdownload") {
					got, _ = os.ReadFile(f)
				}
			}
			if len(got) > 0 {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if len(got) == 0 {
			t.Fatal("no CSV downloaded")
		}
		resp, err := http.Get(ts.URL + "/api/export?by=indicator&format=csv&key=" + compareKey)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(got) != string(want) {
			t.Errorf("downloaded CSV differs from the export:\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("other pages", func(t *testing.T) {
		for _, p := range []struct{ name, path, wait string }{
			{"province", "/province/04", "section.identity"},
			{"provinces", "/provinces", "ul.units"},
			{"citations", "/citations", "table.grid"},
			{"citation", "/citation?key=749%2FQ%C4%90-TTg", "table.grid"},
			{"documents", "/documents", "table.grid"},
			{"upload", "/upload", "form.upload"},
		} {
			if err := chromedp.Run(ctx, chromedp.Navigate(ts.URL+p.path), chromedp.WaitVisible(p.wait, chromedp.ByQuery)); err != nil {
				t.Fatalf("%s: %v", p.path, err)
			}
			shot(t, ctx, p.name)
		}
		// The English switch keeps the page.
		var h1 string
		err := chromedp.Run(ctx,
			chromedp.Navigate(ts.URL+"/province/04"),
			chromedp.Click(`a.lang`, chromedp.ByQuery),
			chromedp.WaitVisible(`section.identity`, chromedp.ByQuery),
			chromedp.Text(`section.identity h2`, &h1, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(h1, "reorganisation") {
			t.Errorf("English switch: heading %q", h1)
		}
		shot(t, ctx, "province-en")
		chromedp.Run(ctx, chromedp.Click(`a.lang`, chromedp.ByQuery), chromedp.WaitVisible(`section.identity`, chromedp.ByQuery))
	})

	t.Run("upload", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "ke-hoach.txt")
		if err := os.WriteFile(f, []byte("Kế hoạch thử"), 0o644); err != nil {
			t.Fatal(err)
		}
		var got string
		err := chromedp.Run(ctx,
			chromedp.Navigate(ts.URL+"/upload"),
			chromedp.WaitVisible(`form.upload`, chromedp.ByQuery),
			chromedp.SetUploadFiles(`input[type="file"]`, []string{f}, chromedp.ByQuery),
			chromedp.Click(`form.upload button`, chromedp.ByQuery),
			chromedp.WaitVisible(`.upload-result a`, chromedp.ByQuery),
			chromedp.Text(`.upload-result a`, &got, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got != "upload/ke-hoach.txt" {
			t.Errorf("upload result %q", got)
		}
	})

	t.Run("no script runs from a document", func(t *testing.T) {
		// A page whose document is markup must not execute it: the CSP
		// and the escaping both stand in the way.
		hs, err := New(Options{Store: hostileStore{text: "Kế hoạch " + evil}, Logf: t.Logf})
		if err != nil {
			t.Fatal(err)
		}
		hts := httptest.NewServer(hs)
		defer hts.Close()
		var alerted bool
		var shown string
		err = chromedp.Run(ctx,
			chromedp.Navigate(hts.URL+"/doc/"+evilID),
			chromedp.WaitVisible(`article.doc-text`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll("main script, main img").length > 0`, &alerted),
			chromedp.Text(`article.doc-text`, &shown, chromedp.ByQuery),
		)
		if err != nil {
			t.Fatal(err)
		}
		if alerted || !strings.Contains(shown, "<script>") {
			t.Errorf("markup from the document became elements (%v) or was not shown as text: %q", alerted, shown)
		}
	})
}
