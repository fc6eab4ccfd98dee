/**
 * The widget's stylesheet. It lives inside the shadow root, and `:host { all: initial }` cuts
 * inheritance from the page, so host CSS cannot restyle the widget and ours cannot leak out.
 *
 * Colours meet WCAG AA (4.5:1 for text) in both themes, checked by axe in
 * tests/browser/accessibility.test.ts. Links use --rt-link, not the accent: a host's
 * data-accent colours buttons and focus rings, but cannot make cited sources unreadable.
 * The input is 16px: iOS Safari zooms the page into any focused field with smaller text.
 */
export const WIDGET_CSS = `
:host{all:initial}
.rt-root{--rt-accent:#2563eb;--rt-accent-fg:#fff;--rt-link:#1d4ed8;--rt-bg:#fff;--rt-fg:#111827;--rt-muted:#4b5563;--rt-border:#e5e7eb;--rt-soft:#f3f4f6;--rt-user:#eef2ff;--rt-warn-bg:#fffbeb;--rt-warn-fg:#92400e;--rt-err-bg:#fef2f2;--rt-err-fg:#991b1b;--rt-code:#f3f4f6;
font:14px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:var(--rt-fg);-webkit-font-smoothing:antialiased;text-align:left;letter-spacing:normal;direction:ltr}
.rt-dark{--rt-bg:#111827;--rt-fg:#f3f4f6;--rt-muted:#9ca3af;--rt-border:#374151;--rt-soft:#1f2937;--rt-user:#1e293b;--rt-warn-bg:#3b2f0b;--rt-warn-fg:#fcd34d;--rt-err-bg:#3b1212;--rt-err-fg:#fca5a5;--rt-code:#1f2937;--rt-accent:#60a5fa;--rt-accent-fg:#0b1220;--rt-link:#93c5fd}
@media (prefers-color-scheme:dark){.rt-auto{--rt-bg:#111827;--rt-fg:#f3f4f6;--rt-muted:#9ca3af;--rt-border:#374151;--rt-soft:#1f2937;--rt-user:#1e293b;--rt-warn-bg:#3b2f0b;--rt-warn-fg:#fcd34d;--rt-err-bg:#3b1212;--rt-err-fg:#fca5a5;--rt-code:#1f2937;--rt-accent:#60a5fa;--rt-accent-fg:#0b1220;--rt-link:#93c5fd}}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
button,textarea{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--rt-accent);outline-offset:2px}
.rt-launcher{position:fixed;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;background:var(--rt-accent);color:var(--rt-accent-fg);cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;padding:0}
.rt-launcher svg{width:28px;height:28px;fill:currentColor}
.rt-right .rt-launcher,.rt-right .rt-panel{right:20px}
.rt-left .rt-launcher,.rt-left .rt-panel{left:20px}
.rt-panel{position:fixed;bottom:88px;z-index:2147483001;width:400px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 110px);background:var(--rt-bg);color:var(--rt-fg);border:1px solid var(--rt-border);border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.rt-header{display:flex;align-items:center;gap:6px;padding:10px 12px;border-bottom:1px solid var(--rt-border);background:var(--rt-soft)}
.rt-title{flex:1;margin:0;font-size:15px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.rt-icon-btn{border:1px solid transparent;background:transparent;border-radius:8px;padding:4px 8px;cursor:pointer;font-size:13px;color:var(--rt-fg)}
.rt-icon-btn:hover{background:var(--rt-border)}
.rt-close{font-size:20px;line-height:1;padding:2px 9px}
.rt-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.rt-msg{max-width:92%;display:flex;flex-direction:column;gap:6px}
.rt-user{align-self:flex-end}
.rt-assistant{align-self:flex-start}
.rt-bubble{padding:8px 12px;border-radius:12px;background:var(--rt-soft);overflow-wrap:anywhere;white-space:normal}
.rt-user .rt-bubble{background:var(--rt-user);white-space:pre-wrap}
.rt-bubble p{margin:0 0 .5em}.rt-bubble p:last-child{margin-bottom:0}
.rt-bubble ul,.rt-bubble ol{margin:.25em 0 .5em;padding-left:1.4em}
.rt-bubble h3,.rt-bubble h4,.rt-bubble h5,.rt-bubble h6{margin:.4em 0 .3em;font-size:1em}
.rt-bubble code{background:var(--rt-code);border-radius:4px;padding:0 4px;font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.rt-bubble pre{background:var(--rt-code);padding:8px;border-radius:6px;overflow-x:auto;margin:.4em 0}
.rt-bubble pre code{padding:0;background:none}
.rt-bubble blockquote{margin:.3em 0;padding-left:.8em;border-left:3px solid var(--rt-border);color:var(--rt-muted)}
.rt-bubble a,.rt-sources a{color:var(--rt-link)}
.rt-cite{text-decoration:none;font-size:.8em;vertical-align:super;margin:0 1px}
.rt-abstained .rt-bubble{background:var(--rt-warn-bg);color:var(--rt-warn-fg);border:1px dashed currentColor}
.rt-badge{display:block;font-size:12px;font-weight:600;margin-bottom:4px}
.rt-note{font-size:12px;color:var(--rt-muted)}
.rt-low{display:block;margin-bottom:4px;padding:2px 6px;border-radius:4px;background:var(--rt-warn-bg);color:var(--rt-warn-fg)}
.rt-sources{font-size:12.5px;border-left:2px solid var(--rt-border);padding-left:8px}
.rt-sources-title{font-weight:600;color:var(--rt-muted);margin-bottom:2px;cursor:pointer}
.rt-sources ol{margin:0;padding:0;list-style:none}
.rt-sources li{margin:3px 0}
.rt-excerpt{color:var(--rt-muted);display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;white-space:pre-wrap}
.rt-error{background:var(--rt-err-bg);color:var(--rt-err-fg);border-radius:10px;padding:8px 10px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.rt-error-detail{flex-basis:100%;font-size:12px;opacity:.85}
.rt-retry{border:1px solid currentColor;background:transparent;border-radius:8px;padding:2px 10px;cursor:pointer;color:inherit}
.rt-retry[disabled]{opacity:.5;cursor:default}
.rt-thinking{color:var(--rt-muted);font-style:italic}
.rt-starters{display:flex;flex-direction:column;gap:6px;align-items:flex-start}
.rt-starter{border:1px solid var(--rt-border);background:var(--rt-bg);border-radius:14px;padding:5px 12px;cursor:pointer;text-align:left}
.rt-starter:hover{border-color:var(--rt-accent)}
.rt-composer{display:flex;gap:8px;padding:10px;border-top:1px solid var(--rt-border);align-items:flex-end;margin:0}
.rt-input{flex:1;resize:none;min-height:40px;max-height:140px;border:1px solid var(--rt-border);border-radius:10px;padding:8px 10px;background:var(--rt-bg);line-height:1.4;font-size:16px}
.rt-send,.rt-stop{border:0;border-radius:10px;padding:9px 14px;cursor:pointer;background:var(--rt-accent);color:var(--rt-accent-fg);font-weight:600}
.rt-stop{background:var(--rt-err-fg);color:var(--rt-bg)}
.rt-send[disabled]{opacity:.5;cursor:default}
.rt-strips{display:flex;flex-direction:column;gap:8px}
.rt-strip{border:1px solid var(--rt-border);border-radius:10px;padding:8px 10px;font-size:12.5px;display:flex;flex-direction:column;gap:4px}
.rt-strip-title{font-weight:600;color:var(--rt-muted)}
.rt-dots{display:block;max-width:100%;height:24px}
.rt-track{stroke:var(--rt-border);stroke-width:2}
.rt-dot{fill:var(--rt-bg);stroke:var(--rt-muted);stroke-width:1.5}
.rt-dot.rt-now{fill:var(--rt-accent);stroke:var(--rt-accent)}
.rt-dot.rt-other{fill:var(--rt-bg);stroke:var(--rt-accent);stroke-width:2.5;stroke-dasharray:3 2}
.rt-dot.rt-done{fill:#16a34a;stroke:#16a34a}
.rt-strip-caption{margin:0}
.rt-strip-now{font-weight:600}
.rt-strip-link{color:var(--rt-link);font-weight:600}
.rt-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.rt-panel{inset:0!important;width:100%;max-width:none;height:100%;max-height:none;border-radius:0;border:0}.rt-open .rt-launcher{display:none}}
@media (prefers-reduced-motion:no-preference){.rt-panel{animation:rt-in .16s ease-out}@keyframes rt-in{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}}
`;
