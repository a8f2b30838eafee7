package pages

import (
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

// ForStatus returns the built-in page for a status: the page of its own for
// each server error the HTTP spec defines, [ClientError] for a 4xx,
// [Generic] for any other. Use it to fall back to the built-in page from a
// custom one.
func ForStatus(status int) func(Model) templ.Component {
	if status >= 400 && status <= 499 {
		return ClientError
	}
	switch status {
	case 500:
		return InternalServerError
	case 501:
		return NotImplemented
	case 502:
		return BadGateway
	case 503:
		return ServiceUnavailable
	case 504:
		return GatewayTimeout
	case 505:
		return HTTPVersionNotSupported
	case 506:
		return VariantAlsoNegotiates
	case 507:
		return InsufficientStorage
	case 508:
		return LoopDetected
	case 510:
		return NotExtended
	case 511:
		return NetworkAuthenticationRequired
	}
	return Generic
}

func homeURL(m Model) string {
	if m.Brand.HomeURL != "" {
		return m.Brand.HomeURL
	}
	return "/"
}

// codeLine is the line over the heading: Labels.Maintenance on the
// maintenance page, which is not an error, Labels.ErrorCode otherwise.
func codeLine(m Model) string {
	label := m.Labels.ErrorCode
	if m.Maintenance && m.Labels.Maintenance != "" {
		label = m.Labels.Maintenance
	}
	return strings.ReplaceAll(label, "{status}", strconv.Itoa(m.Status))
}

func pageTitle(m Model) string {
	if m.Brand.Name != "" {
		return m.Text.Title + " · " + m.Brand.Name
	}
	return m.Text.Title
}

// logoAlt is the logo's alternative text: none when the name stands next
// to it, otherwise what the link does.
func logoAlt(m Model) string {
	if m.Brand.Name != "" {
		return ""
	}
	return m.Labels.GoHome
}

// iconFor is the icon the built-in page of m's status shows.
func iconFor(m Model) templ.Component {
	if m.Maintenance {
		return iconTools()
	}
	switch m.Status {
	case 401, 403, 407, 451:
		return iconLock()
	case 404, 410:
		return iconSearch()
	case 408, 429:
		return iconClock()
	}
	if m.Status >= 400 && m.Status <= 499 {
		return iconBlock()
	}
	switch m.Status {
	case 501, 505, 510:
		return iconBlock()
	case 502:
		return iconPlug()
	case 503, 504:
		return iconClock()
	case 506, 508:
		return iconLoop()
	case 507:
		return iconDisk()
	case 511:
		return iconLock()
	}
	return iconServer()
}
