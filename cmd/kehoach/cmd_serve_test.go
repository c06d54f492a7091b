package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kehoach/corpus"
	"kehoach/web"
)

func TestServeArgs(t *testing.T) {
	data := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"help", []string{"serve", "--help"}, 0, ""},
		{"bad address", []string{"--data", data, "serve", "--addr", "127.0.0.1:99999"}, 1, "serve:"},
		{"bad flag", []string{"--data", data, "serve", "--nope"}, 1, "nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.err) {
				t.Errorf("kehoach %v = %d\nstdout: %s\nstderr: %s\nwant %d, stderr ~ %q", tc.args, code, clip(out), clip(errs), tc.code, tc.err)
			}
		})
	}
}

// TestServe starts the server on a free loopback port over an ingested
// sample, reads a page and the API, uploads nothing (read-only), and stops
// it through its context.
func TestServe(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus/002_dd0f6087aed52522.txt"); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errw strings.Builder
	go func() {
		done <- run(ctx, []string{"kehoach", "--data", data, "serve", "--addr", "127.0.0.1:0"}, pw, &errw)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no startup line: %v (stderr %s)", err, errw.String())
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("startup line %q has no URL", line)
	}
	base := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line[i:]), "/"))
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if resp.StatusCode != 200 || v.Total != 1 {
		t.Errorf("/api/documents = %d, total %d, want 200, 1", resp.StatusCode, v.Total)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	resp, err = client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/ = %d", resp.StatusCode)
	}
	// Read-only: no upload route.
	resp, err = client.Post(base+"/api/ingest", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusCreated || resp.StatusCode == http.StatusOK {
		t.Errorf("upload accepted on a read-only server: %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errw.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestServeIngest: with --allow-ingest, a web upload goes through
// ingestRaw, the path of kehoach ingest: stored, indexed, searchable.
func TestServeIngest(t *testing.T) {
	st := openTestStore(t)
	opt, closeFn, err := webOptions(st)
	if err != nil {
		t.Fatal(err)
	}
	defer closeFn()
	opt.AllowIngest = true
	srv, err := web.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	raw := "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nỨng dụng công nghệ thông tin năm 2024\n\nTriển khai nền tảng Zalgoria cho 100% xã.\n"
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "ke-hoach-12.txt")
	io.WriteString(fw, raw)
	mw.Close()
	req := httptest.NewRequest("POST", "/api/ingest", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, req)
	if w.Code != http.StatusCreated {
		t.Fatalf("upload = %d %s", w.Code, w.Body)
	}
	var up struct{ ID, Source string }
	json.Unmarshal(w.Body.Bytes(), &up)
	if e, ok := st.Lookup("upload/ke-hoach-12.txt"); !ok || e.ID != up.ID || !st.Has(up.ID) {
		t.Errorf("upload not stored: %+v %v", e, ok)
	}
	w = httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("GET", "/api/search?q=zalgoria", nil))
	if !strings.Contains(w.Body.String(), up.ID) {
		t.Errorf("uploaded document not found by search:\n%s", w.Body)
	}
}

func openTestStore(t *testing.T) *corpus.Store {
	t.Helper()
	st, err := corpus.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestServeExport: the web downloads are byte for byte what kehoach
// export writes for the same table and options.
func TestServeExport(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := runCLI(t, "--data", data, "ingest", "../../testdata/corpus"); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	st, err := corpus.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	opt, closeFn, err := webOptions(st)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		args  []string
	}{
		{"by=budget&format=csv", []string{"--table", "budgets", "--format", "csv"}},
		{"by=province&key=Kon+Tum&format=csv", []string{"--table", "province", "--province", "Kon Tum", "--format", "csv"}},
		{"by=budget&format=json&now=1", []string{"--table", "budgets", "--format", "json", "--by", "now"}},
		{"by=citation&key=749%2FQ%C4%90-TTg&format=md", []string{"--table", "citations", "--format", "md"}},
		{"by=indicator&key=gov.dvc_l4_share&format=csv", []string{"--table", "targets", "--indicator", "gov.dvc_l4_share", "--format", "csv"}},
		{"by=indicator&key=gov.dvc_l4_share&format=xlsx", []string{"--table", "targets", "--indicator", "gov.dvc_l4_share", "--format", "xlsx"}},
	} {
		req := httptest.NewRequest("GET", "/api/export?"+tc.query, nil)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Fatalf("/api/export?%s = %d %s", tc.query, w.Code, w.Body)
		}
		closeFn() // the CLI opens the index itself
		code, out, errs := runCLI(t, append([]string{"--data", data, "export"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("export %v: %s", tc.args, errs)
		}
		opt, closeFn, err = webOptions(st)
		if err != nil {
			t.Fatal(err)
		}
		srv, _ = web.New(opt)
		if tc.args[3] == "xlsx" {
			// XLSX is a zip with timestamps: compare the sheets' cells.
			if a, b := xlsxCells(t, w.Body.Bytes()), xlsxCells(t, []byte(out)); a != b || a == "" {
				t.Errorf("xlsx cells differ:\n%s\nwant\n%s", clip(a), clip(b))
			}
			continue
		}
		if w.Body.String() != out {
			t.Errorf("/api/export?%s differs from kehoach export %v:\n%s\nwant\n%s", tc.query, tc.args, clip(w.Body.String()), clip(out))
		}
	}
	closeFn()
}

func xlsxCells(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("xlsx: %v", err)
	}
	defer f.Close()
	var sb strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&sb, "[%s]\n", sh)
		for _, r := range rows {
			sb.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return sb.String()
}
