package theme

// The themes after the first three: each a look of its own, not a palette
// of another. Their Extra CSS draws with the custom properties only, so
// that a brand's colours and dark mode reach every line of it; shading
// mixes them with white or black (color-mix) rather than naming a colour.

const roundedFont = `ui-rounded,"SF Pro Rounded","Nunito","Varela Round","Arial Rounded MT Bold",system-ui,sans-serif`

// Friendly is warm and illustrated: a smiling cloud drawn in inline SVG
// (the pages add it for this theme), centred text, rounded type and pill
// buttons.
var Friendly = Theme{
	Name:        "friendly",
	Description: "Friendly and illustrated: a smiling cloud, centred text, rounded type, pill buttons.",
	Light: map[string]string{
		"bg": "#fff4e8", "fg": "#2b2340", "muted": "#5d5470", "card": "#ffffff",
		"border": "#f0dcc8", "accent": "#6d3ae0", "accent-text": "#6230d4", "on-accent": "#ffffff",
		"font": systemFont, "heading-font": roundedFont, "mono": monoFont, "radius": "22px",
	},
	Dark: map[string]string{
		"bg": "#1d1830", "fg": "#f3eefe", "muted": "#bdb4d3", "card": "#282140",
		"border": "#3d3459", "accent": "#c4b5fd", "accent-text": "#c9bbff", "on-accent": "#1d1238",
	},
	Extra: `.ep{text-align:center;max-width:44rem}
.ep-art{display:block;width:min(15rem,70%);height:auto;margin:0 auto -1.25rem;position:relative}
.ep-art .b{fill:color-mix(in srgb,var(--ep-accent) 14%,var(--ep-card));stroke:var(--ep-accent-text);stroke-width:4;stroke-linejoin:round}
.ep-art .f{fill:var(--ep-fg)}
.ep-art .c{fill:color-mix(in srgb,var(--ep-accent) 40%,var(--ep-card))}
.ep-art .l{fill:none;stroke:var(--ep-fg);stroke-width:4;stroke-linecap:round}
.ep-art .s{fill:none;stroke:var(--ep-accent);stroke-width:3.5;stroke-linecap:round}
.ep-art .g{fill:color-mix(in srgb,var(--ep-fg) 10%,transparent)}
@media (prefers-reduced-motion:no-preference){.ep-art .o{animation:ep-float 4s ease-in-out infinite alternate}}
@keyframes ep-float{to{transform:translateY(-5px)}}
.ep-brand{justify-content:center}
.ep-card{padding:2.5rem 1.75rem 2rem;border:0;box-shadow:0 10px 30px -12px color-mix(in srgb,var(--ep-fg) 30%,transparent)}
.ep-icon{display:none}
.ep-code{display:inline-block;padding:.2rem .8rem;border-radius:999px;background:var(--ep-bg);letter-spacing:.04em}
h1{font-size:2rem;font-weight:800;margin-top:.75rem}
.ep-retry{border:0;border-radius:16px}
.ep-actions{justify-content:center}
.ep-actions a{border-radius:999px;border-width:2px;padding:.55rem 1.1rem}
.ep-ids{text-align:start;border-top-style:dashed}
`,
}

// HighContrast is for low vision: black on white (white on black in
// the dark), every text at 7:1 (WCAG AAA), larger type, underlined links,
// heavy borders and a thick focus ring.
var HighContrast = Theme{
	Name:        "contrast",
	Description: "High contrast: 7:1 text (WCAG AAA), larger type, underlined links, heavy borders.",
	Light: map[string]string{
		"bg": "#ffffff", "fg": "#000000", "muted": "#262626", "card": "#ffffff",
		"border": "#000000", "accent": "#0b2fa8", "accent-text": "#0b2fa8", "on-accent": "#ffffff",
		"font": systemFont, "heading-font": systemFont, "mono": monoFont, "radius": "4px",
	},
	Dark: map[string]string{
		"bg": "#000000", "fg": "#ffffff", "muted": "#e0e0e0", "card": "#000000",
		"border": "#ffffff", "accent": "#ffe14d", "accent-text": "#ffe14d", "on-accent": "#000000",
	},
	Extra: `body{font-size:1.125rem;line-height:1.65}
.ep{max-width:46rem}
.ep-card{border-width:3px;border-color:var(--ep-fg)}
.ep-code{font-size:1rem;font-weight:700;letter-spacing:.04em}
h1{font-size:2.1rem;font-weight:800}
.ep-muted{color:var(--ep-fg)}
.ep-retry{border-inline-start-width:6px;border-color:var(--ep-fg);background:var(--ep-card);font-weight:600}
.ep-actions a{border:3px solid var(--ep-fg);text-decoration:underline;text-underline-offset:.2em;text-decoration-thickness:2px}
.ep-actions a.ep-primary{border-color:var(--ep-fg)}
.ep-actions a:hover{text-decoration-thickness:4px}
.ep a:focus-visible{outline:4px solid var(--ep-fg);outline-offset:3px;box-shadow:0 0 0 8px var(--ep-accent)}
.ep-ids{border-top:3px solid var(--ep-fg);font-size:1rem}
.ep-ids dt{color:var(--ep-fg);font-weight:700}
.ep-ids code{font-size:1rem;border:2px solid var(--ep-fg)}
.ep-foot{font-size:1rem;color:var(--ep-fg)}
.ep-brand{text-decoration:underline;text-underline-offset:.2em}
`,
}

// Glass is modern and soft: blurred colour fields behind a frosted,
// translucent card, a bold heading and large radii.
var Glass = Theme{
	Name:        "glass",
	Description: "Glass: colour fields behind a frosted card, a bold heading, large radii.",
	Light: map[string]string{
		"bg": "#eef0fa", "fg": "#141a33", "muted": "#454d6b", "card": "#ffffff",
		"border": "#d3d8ee", "accent": "#5235e8", "accent-text": "#4a2fd6", "on-accent": "#ffffff",
		"font": systemFont, "heading-font": systemFont, "mono": monoFont, "radius": "24px",
	},
	Dark: map[string]string{
		"bg": "#0b0d1c", "fg": "#eef0ff", "muted": "#aeb4d4", "card": "#171a33",
		"border": "#2e3358", "accent": "#8f7bff", "accent-text": "#ada0ff", "on-accent": "#0b0d1c",
	},
	Extra: `body{background:radial-gradient(40rem 30rem at 8% 5%,color-mix(in srgb,var(--ep-accent) 30%,transparent),transparent 70%),radial-gradient(36rem 30rem at 95% 95%,color-mix(in srgb,var(--ep-accent-text) 22%,transparent),transparent 70%),var(--ep-bg)}
.ep-card{background:color-mix(in srgb,var(--ep-card) 78%,transparent);border-color:color-mix(in srgb,var(--ep-card) 50%,var(--ep-border));-webkit-backdrop-filter:blur(18px) saturate(1.3);backdrop-filter:blur(18px) saturate(1.3);box-shadow:0 24px 60px -24px color-mix(in srgb,var(--ep-accent) 40%,transparent);padding:2.5rem 2rem}
@media (prefers-reduced-motion:no-preference){.ep-card{animation:ep-rise .5s ease-out}}
@keyframes ep-rise{from{opacity:0;transform:translateY(12px)}}
.ep-icon{padding:.6rem;border-radius:16px;background:color-mix(in srgb,var(--ep-accent) 14%,var(--ep-card));width:3.25rem;height:3.25rem}
h1{font-size:2rem;font-weight:800;letter-spacing:-.02em}
.ep-retry{border:0;border-radius:14px;background:color-mix(in srgb,var(--ep-accent) 9%,var(--ep-card))}
.ep-actions a{border-radius:999px;background:var(--ep-card)}
.ep-actions a.ep-primary{box-shadow:0 8px 20px -8px var(--ep-accent)}
.ep-ids code{background:var(--ep-card)}
`,
}

// Docs looks like a documentation site: a top bar with the product,
// the page left-aligned and starting at the top, a large ruled heading,
// the retry sentence as a note and the identifiers as a table.
var Docs = Theme{
	Name:        "docs",
	Description: "Documentation site: a top bar, a ruled heading, a note, identifiers in a table.",
	Light: map[string]string{
		"bg": "#ffffff", "fg": "#1f2328", "muted": "#59636e", "card": "#f6f8fa",
		"border": "#d1d9e0", "accent": "#0969da", "accent-text": "#0860c7", "on-accent": "#ffffff",
		"font": systemFont, "heading-font": systemFont, "mono": monoFont, "radius": "6px",
	},
	Dark: map[string]string{
		"bg": "#0d1117", "fg": "#e6edf3", "muted": "#9ba3ad", "card": "#151b23",
		"border": "#3d444d", "accent": "#4493f8", "accent-text": "#58a6ff", "on-accent": "#0d1117",
	},
	Extra: `body{display:block}
.ep{max-width:50rem;padding-top:0}
.ep-brand{display:flex;padding:1rem 0;margin:0 0 2.5rem;border-bottom:1px solid var(--ep-border)}
.ep-card{background:none;border:0;padding:2.5rem 0 0}
.ep-brand+.ep-card{padding-top:0}
.ep-icon{display:none}
.ep-code{display:inline-block;font:500 .8rem/1.6 var(--ep-mono);letter-spacing:0;text-transform:none;padding:0 .5rem;border:1px solid var(--ep-border);border-radius:2em}
h1{font-size:2.25rem;font-weight:600;margin:.75rem 0 1.25rem;padding-bottom:.4rem;border-bottom:1px solid var(--ep-border);text-wrap:pretty}
.ep-retry{border-inline-start:4px solid var(--ep-accent);background:var(--ep-card);border-radius:0 var(--ep-radius) var(--ep-radius) 0}
[dir=rtl] .ep-retry{border-radius:var(--ep-radius) 0 0 var(--ep-radius)}
.ep-actions a{background:var(--ep-card);padding:.35rem 1rem;font-size:.9rem}
.ep-ids{display:grid;grid-template-columns:max-content 1fr;border:1px solid var(--ep-border);border-radius:var(--ep-radius);padding:0}
.ep-ids dt,.ep-ids dd{margin:0;padding:.5rem .75rem;border-bottom:1px solid var(--ep-border);min-width:0}
.ep-ids dt{background:var(--ep-card);font-weight:600;border-inline-end:1px solid var(--ep-border)}
.ep-ids :nth-last-child(-n+2){border-bottom:0}
.ep-ids code{border:0;background:none;padding:0}
.ep-foot{text-align:start;border-top:1px solid var(--ep-border);padding-top:1rem;margin-top:3rem}
@media (max-width:30rem){h1{font-size:1.75rem}.ep-ids{grid-template-columns:1fr}.ep-ids dt{border-inline-end:0}}
`,
}

// Retro is a desktop of the nineties: a grey dialog window with bevelled
// edges and a title bar on a teal desktop, bevelled push buttons.
var Retro = Theme{
	Name:        "retro",
	Description: "Retro desktop: a bevelled grey dialog with a title bar on a teal desktop.",
	Light: map[string]string{
		"bg": "#5fb3b3", "fg": "#000000", "muted": "#2e2e2e", "card": "#c3c3c3",
		"border": "#7b7b7b", "accent": "#000080", "accent-text": "#000080", "on-accent": "#ffffff",
		"font":         `Tahoma,"MS Sans Serif",Geneva,Verdana,"DejaVu Sans",sans-serif`,
		"heading-font": `Tahoma,"MS Sans Serif",Geneva,Verdana,"DejaVu Sans",sans-serif`,
		"mono":         `"Lucida Console","Courier New",monospace`, "radius": "0",
	},
	Dark: map[string]string{
		"bg": "#173b3b", "fg": "#f2f2f2", "muted": "#cfcfcf", "card": "#3a3a3a",
		"border": "#8a8a8a", "accent": "#7fa7ff", "accent-text": "#a9c4ff", "on-accent": "#000000",
	},
	Extra: `body{font-size:15px}
.ep-card{position:relative;border:0;padding:2.75rem 1.5rem 1.5rem;box-shadow:inset -2px -2px color-mix(in srgb,var(--ep-card),#000 60%),inset 2px 2px color-mix(in srgb,var(--ep-card),#fff 75%),inset -4px -4px color-mix(in srgb,var(--ep-card),#000 30%),4px 4px 0 color-mix(in srgb,var(--ep-bg),#000 35%)}
.ep-card::before{content:"";position:absolute;inset:4px 4px auto;height:1.6rem;background:linear-gradient(90deg,var(--ep-accent),color-mix(in srgb,var(--ep-accent),var(--ep-card) 55%))}
.ep-card::after{content:"";position:absolute;top:8px;inset-inline-end:9px;width:1.1rem;height:1rem;background:var(--ep-card);box-shadow:inset -1px -1px color-mix(in srgb,var(--ep-card),#000 60%),inset 1px 1px color-mix(in srgb,var(--ep-card),#fff 75%)}
.ep-code{font:700 .8rem/1.4 var(--ep-font);letter-spacing:0;text-transform:none}
h1{font-size:1.4rem;font-weight:700;margin:.25rem 0 .75rem}
.ep-icon{width:2.5rem;height:2.5rem}
.ep-retry{border:0;border-radius:0;background:var(--ep-card);box-shadow:inset 1px 1px color-mix(in srgb,var(--ep-card),#000 50%),inset -1px -1px color-mix(in srgb,var(--ep-card),#fff 75%)}
.ep-actions a{border:0;border-radius:0;min-width:6.5rem;text-align:center;font-weight:400;padding:.35rem 1rem;background:var(--ep-card);box-shadow:inset -1px -1px color-mix(in srgb,var(--ep-card),#000 70%),inset 1px 1px color-mix(in srgb,var(--ep-card),#fff 75%),inset -2px -2px color-mix(in srgb,var(--ep-card),#000 30%)}
.ep-actions a.ep-primary{outline:1px solid var(--ep-fg);outline-offset:-5px;background:var(--ep-card);color:var(--ep-fg);font-weight:700}
.ep-actions a:active{box-shadow:inset 1px 1px color-mix(in srgb,var(--ep-card),#000 70%)}
.ep a:focus-visible{outline:2px dotted var(--ep-fg);outline-offset:-6px}
.ep-ids{border-top:2px groove var(--ep-border)}
.ep-ids code{border-radius:0;background:var(--ep-card)}
.ep-brand,.ep-foot,.ep-foot a{color:var(--ep-fg)}
`,
}
