// Package integration proves errorpage with the routers, proxies,
// protocols and wrappers it meets in real services. It is a module of its
// own so that the core module never depends on any of them.
package integration
