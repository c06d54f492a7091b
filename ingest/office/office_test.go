package office

import (
	"errors"
	"strings"
	"testing"

	"kehoach/ingest/docx"
)

func TestConvertRTF(t *testing.T) {
	rtf := []byte(`{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0 K\u7871? ho\u7841?ch s\u7889? 12/KH-UBND\par I. M\u7908?C TI\u202?U\par}`)
	if _, ok := Binary(); !ok {
		if _, err := Convert(rtf, "rtf", "docx", 0); !errors.Is(err, ErrNoLibreOffice) || !strings.Contains(err.Error(), "apt-get install") {
			t.Errorf("Convert without soffice: %v, want ErrNoLibreOffice saying what to install", err)
		}
		t.Skip("soffice not installed (apt-get install libreoffice-writer-nogui); CI installs it")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow; skipped in -short")
	}
	b, err := Convert(rtf, "rtf", "docx", 0)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := docx.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt, "Kế hoạch số 12/KH-UBND") || !strings.Contains(txt, "I. MỤC TIÊU") {
		t.Errorf("rtf -> docx text = %q", txt)
	}
	if _, err := Convert([]byte("\x00\x01garbage"), "doc", "docx", 0); err == nil {
		t.Errorf("Convert(garbage .doc) = nil error")
	}
}
