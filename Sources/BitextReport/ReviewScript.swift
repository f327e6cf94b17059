/// The review page's own stylesheet and scripts. The scripts are constants: the page's
/// Content-Security-Policy allows exactly them by their SHA-256 (`script-src 'sha256-…'`), so no
/// other script — one smuggled in through a document — could run, and nothing is fetched.
enum ReviewScript {
    /// (In the head, run once the document is parsed.) Filter, `j`/`k` and buttons to walk the problems, sentence highlighting on hover and focus.
    static let review = """
        document.addEventListener('DOMContentLoaded', function () {
          'use strict';
          var doc = document, root = doc.documentElement;
          var rows = doc.querySelectorAll('main .row');
          var need = { all: '', problems: 'problem', untranslated: 'todo', stale: 'stale' };
          var filter = 'all';
          function shown(r) { var c = need[filter]; return !c || r.classList.contains(c); }
          function setFilter(f) {
            if (!(f in need)) return;
            filter = f;
            root.setAttribute('data-show', f);
            var bs = doc.querySelectorAll('[data-filter]');
            for (var i = 0; i < bs.length; i++) bs[i].setAttribute('aria-pressed', String(bs[i].getAttribute('data-filter') === f));
            var n = 0;
            for (var j = 0; j < rows.length; j++) if (shown(rows[j])) n++;
            var out = doc.getElementById('shown-count');
            if (out) out.textContent = String(n);
          }
          function current() {
            var a = doc.activeElement, r = a && a.closest ? a.closest('main .row') : null;
            return r ? +r.getAttribute('data-i') : -1;
          }
          function go(step) {
            var i = current();
            if (i < 0 && step < 0) i = rows.length;
            for (var k = i + step; k >= 0 && k < rows.length; k += step) {
              var r = rows[k];
              if (r.classList.contains('problem') && shown(r)) {
                r.focus({ preventScroll: true });
                r.scrollIntoView({ block: 'center' });
                return;
              }
            }
          }
          doc.addEventListener('keydown', function (e) {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            var t = e.target;
            if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
            if (e.key === 'j') { e.preventDefault(); go(1); }
            else if (e.key === 'k') { e.preventDefault(); go(-1); }
          });
          doc.addEventListener('click', function (e) {
            var b = e.target && e.target.closest ? e.target.closest('[data-filter], #next-problem, #prev-problem') : null;
            if (!b) return;
            if (b.id === 'next-problem') go(1);
            else if (b.id === 'prev-problem') go(-1);
            else setFilter(b.getAttribute('data-filter'));
          });
          var lit = [];
          function light(s) {
            for (var i = 0; i < lit.length; i++) lit[i].classList.remove('hi');
            lit = [];
            if (!s) return;
            var scope = s.closest('main .row') || doc;
            var all = scope.querySelectorAll('.s[data-g="' + s.getAttribute('data-g') + '"]');
            for (var j = 0; j < all.length; j++) { all[j].classList.add('hi'); lit.push(all[j]); }
          }
          function sentence(t) { return t && t.closest ? t.closest('.s[data-g]') : null; }
          doc.addEventListener('mouseover', function (e) { light(sentence(e.target)); });
          doc.addEventListener('focusin', function (e) { var s = sentence(e.target); if (s) light(s); });
          setFilter('all');
          root.setAttribute('data-ready', '1');
          if (window.performance && performance.mark) performance.mark('bitext-ready');
        });
        """

    /// Sorting the overview's table by a column (numbers as numbers).
    static let index = """
        document.addEventListener('DOMContentLoaded', function () {
          'use strict';
          var table = document.querySelector('table.pages');
          if (table) {
            var body = table.tBodies[0];
            table.addEventListener('click', sort);
            table.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(e); } });
          }
          function sort(e) {
            var th = e.target.closest ? e.target.closest('th[data-sort]') : null;
            if (!th) return;
            var col = +th.getAttribute('data-sort');
            var up = th.getAttribute('aria-sort') !== 'ascending';
            var ths = table.querySelectorAll('th[data-sort]');
            for (var i = 0; i < ths.length; i++) ths[i].setAttribute('aria-sort', 'none');
            th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
              var nx = parseFloat(x), ny = parseFloat(y);
              var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
              return up ? c : -c;
            });
            for (var j = 0; j < rows.length; j++) body.appendChild(rows[j]);
          }
          document.documentElement.setAttribute('data-ready', '1');
        });
        """

    static let indexCSS = """
        table.pages th{cursor:pointer;text-align:left;white-space:nowrap;border:1px solid #d0d7de;padding:.2em .5em;background:#f6f8fa}
        table.pages th[aria-sort=ascending]::after{content:" ▲"}table.pages th[aria-sort=descending]::after{content:" ▼"}
        table.pages td:nth-child(n+3){text-align:right}.hint{color:#57606a}
        """

    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}
        header{position:sticky;top:0;z-index:2;padding:.6em 1.5em;border-bottom:1px solid #d0d7de;background:#f6f8fa}
        h1{font-size:1.25em;margin:0 0 .2em}.meta,.counts{margin:0;color:#57606a;font-size:.9em}
        .count{margin-right:.8em;padding-left:.4em;border-left:4px solid #d0d7de}.count.untranslated{border-color:#cf222e}.count.partial{border-color:#bf8700}
        .count.missing{border-color:#8250df}.count.extra{border-color:#0969da}.count.stale{border-color:#1a7f37}.count.error{border-color:#cf222e}.count.warning{border-color:#9a6700}
        .toolbar{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;margin-top:.4em;font-size:.9em}
        .toolbar button{font:inherit;padding:.15em .6em;border:1px solid #d0d7de;border-radius:6px;background:#fff;cursor:pointer}
        .toolbar button[aria-pressed=true]{background:#0969da;color:#fff;border-color:#0969da}
        .filters{display:inline-flex;gap:.3em}.shown{color:#57606a;margin:0 .6em}
        kbd{font:.8em ui-monospace,monospace;border:1px solid #d0d7de;border-radius:3px;padding:0 .3em;background:#f6f8fa;color:#1f2328}
        .layout{display:grid;grid-template-columns:15em 1fr}
        nav{position:sticky;top:7em;align-self:start;max-height:calc(100vh - 7em);overflow:auto;padding:1em;border-right:1px solid #d0d7de;font-size:.9em}
        nav ul{list-style:none;margin:0;padding:0}nav li.h2{padding-left:.8em}nav li.h3{padding-left:1.6em}nav li.h4,nav li.h5,nav li.h6{padding-left:2.4em}
        nav a{color:#0969da;text-decoration:none}
        .mk{display:inline-block;min-width:1.5em;margin-left:.3em;padding:0 .35em;border-radius:1em;background:#ffebe9;color:#cf222e;font-size:.8em;text-align:center}
        main{padding:0 1em;min-width:0}
        .row{display:grid;grid-template-columns:1fr 1fr;gap:1.5em;padding:.4em .6em;border-left:4px solid transparent;border-bottom:1px solid #f0f0f0;content-visibility:auto;contain-intrinsic-size:auto 5em;scroll-margin-top:8em}
        .row:focus{outline:2px solid #0969da;outline-offset:-2px}
        .row>div{min-width:0;overflow-wrap:anywhere;position:relative}
        .row.untranslated{border-left-color:#cf222e;background:#fff5f5}
        .row.partial{border-left-color:#bf8700;background:#fffbeb}
        .row.missing{border-left-color:#8250df;background:#fbf8ff}
        .row.moved{border-left-color:#8c959f}.moved-to{color:#57606a;font-style:italic}
        .row.extra,.row.note{border-left-color:#0969da}
        .row.stale{box-shadow:inset 3px 0 0 #1a7f37}
        [data-show=problems] main .row:not(.problem),[data-show=untranslated] main .row:not(.todo),[data-show=stale] main .row:not(.stale){display:none}
        .ln{display:block;width:max-content;color:#8c959f;font:.75em/1.4 ui-monospace,monospace;text-decoration:none}
        .ln:hover{color:#0969da;text-decoration:underline}
        .src{color:#424a53}
        .s{border-radius:2px}.s:focus{outline:1px dotted #0969da}
        .s.hi{background:#ddf4ff;box-shadow:0 0 0 1px #54aeff}
        mark{background:none;color:inherit}
        .hl-ml{background:#ffd8d3;text-decoration:underline wavy #cf222e;text-underline-offset:3px}
        .hl-gf{background:#ffebe9;box-shadow:inset 0 -2px 0 #cf222e}
        .hl-gh{box-shadow:inset 0 -2px 0 #2da44e}
        .hl-f{box-shadow:inset 0 -2px 0 #bf8700}
        .anchor{margin-left:.3em;color:#8c959f;text-decoration:none;font-size:.8em}
        aside.container,aside.callout,div.container,div.variant{margin:.5em 0;padding:.3em .8em;border-left:4px solid #0969da;background:#f6f8fa;border-radius:4px}
        aside.warning,aside.danger,aside.caution,div.warning,div.danger{border-left-color:#cf222e;background:#fff5f5}
        aside.tip,div.tip,aside.important{border-left-color:#1a7f37;background:#f0fff4}
        .container-title,.callout-title{font-weight:600;margin:.2em 0}
        div.variant{border-left-color:#8250df;background:#fbf8ff}
        .variant-label{display:inline-block;margin:0 0 .2em;padding:0 .5em;border-radius:1em;background:#8250df;color:#fff;font:.75em ui-monospace,monospace}
        pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:.85em}code{font-size:.9em}
        table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2em .5em}
        img{max-width:100%}.remote-image{display:inline-block;padding:0 .4em;border:1px dashed #d0d7de;border-radius:4px;font-size:.9em}
        .findings{clear:both;margin:.3em 0;padding-left:1.2em;font-size:.85em}.findings .error{color:#cf222e}.findings .warning{color:#9a6700}.findings .info{color:#57606a}
        .findings .item{list-style:none;margin-left:-1.2em;color:#1f2328}.findings .item>ul{padding-left:1.2em}
        .item-name{color:#57606a;font-size:.95em}.more{color:#57606a}
        .rule{font-family:ui-monospace,monospace;font-size:.9em}
        @media (max-width:800px){.layout{grid-template-columns:1fr}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid #d0d7de}
        header{position:static}.row{grid-template-columns:1fr;gap:.3em}.src{border-bottom:1px dashed #d0d7de;padding-bottom:.3em}}
        """
}
