package maintenance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// TriggerFileOptions configures a [TriggerFile]. The zero value is valid.
type TriggerFileOptions struct {
	// Interval is how often the file is polled. Zero means every second.
	Interval time.Duration
	// Logger receives a record when maintenance goes on or off and when
	// the file cannot be read or parsed (once per change of the file, not
	// once per poll). Nil means [slog.Default].
	Logger *slog.Logger
}

// TriggerFile is a maintenance source for fleets: while the file at its
// path exists, maintenance is on. The file may be empty, or hold the JSON
// document of [State] (message, until, retry, secret):
//
//	{"message": "Upgrading the database.", "until": "2026-11-23T15:00:00Z"}
//
// The file is polled rather than watched for events, because events are
// unreliable on network file systems and on Kubernetes ConfigMap mounts,
// which swap a symlink; each poll reads the file (it is small) and compares
// its content, which neither coarse modification times nor symlink swaps
// can fool. Requests read the state from memory.
//
// A file that cannot be read or parsed still means "on": the error is
// logged once, and the message, end time, retry and secret of the last
// valid content of the file are kept (the built-in defaults if it never
// had any). Removing the file turns maintenance off and forgets them.
//
// A TriggerFile is a [Writer] and a [Watcher]: SetState writes the file
// (atomically) or removes it, so an admin handler on any instance that
// shares the volume switches all of them. Close stops the polling.
type TriggerFile struct {
	path     string
	interval time.Duration
	log      *slog.Logger
	sw       Switch

	mu      sync.Mutex // serialises polls and writes
	content []byte     // the file's content at the last poll; nil if absent
	// unreadable is set while the file exists but cannot be read: its next
	// readable content is parsed whatever it is, even if it equals content.
	unreadable bool
	good       State
	lastErr    string // the error logged last, so it is logged once

	stop      chan struct{}
	done      chan struct{} // nil until the polling goroutine starts
	closeOnce sync.Once
}

var (
	_ Writer  = (*TriggerFile)(nil)
	_ Watcher = (*TriggerFile)(nil)
)

// maxTriggerFile bounds what is read of a trigger file.
const maxTriggerFile = 64 << 10

// NewTriggerFile reads the file at path once, so the state is right before
// the first request, and polls it from then on until Close. A missing file
// is not an error: it means maintenance is off.
func NewTriggerFile(path string, opts TriggerFileOptions) (*TriggerFile, error) {
	f, err := newTriggerFile(path, opts)
	if err != nil {
		return nil, err
	}
	f.done = make(chan struct{})
	go f.run()
	return f, nil
}

// newTriggerFile builds a TriggerFile and polls once, without starting the
// polling goroutine; tests call poll themselves.
func newTriggerFile(path string, opts TriggerFileOptions) (*TriggerFile, error) {
	if path == "" {
		return nil, errors.New("errorpage: trigger file: empty path")
	}
	if opts.Interval < 0 {
		return nil, fmt.Errorf("errorpage: trigger file: Interval %v is negative", opts.Interval)
	}
	f := &TriggerFile{
		path:     path,
		interval: opts.Interval,
		log:      opts.Logger,
		stop:     make(chan struct{}),
	}
	if f.interval == 0 {
		f.interval = time.Second
	}
	if f.log == nil {
		f.log = slog.Default()
	}
	f.poll()
	return f, nil
}

// Path returns the path of the file.
func (f *TriggerFile) Path() string { return f.path }

// State implements [Source], from memory.
func (f *TriggerFile) State() State { return f.sw.State() }

// On reports whether maintenance is on, State().On, from memory: one
// atomic load, without copying the state.
func (f *TriggerFile) On() bool { return f.sw.On() }

// Changed implements [Watcher].
func (f *TriggerFile) Changed() <-chan struct{} { return f.sw.Changed() }

// SetState implements [Writer]: it writes st to the file (see
// [WriteTriggerFile]) and takes
// the new state at once, without waiting for the next poll. It fails on a
// read-only volume, such as a ConfigMap mount.
func (f *TriggerFile) SetState(_ context.Context, st State) error {
	if err := WriteTriggerFile(f.path, st); err != nil {
		return err
	}
	f.poll()
	return nil
}

// Close stops the polling and waits for it to end. It always returns nil;
// calling it again does nothing.
func (f *TriggerFile) Close() error {
	f.closeOnce.Do(func() { close(f.stop) })
	if f.done != nil {
		<-f.done
	}
	return nil
}

func (f *TriggerFile) run() {
	defer close(f.done)
	t := time.NewTicker(f.interval)
	defer t.Stop()
	for {
		select {
		case <-f.stop:
			return
		case <-t.C:
			f.poll()
		}
	}
}

// poll reads the file and updates the state if the file changed.
func (f *TriggerFile) poll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, err := readTriggerFile(f.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f.lastErr = ""
		if f.content != nil || f.unreadable {
			f.content, f.good, f.unreadable = nil, State{}, false
			f.update(State{}, "trigger file removed")
		}
		return
	case err != nil:
		if _, serr := os.Stat(f.path); serr != nil {
			// Cannot even tell whether the file exists (a failing
			// volume): keep the state as it is.
			f.report(err, "errorpage: cannot read the maintenance trigger file; keeping the current state")
			return
		}
		// It exists but cannot be read: it still means "on". Forget its
		// content so that a readable version is parsed again.
		f.report(err, "errorpage: cannot read the maintenance trigger file; maintenance is on with the last good settings")
		f.unreadable = true
		st := f.good
		st.On = true
		f.update(st, "trigger file present but unreadable")
		return
	}
	if !f.unreadable && f.content != nil && bytes.Equal(data, f.content) {
		return
	}
	f.content, f.unreadable = data, false
	st, perr := ParseTriggerFile(data)
	if perr != nil {
		f.report(perr, "errorpage: the maintenance trigger file is invalid; maintenance is on with the last good settings")
		st = f.good
		st.On = true
	} else {
		f.lastErr = ""
		f.good = st
	}
	f.update(st, "trigger file changed")
}

// report logs err once: again only after a different error, or none.
func (f *TriggerFile) report(err error, msg string) {
	if err.Error() == f.lastErr {
		return
	}
	f.lastErr = err.Error()
	f.log.LogAttrs(context.Background(), slog.LevelError, msg, slog.String("path", f.path), slog.String("error", err.Error()))
}

// update sets the state and logs a switch on or off.
func (f *TriggerFile) update(st State, why string) {
	old := f.sw.State()
	if old.Equal(st) {
		return
	}
	f.sw.Set(st)
	if old.On == st.On && !st.On {
		return
	}
	attrs := []slog.Attr{slog.String("path", f.path), slog.String("reason", why)}
	if st.On && !st.Until.IsZero() {
		attrs = append(attrs, slog.Time("until", st.Until))
	}
	msg := "errorpage: maintenance mode off"
	if st.On {
		msg = "errorpage: maintenance mode on"
	}
	f.log.LogAttrs(context.Background(), slog.LevelInfo, msg, attrs...)
}

// readTriggerFile reads at most maxTriggerFile bytes of the file at path.
func readTriggerFile(path string) ([]byte, error) {
	// Only a regular file (or a link to one, as in a ConfigMap mount): a
	// FIFO would block the poller, and with it every change of state. The
	// file is opened without blocking and judged by what was opened, not
	// by a stat before the open, which a FIFO swapped in between would
	// pass.
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("errorpage: trigger file %s is not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(fh, maxTriggerFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTriggerFile {
		return nil, fmt.Errorf("errorpage: trigger file %s is larger than %d bytes", path, maxTriggerFile)
	}
	return data, nil
}

// ParseTriggerFile reads the content of a trigger file: empty (or only
// white space) means "on" with the built-in defaults; anything else must
// be the JSON document of [State]. On error it returns the state "on"
// with defaults, which is what the file still means.
func ParseTriggerFile(data []byte) (State, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return State{On: true}, nil
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("errorpage: maintenance document: %w (at byte %d)", err, se.Offset)
		}
		return State{On: true}, err
	}
	return st, nil
}

// ReadTriggerFile returns the state the file at path stands for: off if it
// does not exist, else what [ParseTriggerFile] makes of its content.
func ReadTriggerFile(path string) (State, error) {
	data, err := readTriggerFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{On: true}, fmt.Errorf("errorpage: reading trigger file: %w", err)
	}
	return ParseTriggerFile(data)
}

// WriteTriggerFile makes the file at path stand for st. If st.On, it
// writes the JSON document atomically: into a temporary file in the same
// directory, then renamed over path, so a poller never sees half a file.
// Otherwise it removes the file; a missing file is not an error.
func WriteTriggerFile(path string, st State) error {
	if !st.On {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("errorpage: removing trigger file: %w", err)
		}
		return nil
	}
	if err := st.Validate(); err != nil {
		return err
	}
	doc, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("errorpage: encoding maintenance document: %w", err)
	}
	doc = append(doc, '\n')
	tmp, err := os.CreateTemp(filepath.Dir(path), ".errorpage-*.tmp")
	if err != nil {
		return fmt.Errorf("errorpage: writing trigger file: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	_, err = tmp.Write(doc)
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		// Readable by the other instances, which may run as other users.
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("errorpage: writing trigger file: %w", err)
	}
	return nil
}
