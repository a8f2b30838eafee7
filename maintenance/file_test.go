package maintenance

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTestTriggerFile builds a TriggerFile without its goroutine, so the
// test decides when it polls, and with its log in a buffer.
func newTestTriggerFile(t *testing.T, path string) (*TriggerFile, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	f, err := newTriggerFile(path, TriggerFileOptions{Logger: slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, nil))})
	require.NoError(t, err)
	return f, &logs
}

func TestTriggerFileStates(t *testing.T) {
	until := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		content *string // nil: no file
		want    State
		wantLog string
	}{
		{"missing", nil, State{}, ""},
		{"empty", ptr(""), State{On: true}, ""},
		{"white space", ptr(" \n\t"), State{On: true}, ""},
		{"valid", ptr(`{"message":"DB upgrade","until":"2026-11-23T15:00:00Z","retry":"5m","secret":"s3cretS3cretS3cret"}`),
			State{On: true, Message: "DB upgrade", Until: until, Retry: 5 * time.Minute, Secret: "s3cretS3cretS3cret"}, ""},
		{"retry in seconds", ptr(`{"retry":90}`), State{On: true, Retry: 90 * time.Second}, ""},
		{"enabled false", ptr(`{"enabled":false,"message":"later"}`), State{Message: "later"}, ""},
		{"broken JSON", ptr(`{"message":`), State{On: true}, "the maintenance trigger file is invalid"},
		{"unknown member", ptr(`{"untill":"2026-11-23T15:00:00Z"}`), State{On: true}, "untill"},
		{"bad until", ptr(`{"until":"tomorrow"}`), State{On: true}, "invalid"},
		{"bad retry", ptr(`{"retry":"soon"}`), State{On: true}, "retry"},
		{"bad secret", ptr(`{"secret":"a b"}`), State{On: true}, "secret"},
		{"start after end", ptr(`{"start":"2026-11-23T16:00:00Z","until":"2026-11-23T15:00:00Z"}`), State{On: true}, "not before until"},
		{"bad scope", ptr(`{"paths":["/billing/../admin/"]}`), State{On: true}, "not clean"},
		{"two documents", ptr(`{} {}`), State{On: true}, "invalid"},
		{"too large", ptr(`{"message":"` + strings.Repeat("x", maxTriggerFile) + `"}`), State{On: true}, "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "down")
			if tt.content != nil {
				require.NoError(t, os.WriteFile(path, []byte(*tt.content), 0o644))
			}
			f, logs := newTestTriggerFile(t, path)
			got := f.State()
			assert.True(t, tt.want.Equal(got), "got %+v, want %+v", got, tt.want)
			if tt.wantLog == "" {
				assert.NotContains(t, logs.String(), "level=ERROR")
			} else {
				assert.Contains(t, logs.String(), "level=ERROR")
				assert.Contains(t, logs.String(), tt.wantLog)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestTriggerFileLifecycle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	f, logs := newTestTriggerFile(t, path)
	assert.False(t, f.State().On, "no file: off")

	require.NoError(t, os.WriteFile(path, []byte(`{"message":"first"}`), 0o644))
	f.poll()
	assert.Equal(t, State{On: true, Message: "first"}, f.State())
	assert.Contains(t, logs.String(), "maintenance mode on")

	// A typo while editing: still on, with the last good message, and
	// logged once however often it is polled.
	require.NoError(t, os.WriteFile(path, []byte(`{"message":"second",}`), 0o644))
	for range 5 {
		f.poll()
	}
	assert.Equal(t, State{On: true, Message: "first"}, f.State(), "the last good state is kept")
	assert.Equal(t, 1, strings.Count(logs.String(), "level=ERROR"), "logged once per change, got:\n%s", logs)

	// Another broken version is another change: logged again.
	require.NoError(t, os.WriteFile(path, []byte(`{"message":"third",,}`), 0o644))
	f.poll()
	assert.Equal(t, 2, strings.Count(logs.String(), "level=ERROR"))

	require.NoError(t, os.WriteFile(path, []byte(`{"message":"fixed"}`), 0o644))
	f.poll()
	assert.Equal(t, State{On: true, Message: "fixed"}, f.State())

	require.NoError(t, os.Remove(path))
	f.poll()
	assert.Equal(t, State{}, f.State(), "removed: off")
	assert.Contains(t, logs.String(), "maintenance mode off")

	// Broken from the start of a new window: on with the defaults, not
	// with the message of the window before.
	require.NoError(t, os.WriteFile(path, []byte(`nonsense`), 0o644))
	f.poll()
	assert.Equal(t, State{On: true}, f.State())
}

func TestTriggerFileUnreadableMeansOn(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	path := filepath.Join(t.TempDir(), "down")
	require.NoError(t, os.WriteFile(path, []byte(`{"message":"x"}`), 0o000))
	f, logs := newTestTriggerFile(t, path)
	assert.True(t, f.State().On)
	assert.Contains(t, logs.String(), "cannot read")
}

func TestTriggerFileDirectoryMeansOn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	require.NoError(t, os.Mkdir(path, 0o755))
	f, logs := newTestTriggerFile(t, path)
	assert.True(t, f.State().On, "something exists at the path: on")
	assert.Contains(t, logs.String(), "level=ERROR")
}

// TestTriggerFileConfigMapSwap reproduces how Kubernetes updates a
// ConfigMap volume: the file is a symlink through "..data", and an update
// swaps "..data" to a new directory in one rename.
func TestTriggerFileConfigMapSwap(t *testing.T) {
	dir := t.TempDir()
	version := func(name, content string) {
		require.NoError(t, os.Mkdir(filepath.Join(dir, name), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name, "maintenance.json"), []byte(content), 0o644))
		tmp := filepath.Join(dir, "..data_tmp")
		require.NoError(t, os.Symlink(name, tmp))
		require.NoError(t, os.Rename(tmp, filepath.Join(dir, "..data")))
	}
	version("..2026_11_23_10_00_00.1", `{"message":"one"}`)
	path := filepath.Join(dir, "maintenance.json")
	require.NoError(t, os.Symlink("..data/maintenance.json", path))

	f, _ := newTestTriggerFile(t, path)
	assert.Equal(t, "one", f.State().Message)

	// Same size, and quite possibly the same modification time.
	version("..2026_11_23_10_00_00.2", `{"message":"two"}`)
	f.poll()
	assert.Equal(t, "two", f.State().Message)

	version("..2026_11_23_10_00_00.3", `{"enabled":false}`)
	f.poll()
	assert.False(t, f.State().On)
}

func TestTriggerFilePollsByItself(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	f, err := NewTriggerFile(path, TriggerFileOptions{Interval: 5 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })

	changed := f.Changed()
	require.NoError(t, os.WriteFile(path, []byte(`{"message":"polled"}`), 0o644))
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("the poller did not notice the new file within 10 s")
	}
	assert.Equal(t, "polled", f.State().Message)

	require.NoError(t, f.Close())
	require.NoError(t, f.Close(), "Close twice is fine")
}

func TestTriggerFileWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "down")
	f, _ := newTestTriggerFile(t, path)
	st := State{On: true, Message: "written", Until: time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC), Retry: time.Minute, Secret: "s3cretS3cretS3cret"}
	require.NoError(t, f.SetState(context.Background(), st))
	assert.True(t, st.Equal(f.State()), "the writer sees its write at once")

	read, err := ReadTriggerFile(path)
	require.NoError(t, err)
	assert.True(t, st.Equal(read), "got %+v, want %+v", read, st)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm(), "readable by other instances")

	require.NoError(t, f.SetState(context.Background(), State{}))
	assert.NoFileExists(t, path)
	assert.False(t, f.State().On)
	require.NoError(t, WriteTriggerFile(path, State{}), "removing a missing file is fine")

	assert.Error(t, WriteTriggerFile(path, State{On: true, Secret: "a/b"}), "invalid state")
	assert.Error(t, WriteTriggerFile(filepath.Join(dir, "missing", "down"), State{On: true}))
}

func TestTriggerFileOptions(t *testing.T) {
	_, err := NewTriggerFile("", TriggerFileOptions{})
	assert.ErrorContains(t, err, "errorpage: ")
	_, err = NewTriggerFile("x", TriggerFileOptions{Interval: -1})
	assert.ErrorContains(t, err, "errorpage: ")
}

// When the poller cannot even tell whether the file exists (a failing
// volume: here ENOTDIR, which is not "does not exist"), it keeps the state
// it has rather than switching maintenance off.
func TestTriggerFileUnknowableKeepsTheState(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	path := filepath.Join(sub, "down")
	require.NoError(t, os.WriteFile(path, []byte(`{"message":"migrating"}`), 0o644))
	f, logs := newTestTriggerFile(t, path)
	f.poll()
	require.True(t, f.State().On)

	require.NoError(t, os.RemoveAll(sub))
	require.NoError(t, os.WriteFile(sub, []byte("not a directory"), 0o644))
	f.poll()
	assert.True(t, f.State().On, "still on")
	assert.Equal(t, "migrating", f.State().Message, "with its message")
	assert.Contains(t, logs.String(), "keeping the current state")
}

// TestTriggerFile_EmptyAfterReadErrorForgetsTheOldWindow: after a read
// error (here: a file over 64 KiB) an empty file, which reads as the same
// empty content the poller kept, must still be parsed: it means "on with
// the built-in defaults", not the old window's message and secret.
func TestTriggerFile_EmptyAfterReadErrorForgetsTheOldWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	write := func(s string) {
		t.Helper()
		require.NoError(t, os.WriteFile(path, []byte(s), 0o644))
	}
	write(`{"message":"old window","secret":"oldsecret-oldsecret"}`)
	f, _ := newTestTriggerFile(t, path)
	write(`{"message":"` + strings.Repeat("x", maxTriggerFile) + `"}`) // unreadable: too large
	f.poll()
	write("") // on, with the built-in defaults
	f.poll()
	got := f.State()
	assert.True(t, got.On, "got %+v, want on", got)
	assert.Empty(t, got.Message, "got the old window's message")
	assert.Empty(t, got.Secret, "got the old window's secret")
}

func TestTriggerFile_BadWindowKeepsTheLastGoodOneAndLogsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	good := `{"start":"2026-12-24T02:00:00Z","read_only":true,"paths":["/billing/"]}`
	require.NoError(t, os.WriteFile(path, []byte(good), 0o644))
	f, logs := newTestTriggerFile(t, path)
	want := f.State()
	require.True(t, want.ReadOnly)

	require.NoError(t, os.WriteFile(path, []byte(`{"start":"2026-12-24T02:00:00Z","until":"2026-12-24T01:00:00Z"}`), 0o644))
	for range 3 {
		f.poll()
	}
	assert.True(t, want.Equal(f.State()), "got %+v, want the last good %+v", f.State(), want)
	assert.Equal(t, 1, strings.Count(logs.String(), "not before until"), "logged once: %s", logs)
}

// TestTriggerFile_OnAgreesWithTheState checks On of a trigger file
// against its state as the file changes.
func TestTriggerFile_OnAgreesWithTheState(t *testing.T) {
	f, err := newTriggerFile(filepath.Join(t.TempDir(), "down"), TriggerFileOptions{})
	require.NoError(t, err)
	assert.False(t, f.On(), "a missing file is off")
	for _, on := range []bool{true, false, true} {
		require.NoError(t, f.SetState(context.Background(), State{On: on}))
		assert.Equal(t, on, f.On())
		assert.Equal(t, f.State().On, f.On())
	}
}
