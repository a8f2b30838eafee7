package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/errorpage/errorpage/maintenance"
)

// watch keeps the Store subscribed, one session at a time, until Close.
// It closes started once the first session is ready or has failed, and
// logs each outage once when it begins and once when it ends, whatever the
// number of attempts in between.
func (s *Store) watch(started chan struct{}) {
	defer s.wg.Done()
	var (
		ever      bool   // a session has been ready once
		down      bool   // an outage has been logged and has not ended
		downKind  string // what the outage was logged as
		downSince time.Time
		wait      = minBackoff
	)
	signal := func() {
		if started != nil {
			close(started)
			started = nil
		}
	}
	for {
		err := s.session(func() {
			wait = minBackoff
			cur := s.cur.Load()
			switch {
			case down:
				s.log.Info("redisstore: connected to Redis again; watching the maintenance state",
					s.where(slog.Duration("outage", time.Since(downSince).Round(time.Millisecond)), slog.Bool("on", cur.state.On), slog.Int64("version", cur.version))...)
				down = false
			case !ever:
				s.log.Info("redisstore: watching the maintenance state in Redis",
					s.where(slog.Bool("on", cur.state.On), slog.Int64("version", cur.version))...)
			}
			ever = true
			signal()
		})
		if s.ctx.Err() != nil {
			signal()
			return
		}
		kind, text := describe(err, ever)
		if !down || kind != downKind {
			level := slog.LevelWarn
			if kind == "auth" {
				level = slog.LevelError
			}
			s.log.Log(context.Background(), level, text, s.where(slog.String("error", err.Error()))...)
			if !down {
				downSince = time.Now()
			}
			down, downKind = true, kind
		}
		signal()
		// Wait between half and all of the backoff, so that a fleet does
		// not reconnect in lockstep.
		t := time.NewTimer(wait/2 + rand.N(wait/2+1))
		select {
		case <-s.ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(2*wait, s.backoff)
	}
}

// describe sorts a session's error for the outage log: wrong credentials
// are worth their own message, since retrying will not fix them.
func describe(err error, ever bool) (kind, text string) {
	msg := err.Error()
	for _, s := range []string{"WRONGPASS", "NOAUTH", "invalid password", "invalid username-password", "NOPERM"} {
		if strings.Contains(msg, s) {
			return "auth", "redisstore: Redis rejected the credentials; check the user and password in the Redis URL. Serving the last known state, retrying with backoff"
		}
	}
	if ever {
		return "net", "redisstore: lost the connection to Redis; serving the last known state until it is back, retrying with backoff"
	}
	return "net", "redisstore: cannot reach Redis; serving the initial state until it is back, retrying with backoff"
}

// where adds the key and, when known, Redis's address to a log record.
func (s *Store) where(attrs ...any) []any {
	attrs = append(attrs, slog.String("key", s.key))
	if c, ok := s.client.(*redis.Client); ok {
		attrs = append(attrs, slog.String("addr", c.Options().Addr))
	}
	return attrs
}

// session subscribes to the channel, reads the key once the subscription
// is confirmed (so that no write can fall between the two), calls ready,
// then applies the messages until the connection fails or the Store is
// closed. It returns why it ended.
func (s *Store) session(ready func()) error {
	s.attempts.Add(1)
	ps := s.client.Subscribe(s.ctx) // no channel yet, so no connection yet
	s.psMu.Lock()
	if s.ctx.Err() != nil {
		s.psMu.Unlock()
		ps.Close()
		return s.ctx.Err()
	}
	s.ps = ps
	s.psMu.Unlock()
	defer func() {
		s.connected.Store(false)
		s.psMu.Lock()
		s.ps = nil
		s.psMu.Unlock()
		ps.Close()
	}()

	if err := ps.Subscribe(s.ctx, s.channel); err != nil {
		return err
	}
	subscribed, pinged := false, false
	for {
		msg, err := ps.ReceiveTimeout(s.ctx, s.health)
		if err != nil {
			var ne net.Error
			if s.ctx.Err() == nil && errors.As(err, &ne) && ne.Timeout() {
				if pinged {
					return fmt.Errorf("redisstore: no answer from Redis for %v", 2*s.health)
				}
				if err := ps.Ping(s.ctx); err != nil {
					return err
				}
				pinged = true
				continue
			}
			return err
		}
		pinged = false
		switch m := msg.(type) {
		case *redis.Subscription:
			if m.Kind == "subscribe" && !subscribed {
				subscribed = true
				if err := s.load(s.ctx); err != nil {
					return err
				}
				s.connected.Store(true)
				ready()
			}
		case *redis.Message:
			if err := s.receive(s.ctx, m.Payload); err != nil {
				return err
			}
		}
	}
}

// resyncLoop reads the key every s.resync, in case a message was lost.
// While the subscription is down it leaves reading to the next session.
func (s *Store) resyncLoop() {
	defer s.wg.Done()
	t := time.NewTicker(s.resync)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
			if s.connected.Load() {
				// A failure here is the session's to notice and log.
				_ = s.load(s.ctx)
			}
		}
	}
}

// load reads the key and applies what it holds. It returns an error only
// when Redis could not be asked; a missing key or a malformed value is
// logged, and the current state kept.
func (s *Store) load(ctx context.Context) error {
	vals, err := s.client.HGetAll(ctx, s.key).Result()
	if err != nil {
		if strings.HasPrefix(err.Error(), "WRONGTYPE") {
			s.reportBad("wrong type", nil, "the key holds a value that is not a hash")
			return nil
		}
		return err
	}
	if len(vals) == 0 {
		return s.missing(ctx)
	}
	raw := vals["state"]
	v, verr := strconv.ParseInt(vals["version"], 10, 64)
	if verr != nil || v <= 0 {
		s.reportBad(vals["version"]+"\x00"+raw, vals, fmt.Sprintf("the version %q is not a positive integer", truncate(vals["version"])))
		return nil
	}
	if len(raw) > maxMessage {
		s.reportBad(vals["version"]+"\x00"+raw, vals, fmt.Sprintf("the state is larger than %d bytes", maxMessage))
		return nil
	}
	var st maintenance.State
	if err := st.UnmarshalJSON([]byte(raw)); err != nil {
		s.reportBad(vals["version"]+"\x00"+raw, vals, err.Error())
		return nil
	}
	s.reportMu.Lock()
	s.badLogged, s.missLogged = "", false
	s.reportMu.Unlock()
	if !s.apply(v, st, true, "key") {
		return s.restore(ctx, "the key holds an older version than this instance")
	}
	return nil
}

// missing handles a key that does not exist: with a state that came from
// Redis, the Store writes it back; with Options.Initial, it keeps serving
// that.
func (s *Store) missing(ctx context.Context) error {
	if s.cur.Load().version > 0 {
		return s.restore(ctx, "the key is missing")
	}
	s.reportMu.Lock()
	first := !s.missLogged
	s.missLogged = true
	s.reportMu.Unlock()
	if first {
		s.log.Info("redisstore: the key does not exist yet; serving the initial state until a state is written",
			s.where(slog.Bool("on", s.cur.Load().state.On))...)
	}
	return nil
}

// restore writes the current state back under its own version if the key
// still needs it when the script runs.
func (s *Store) restore(ctx context.Context, why string) error {
	cur := s.cur.Load()
	doc, err := cur.state.MarshalJSON()
	if err != nil {
		return err
	}
	wrote, err := restoreScript.Run(ctx, s.client, []string{s.key}, doc, s.channel, strconv.FormatInt(cur.version, 10)).Int()
	if err != nil {
		return err
	}
	if wrote == 1 {
		s.log.Warn("redisstore: wrote the last known maintenance state back to Redis",
			s.where(slog.String("reason", why), slog.Bool("on", cur.state.On), slog.Int64("version", cur.version))...)
	}
	return nil
}

// reportBad logs a malformed value at the key, once for each distinct
// value. The log says what is wrong and how large the value is, never what
// it holds: a state carries the maintenance secret.
func (s *Store) reportBad(fingerprint string, vals map[string]string, why string) {
	s.reportMu.Lock()
	first := s.badLogged != fingerprint
	s.badLogged = fingerprint
	s.reportMu.Unlock()
	if !first {
		return
	}
	attrs := []any{slog.String("error", why)}
	if vals != nil {
		attrs = append(attrs, slog.Int("state_bytes", len(vals["state"])))
	}
	s.log.Error("redisstore: malformed maintenance state in Redis; keeping the last good state", s.where(attrs...)...)
}

// maxMessage caps what the Store reads from the channel and the key, like
// errorpage's trigger file and admin body (64 KiB).
const maxMessage = 64 << 10

// receive handles one announcement from the channel. An announcement is
// only a hint that the key changed: anyone allowed to PUBLISH can send one,
// so the Store reads the key, the only source it trusts, and applies what
// the key holds. An announcement of a version the Store already holds, or
// one that is malformed or too large, changes nothing.
func (s *Store) receive(ctx context.Context, payload string) error {
	var err error
	var env struct {
		Version int64 `json:"version"`
	}
	switch {
	case len(payload) > maxMessage:
		err = fmt.Errorf("larger than %d bytes", maxMessage)
	default:
		err = json.Unmarshal([]byte(payload), &env)
		if err == nil && env.Version <= 0 {
			err = errors.New("no positive version")
		}
	}
	if err != nil {
		s.log.Warn("redisstore: malformed message on the channel; ignored",
			s.where(slog.String("channel", s.channel), slog.String("error", err.Error()), slog.Int("bytes", len(payload)))...)
		return nil
	}
	if env.Version <= s.cur.Load().version {
		return nil
	}
	return s.load(ctx)
}

// truncate shortens a value that is quoted in a log line. Only versions
// are quoted; states and messages never are.
func truncate(v string) string {
	const max = 24
	if len(v) > max {
		return v[:max] + "…"
	}
	return v
}
