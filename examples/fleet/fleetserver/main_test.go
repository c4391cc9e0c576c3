package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBundleHandler(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rolecall.tar.gz"), []byte("bundle bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	// otherETag is the ETag of another bundle.
	otherETag := `"` + strings.Repeat("0", 64) + `"`
	h := bundleHandler(dir)
	get := func(method, target, ifNoneMatch string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, target, nil)
		if ifNoneMatch != "" {
			r.Header.Set("If-None-Match", ifNoneMatch)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	first := get(http.MethodGet, "/bundles/rolecall.tar.gz", "")
	tag := first.Header().Get("ETag")
	if first.Code != http.StatusOK || first.Body.String() != "bundle bytes" || len(tag) != len(otherETag) {
		t.Fatalf("GET = %d %q with ETag %q, want 200, the file and a SHA-256 ETag", first.Code, first.Body.String(), tag)
	}
	for _, tc := range []struct {
		name, method, target, ifNoneMatch string
		want                              int
	}{
		{"unchanged since the ETag", http.MethodGet, "/bundles/rolecall.tar.gz", tag, http.StatusNotModified},
		{"another ETag", http.MethodGet, "/bundles/rolecall.tar.gz", otherETag, http.StatusOK},
		{"missing file", http.MethodGet, "/bundles/other.tar.gz", "", http.StatusNotFound},
		{"outside the directory", http.MethodGet, "/bundles/../main.go", "", http.StatusNotFound},
		{"outside /bundles/", http.MethodGet, "/rolecall.tar.gz", "", http.StatusNotFound},
		{"not a GET", http.MethodPost, "/bundles/rolecall.tar.gz", "", http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := get(tc.method, tc.target, tc.ifNoneMatch).Code; got != tc.want {
				t.Errorf("%s %s (If-None-Match %s) = %d, want %d", tc.method, tc.target, tc.ifNoneMatch, got, tc.want)
			}
		})
	}
}

func TestCollectorHandler(t *testing.T) {
	var out bytes.Buffer
	h := collectorHandler(&out)
	post := func(path, body string, zip bool) int {
		var b bytes.Buffer
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		if zip {
			zw := gzip.NewWriter(&b)
			_, _ = zw.Write([]byte(body))
			_ = zw.Close()
			r = httptest.NewRequest(http.MethodPost, path, &b)
			r.Header.Set("Content-Encoding", "gzip")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	for _, tc := range []struct {
		path, body string
		zip        bool
		want       int
	}{
		{"/logs", `[{"decision_id": "d1", "path": "rolecall/report", "labels": {"id": "opa-a"}, "bundles": {"rolecall": {"revision": "rolecall-1"}},
			"result": {"findings": [{"rule": "A52-ASSET-001"}, {"rule": "A52-ROLE-001"}]}, "masked": ["/input", "/result"]},
			{"decision_id": "d2", "path": "rolecall/rules", "labels": {"id": "opa-a"}, "bundles": {"rolecall": {"revision": "rolecall-1"}}, "erased": ["/result"]}]`, true, http.StatusOK},
		{"/status", `{"labels": {"id": "opa-a"}, "bundles": {"rolecall": {"active_revision": "rolecall-1"}}}`, true, http.StatusOK},
		{"/status", `{"labels": {"id": "opa-a"}, "bundles": {"rolecall": {"active_revision": "rolecall-1"}}}`, false, http.StatusOK},
		{"/status", `{"labels": {"id": "opa-a"}, "bundles": {"rolecall": {"active_revision": "rolecall-1", "code": "bundle_error", "message": "digest mismatch"}}}`, false, http.StatusOK},
		{"/logs", `not json`, true, http.StatusBadRequest},
		{"/other", `[]`, false, http.StatusNotFound},
	} {
		if got := post(tc.path, tc.body, tc.zip); got != tc.want {
			t.Errorf("POST %s %.40q = %d, want %d", tc.path, tc.body, got, tc.want)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/logs", strings.NewReader("not gzip"))
	r.Header.Set("Content-Encoding", "gzip")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusBadRequest {
		t.Errorf("POST /logs with a body that is not gzip = %d, want 400", w.Code)
	}
	want := `decision opa-a rolecall@rolecall-1 rolecall/report 2 findings masked [/input /result] erased []
decision opa-a rolecall@rolecall-1 rolecall/rules no result masked [] erased [/result]
status opa-a rolecall active rolecall-1
status opa-a rolecall active rolecall-1, refused a download: bundle_error digest mismatch
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("collector output (-want +got):\n%s", diff)
	}
}
