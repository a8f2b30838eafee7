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
form{display:flex;flex-wrap:wrap;align-items:end;gap:.5rem 1rem;margin:.75rem 0 0;font-size:.875rem}
form label{display:flex;flex-direction:column;gap:.1rem;color:#4d5766}
fieldset{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0;padding:.25rem .75rem .5rem;border:1px solid #d5dae1;border-radius:8px}
legend{color:#4d5766}
select,input,button{font:inherit;color:#1c2330;background:#fff;border:1px solid #8c96a5;border-radius:6px;padding:.2rem .4rem}
button{background:#1c2330;color:#fff;border-color:#1c2330;padding:.3rem 1rem}
:focus-visible{outline:3px solid #1f4fc4;outline-offset:2px}
.error{flex-basis:100%;margin:0;color:#a4161a}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,34rem),1fr));gap:1.25rem;padding:1.5rem}
main.phone{grid-template-columns:repeat(auto-fill,392px);justify-content:center}
figure{margin:0;background:#fff;border:1px solid #d5dae1;border-radius:10px;overflow:hidden}
figcaption{display:flex;justify-content:space-between;gap:1rem;padding:.5rem .85rem;border-bottom:1px solid #d5dae1;font-weight:600;font-size:.9rem}
figcaption a{font-weight:400;color:#1f4fc4}
iframe{display:block;width:100%;height:40rem;border:0}
main.phone iframe{width:390px;height:844px}
`
