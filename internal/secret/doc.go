// Package secret holds the rule for a maintenance secret, shared by the
// maintenance document (package maintenance) and the bypass that lets its
// holders in (internal/bypass).
package secret
