// Package office converts word-processor files that ingest cannot read
// directly (.doc, .rtf, .odt, ...) to .docx with LibreOffice
// ("soffice --headless --convert-to docx") when it is installed.
package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoLibreOffice is returned when soffice is not installed.
var ErrNoLibreOffice = errors.New("office: LibreOffice (soffice) is not installed; install it (apt-get install libreoffice-writer-nogui) to read .doc, .rtf and .odt files")

// Binary finds the LibreOffice executable.
func Binary() (string, bool) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Convert converts raw bytes of a file in format ext (without the dot) to
// the target format ("docx", "pdf", "txt") and returns the converted
// bytes. Each call uses its own LibreOffice profile so that calls can run
// side by side.
func Convert(raw []byte, ext, target string, timeout time.Duration) ([]byte, error) {
	bin, ok := Binary()
	if !ok {
		return nil, ErrNoLibreOffice
	}
	if timeout == 0 {
		timeout = 3 * time.Minute
	}
	dir, err := os.MkdirTemp("", "kehoach-office-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in."+ext)
	if err := os.WriteFile(in, raw, 0o600); err != nil {
		return nil, err
	}
	outDir := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", target, "--outdir", outDir, in)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("office: soffice --convert-to %s: %v: %s", target, err, strings.TrimSpace(out.String()))
	}
	b, err := os.ReadFile(filepath.Join(outDir, "in."+strings.SplitN(target, ":", 2)[0]))
	if err != nil {
		return nil, fmt.Errorf("office: soffice could not convert the file to %s (damaged or not a %s file?): %s", target, ext, strings.TrimSpace(out.String()))
	}
	return b, nil
}
