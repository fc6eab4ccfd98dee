/** Stylesheet of /roadmaps and /roadmaps/:id. Light by default, dark by system setting or choice. */

const LIGHT =
  "--bg:#f6f7fb;--surface:#fff;--fg:#0f172a;--muted:#475569;--border:#cbd5e1;--edge:#94a3b8;--accent:#1d4ed8;--accent-fg:#fff;--accent-soft:#dbeafe;--next:#6d28d9;--next-soft:#ede9fe;--prev:#475569;--done:#15803d;--done-soft:#dcfce7;--focus:#f59e0b;--warn-bg:#fef3c7;--warn-fg:#78350f";
const DARK =
  "--bg:#0b1120;--surface:#131c2e;--fg:#e2e8f0;--muted:#a3b1c6;--border:#334155;--edge:#64748b;--accent:#7fb0ff;--accent-fg:#0b1120;--accent-soft:#1c335c;--next:#c4b5fd;--next-soft:#2e2650;--prev:#a3b1c6;--done:#4ade80;--done-soft:#12361f;--focus:#fbbf24;--warn-bg:#3b2f0b;--warn-fg:#fde68a";

export const ROADMAP_CSS = `
:root{${LIGHT};color-scheme:light}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${DARK};color-scheme:dark}}
:root[data-theme=dark]{${DARK};color-scheme:dark}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:12px;top:8px;background:var(--surface);padding:6px 10px;z-index:2}
.wrap{max-width:1180px;margin:0 auto;padding:0 20px}
.top{background:var(--surface);border-bottom:1px solid var(--border);padding:14px 0 16px}
.topbar{display:flex;align-items:center;gap:12px;flex-wrap:wrap;font-size:14px}
.crumbs{flex:1}
.crumbs a{text-decoration:none;font-weight:600}
h1{font-size:24px;line-height:1.3;margin:8px 0 4px}
h2{font-size:18px;margin:28px 0 10px}
.meta{margin:0;color:var(--muted);font-size:14px}
.meta span+span::before{content:" · "}
.note{margin:8px 0 0;font-size:14px;color:var(--muted)}
.theme select{font:inherit;background:var(--surface);color:var(--fg);border:1px solid var(--border);border-radius:8px;padding:3px 6px}
.locate{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:20px 0 0}
.locate label{font-weight:600}
.locate input{font:inherit;flex:1 1 180px;max-width:320px;padding:7px 10px;border:1px solid var(--border);border-radius:10px;background:var(--surface);color:var(--fg)}
.btn{font:inherit;font-size:14px;cursor:pointer;border-radius:10px;padding:7px 14px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);font-weight:600;text-decoration:none;display:inline-block}
.btn.quiet{background:transparent;color:var(--accent)}
.here{margin:16px 0 0;padding:12px 14px;border-radius:12px;background:var(--accent-soft);border:1px solid var(--accent)}
.here.missing{background:var(--warn-bg);color:var(--warn-fg);border-color:currentColor}
.here p{margin:0}
.progress{margin:18px 0 0;display:flex;flex-wrap:wrap;align-items:center;gap:10px 14px;padding:12px 14px;background:var(--surface);border:1px solid var(--border);border-radius:12px}
.progress h2{margin:0;font-size:15px}
.progress .count{font-weight:600;color:var(--done)}
.progress .bar{flex:1 1 160px;height:8px;border-radius:4px;background:var(--border);overflow:hidden;min-width:120px}
.progress .bar span{display:block;height:100%;width:0;background:var(--done);transition:width .2s}
.progress .note{flex-basis:100%;margin:0;font-size:13px}
.progress .status{flex-basis:100%;margin:0;font-size:13px}
.progress .status:empty{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.graph-wrap{margin:18px 0 0;background:var(--surface);border:1px solid var(--border);border-radius:14px;padding:14px;overflow-x:auto}
.graph{display:block;width:100%;height:auto;margin:0 auto}
.graph-vertical{display:none;max-width:420px}
@media (max-width:640px){.graph-horizontal{display:none}.graph-vertical{display:block}.wrap{padding:0 12px}h1{font-size:20px}.graph-wrap{padding:8px}}
.graph .edge{fill:none;stroke:var(--edge);stroke-width:2}
.graph .edge.done{stroke:var(--done)}
.graph .arrow{fill:var(--edge)}
.graph .box{fill:var(--surface);stroke:var(--border);stroke-width:1.5}
.graph .badge{fill:var(--bg);stroke:var(--border)}
.graph .badge-num{fill:var(--fg);font-size:12px;font-weight:700}
.graph .heading{fill:var(--fg);font-weight:600}
.graph .detail{fill:var(--muted)}
.graph .tag{font-size:12px;font-weight:700;fill:var(--muted)}
.graph .tick{display:none}
.graph .tick circle{fill:var(--done)}
.graph .tick path{fill:none;stroke:var(--surface);stroke-width:2.2;stroke-linecap:round;stroke-linejoin:round}
.graph a{cursor:pointer}
.graph a:hover .box{stroke:var(--accent)}
.graph a:focus{outline:none}
.graph a:focus-visible .box{stroke:var(--focus);stroke-width:4}
.graph .is-current .box{fill:var(--accent-soft);stroke:var(--accent);stroke-width:3}
.graph .is-current .badge{fill:var(--accent);stroke:var(--accent)}
.graph .is-current .badge-num{fill:var(--accent-fg)}
.graph .is-current .tag{fill:var(--accent)}
.graph .is-next .box{fill:var(--next-soft);stroke:var(--next);stroke-width:2.5;stroke-dasharray:7 4}
.graph .is-next .tag{fill:var(--next)}
.graph .is-previous .box{stroke:var(--prev);stroke-dasharray:3 3;stroke-width:2}
.graph .done .tick{display:inline}
.graph .done .box{stroke:var(--done)}
.graph .done .badge{fill:var(--done-soft);stroke:var(--done)}
.stages{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.stage{background:var(--surface);border:1px solid var(--border);border-radius:14px;padding:12px 16px;scroll-margin-top:16px}
.stage.is-current{border:2px solid var(--accent);background:linear-gradient(var(--accent-soft),var(--surface) 64px)}
.stage.is-next{border:2px dashed var(--next)}
.stage.done{border-left:6px solid var(--done)}
.stage-head{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.stage-head h3{margin:0;font-size:16px;flex:1 1 220px;line-height:1.4}
.stage-head h3 a{color:var(--fg);text-decoration:none}
.stage-head h3 a:hover{text-decoration:underline;color:var(--accent)}
.num{flex:none;width:28px;height:28px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font-weight:700;font-size:13px;background:var(--bg);border:1px solid var(--border)}
.is-current .num{background:var(--accent);color:var(--accent-fg);border-color:var(--accent)}
.done .num{background:var(--done-soft);border-color:var(--done)}
.tag{font-size:12px;font-weight:700;border-radius:999px;padding:1px 9px;border:1px solid currentColor}
.tag.now{color:var(--accent)}.tag.next{color:var(--next)}.tag.before{color:var(--prev)}
.tick-box{display:inline-flex;align-items:center;gap:6px;font-size:14px;cursor:pointer;padding:2px 8px;border-radius:8px;border:1px solid var(--border)}
.tick-box input{width:18px;height:18px;accent-color:var(--done);margin:0}
.facts{margin:8px 0 0 38px;font-size:14px;display:grid;gap:4px}
.facts p{margin:0}
.facts .label{color:var(--muted);font-weight:600;margin-right:6px}
.muted{color:var(--muted)}
.cite{font-size:12.5px;white-space:nowrap}
.dur{font-weight:600}
.resources summary{cursor:pointer;color:var(--muted);font-weight:600}
.resources ul{margin:4px 0 0;padding-left:18px}
.resources li{margin:2px 0;overflow-wrap:anywhere}
.overviews{font-size:14px;margin:18px 0 0}
.cards{list-style:none;padding:0;margin:20px 0 40px;display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(340px,1fr))}
@media (max-width:640px){.cards{grid-template-columns:1fr}.facts{margin-left:0}}
.card{background:var(--surface);border:1px solid var(--border);border-radius:14px;padding:14px 16px;display:flex;flex-direction:column;gap:8px}
.card h2{margin:0;font-size:17px;line-height:1.35}
.card h2 a{color:var(--fg);text-decoration:none}
.card h2 a:hover{color:var(--accent);text-decoration:underline}
.strip{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px 4px;font-size:13px}
.strip li{display:flex;align-items:center;gap:4px}
.strip li+li::before{content:"→";color:var(--muted);margin-right:2px}
.strip span{border:1px solid var(--border);border-radius:999px;padding:1px 8px;background:var(--bg)}
.strip .is-current span{background:var(--accent);color:var(--accent-fg);border-color:var(--accent);font-weight:700}
.strip .is-next span{border:2px dashed var(--next);color:var(--next);font-weight:600}
.strip .done span{border-color:var(--done);background:var(--done-soft)}
.card .here{margin:0;font-size:14px;padding:8px 10px}
.card .foot{display:flex;justify-content:space-between;align-items:center;gap:8px;margin-top:auto;font-size:14px}
footer{color:var(--muted);font-size:13px;padding:28px 0 40px}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`;
