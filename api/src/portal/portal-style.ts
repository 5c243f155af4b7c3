/**
 * The portal's only style sheet, served from /privacy/portal.css: the pages carry no inline
 * style or script, so their Content-Security-Policy allows neither. Colours meet WCAG 2.1 AA
 * contrast (4.5:1 for text) on white.
 */
export const PORTAL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.55;
  color: #1f2328;
  background: #f4f6f8;
}
a { color: #0b57a4; }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible {
  outline: 3px solid #f2a900;
  outline-offset: 2px;
}
.skip { position: absolute; left: -10000px; top: 0; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 1; }
header.site {
  background: #12355b;
  color: #fff;
}
header.site .bar, main, footer.site .bar {
  max-width: 46rem;
  margin: 0 auto;
  padding: 0 1rem;
}
header.site .bar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: .5rem 1rem;
  padding-top: .9rem;
  padding-bottom: .9rem;
}
header.site .company { font-weight: 700; font-size: 1.15rem; margin: 0; }
header.site a { color: #fff; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
.card {
  background: #fff;
  border: 1px solid #d0d7de;
  border-radius: 8px;
  padding: 1.25rem;
  margin: 0 0 1.25rem;
}
.card > :first-child { margin-top: 0; }
.card > :last-child { margin-bottom: 0; }
.field { margin: 0 0 1.1rem; }
label, legend { display: block; font-weight: 600; margin: 0 0 .3rem; }
.hint { color: #4a5561; font-size: .95rem; margin: 0 0 .35rem; }
.req { font-weight: 400; color: #4a5561; }
input[type=text], input[type=email], input[type=tel], textarea {
  width: 100%;
  font: inherit;
  padding: .6rem .7rem;
  border: 1px solid #6e7781;
  border-radius: 6px;
  background: #fff;
  color: inherit;
}
textarea { min-height: 8rem; resize: vertical; }
input.code { max-width: 12rem; font-size: 1.4rem; letter-spacing: .3rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.1rem; }
.choice { display: flex; gap: .6rem; align-items: flex-start; margin: .35rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: .15rem 0 0; flex: none; }
.choice label { font-weight: 400; margin: 0; }
button {
  font: inherit;
  font-weight: 600;
  color: #fff;
  background: #0b57a4;
  border: 0;
  border-radius: 6px;
  padding: .7rem 1.4rem;
  cursor: pointer;
}
button:hover { background: #08447f; }
.error { color: #a4000f; font-weight: 600; margin: .3rem 0 0; }
[aria-invalid=true] { border-color: #a4000f; border-width: 2px; }
.alert { border-left: 6px solid #a4000f; background: #fff4f4; padding: .8rem 1rem; margin: 0 0 1.25rem; }
.alert ul { margin: .4rem 0 0; padding-left: 1.2rem; }
.ok { border-left: 6px solid #1a7f37; background: #effaf1; padding: .8rem 1rem; margin: 0 0 1.25rem; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.notice { font-size: .95rem; color: #333c45; }
.notice p { margin: 0 0 .6rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.letter { border-top: 1px solid #d0d7de; padding-top: .9rem; margin-top: .9rem; }
.letter h3 { font-size: 1.05rem; margin: 0 0 .2rem; }
.letter .when { color: #4a5561; font-size: .95rem; margin: 0 0 .5rem; }
.letter .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
footer.site { color: #4a5561; font-size: .9rem; padding: 0 0 2rem; }
@media (max-width: 30rem) {
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .5rem; }
  h1 { font-size: 1.4rem; }
}
`;
