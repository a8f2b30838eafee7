package gallery

// Stylesheet is the index page's style. The middleware allows it in the
// index's Content-Security-Policy by its hash ([Handler.StyleSrc]).
const Stylesheet = `*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef0f3;color:#1c2330}
header{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #d5dae1;padding:1rem 1.5rem}
h1{font-size:1.15rem;margin:0 0 .25rem}
header p{margin:0 0 .75rem;color:#4d5766}
nav{display:flex;flex-wrap:wrap;gap:.35rem 1.5rem}
nav div{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem}
nav b{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:#4d5766;margin-inline-end:.2rem}
nav a{padding:.15rem .55rem;border:1px solid #d5dae1;border-radius:999px;color:#1c2330;text-decoration:none;font-size:.875rem}
nav a[aria-current]{background:#1c2330;border-color:#1c2330;color:#fff}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,34rem),1fr));gap:1.25rem;padding:1.5rem}
main.phone{grid-template-columns:repeat(auto-fill,392px);justify-content:center}
figure{margin:0;background:#fff;border:1px solid #d5dae1;border-radius:10px;overflow:hidden}
figcaption{display:flex;justify-content:space-between;gap:1rem;padding:.5rem .85rem;border-bottom:1px solid #d5dae1;font-weight:600;font-size:.9rem}
figcaption a{font-weight:400;color:#1f4fc4}
iframe{display:block;width:100%;height:40rem;border:0}
main.phone iframe{width:390px;height:844px}
`
