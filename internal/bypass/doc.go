// Package bypass decides which requests maintenance mode lets through:
// allowed paths and path prefixes, allowed networks (behind trusted
// proxies too), and the secret, sent in a header, visited as a URL, or
// held as a signed cookie. It answers the secret URL itself (a redirect
// that sets the cookie) and leaves the maintenance page to its caller.
package bypass
