package theme

// stylesheet is the built-in page style. Colours and fonts are CSS custom
// properties on the page's root element (see [Theme]), so a theme is a
// handful of property values; [Theme.CSS] prepends them, and the
// middleware hashes the result for the Content-Security-Policy.
//
// It uses logical properties (margin-inline-start, float:inline-end, ...)
// so that a right-to-left language mirrors the page.
const stylesheet = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100vh;min-height:100dvh;display:flex;background:var(--ep-bg);color:var(--ep-fg);font:16px/1.6 var(--ep-font);-webkit-font-smoothing:antialiased}
.ep{margin:auto;width:100%;max-width:42rem;padding:2.5rem 1.25rem}
.ep-brand{display:inline-flex;align-items:center;gap:.6rem;margin:0 0 1.5rem;color:var(--ep-fg);text-decoration:none;font-weight:650;font-size:1.05rem}
.ep-brand img,.ep-brand svg{display:block;height:2rem;width:auto;max-width:10rem}
.ep-card{background:var(--ep-card);border:1px solid var(--ep-border);border-radius:var(--ep-radius);padding:2rem 1.75rem}
.ep-code{margin:0;color:var(--ep-accent-text);font:600 .8rem/1.4 var(--ep-mono);letter-spacing:.08em;text-transform:uppercase}
.ep-icon{width:2.75rem;height:2.75rem;color:var(--ep-accent-text);float:inline-end;margin:0 0 .5rem;margin-inline-start:1rem}
h1{font-family:var(--ep-heading-font);font-size:1.75rem;line-height:1.25;margin:.35rem 0 1rem;overflow-wrap:anywhere;text-wrap:balance}
:lang(ja) h1{word-break:auto-phrase}
:where(.ep) p{margin:0 0 1rem;overflow-wrap:anywhere}
.ep-muted{color:var(--ep-muted)}
.ep-retry{padding:.75rem 1rem;border-inline-start:3px solid var(--ep-accent);background:var(--ep-bg);border-start-end-radius:var(--ep-radius);border-end-end-radius:var(--ep-radius)}
.ep-actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0 0;padding:0;list-style:none}
.ep-actions a{display:inline-block;padding:.6rem 1.1rem;border-radius:var(--ep-radius);border:1px solid var(--ep-border);color:var(--ep-fg);text-decoration:none;font-weight:600}
.ep-actions a:hover{border-color:var(--ep-accent)}
.ep-actions a.ep-primary{background:var(--ep-accent);border-color:var(--ep-accent);color:var(--ep-on-accent)}
.ep a:focus-visible{outline:3px solid var(--ep-accent);outline-offset:2px}
.ep-ids{margin:1.75rem 0 0;padding:1rem 0 0;border-top:1px solid var(--ep-border);font-size:.875rem}
.ep-ids dt{color:var(--ep-muted)}
.ep-ids dd{margin:0 0 .5rem}
.ep-ids code{font:.875rem/1.5 var(--ep-mono);user-select:all;-webkit-user-select:all;background:var(--ep-bg);border:1px solid var(--ep-border);border-radius:4px;padding:.1rem .4rem;overflow-wrap:anywhere}
.ep-debug{margin:1.5rem 0 0}
.ep-debug pre{overflow:auto;max-height:24rem;padding:1rem;background:var(--ep-bg);border:1px solid var(--ep-border);border-radius:4px;font:.75rem/1.5 var(--ep-mono);white-space:pre}
.ep-foot{margin:1.5rem 0 0;font-size:.875rem;color:var(--ep-muted);text-align:center}
.ep-foot a{color:inherit;text-underline-offset:.2em}
@media (max-width:30rem){.ep{padding:1.25rem 1rem}.ep-card{padding:1.5rem 1.25rem}h1{font-size:1.5rem}.ep-icon{width:2.25rem;height:2.25rem}.ep-actions{flex-direction:column}.ep-actions a{display:block;text-align:center}}
`
