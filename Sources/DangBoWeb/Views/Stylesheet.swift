/// DangBo's one stylesheet, served from the binary (no external asset, no font to fetch): readable on an office
/// desktop and a phone, and printable on A4 without the menu (UX.md "Printing").
enum Stylesheet {
    static let css = """
    :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --party: #b3141c; --paper: #ffffff; --shade: #f5f5f7; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 "Times New Roman", "Noto Serif", serif; color: var(--ink); background: var(--shade); }
    a { color: #0b57d0; } a:focus, button:focus, input:focus, select:focus { outline: 2px solid #0b57d0; outline-offset: 1px; }
    .topbar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 1rem;
      background: var(--party); color: #fff; }
    .topbar a, .topbar .brand { color: #fff; font-weight: bold; text-decoration: none; font-size: 1.1rem; }
    .topbar .asof { margin-left: auto; } .topbar form { margin: 0; }
    .topbar button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 3px; padding: .2rem .6rem; cursor: pointer; }
    .frame { display: flex; min-height: calc(100vh - 3rem); }
    .menu { flex: 0 0 13rem; background: var(--paper); border-right: 1px solid var(--line); }
    .menu ul { list-style: none; margin: 0; padding: .5rem 0; }
    .menu a, .menu .later { display: block; padding: .35rem 1rem; text-decoration: none; color: var(--ink); }
    .menu .later { color: var(--muted); } .menu a.current { background: var(--shade); border-left: 3px solid var(--party); font-weight: bold; }
    main { flex: 1; padding: 1rem 1.5rem; background: var(--paper); min-width: 0; }
    h1 { font-size: 1.4rem; margin: 0 0 1rem; } h2 { font-size: 1.15rem; }
    table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; }
    th { background: var(--shade); } td.number, th.number { text-align: right; } thead { display: table-header-group; }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .75rem; margin-bottom: 1rem; }
    .figure { border: 1px solid var(--line); padding: .6rem .8rem; } .figure .value { font-size: 1.6rem; font-weight: bold; }
    form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: 1rem; }
    label { display: block; font-weight: bold; } input, select, button { font: inherit; padding: .25rem .4rem; }
    .field { margin-bottom: .8rem; } .error { color: var(--party); font-weight: bold; margin: .2rem 0; }
    .login { max-width: 24rem; margin: 4rem auto; background: var(--paper); padding: 1.5rem; border: 1px solid var(--line); }
    .pages { margin-top: 1rem; display: flex; gap: 1rem; } .muted { color: var(--muted); }
    @media (max-width: 700px) { .frame { flex-direction: column; } .menu { flex-basis: auto; border-right: 0; }
      .menu ul { display: flex; flex-wrap: wrap; } .menu a, .menu .later { padding: .25rem .6rem; } }
    @media print { @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
      body { background: #fff; font-size: 13pt; } .topbar, .menu, form.filters, .pages, .logout { display: none; }
      main { padding: 0; } a { color: inherit; text-decoration: none; } tr { page-break-inside: avoid; }
      .screen-only, main:has(.party-document) > h1 { display: none; } .party-document { border: 0; padding: 0; margin: 0; max-width: none; }
      .pd-appendix { break-before: page; border: 0; margin: 0; padding: 0; } .party-document details { display: none; } }
    .notice { border-left: 3px solid #1e7d32; padding: .3rem .6rem; background: #f1f8f1; }
    ol.issues, ul.warnings { font-size: .9rem; } ol.issues code, ul.warnings code { font-family: inherit; white-space: pre-wrap; }
    .import-confirm { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; }
    .party-document { font-family: "Times New Roman", Times, serif; font-size: 14pt; max-width: 165mm; background: #fff;
      padding: 1rem 1.5rem; border: 1px solid var(--line); margin: 1rem 0; }
    .party-document table.pd-head, .party-document table.pd-foot { border: 0; margin-bottom: .8rem; font-size: 13pt; }
    .party-document table.pd-head td, .party-document table.pd-foot td { border: 0; vertical-align: top; text-align: center; width: 50%; }
    .pd-issuing, .pd-party, .pd-kind, .pd-summary, .pd-sign div:not(.pd-space), .pd-h1, .pd-h2 { font-weight: bold; }
    .pd-party { display: inline-block; border-bottom: 1px solid currentColor; } .pd-date { font-style: italic; margin-top: .4rem; }
    .pd-kind { text-align: center; font-size: 16pt; margin-top: 1rem; } .pd-summary, .pd-rule { text-align: center; }
    .pd-p { text-align: justify; text-indent: 1.25cm; margin: .3rem 0; } .pd-h1, .pd-h2 { margin: .6rem 0 .3rem; }
    .pd-h2 { text-indent: 1.25cm; } .party-document table.pd-table { margin: .5rem 0; font-size: 13pt; }
    .pd-recipients { text-align: left !important; font-size: 11pt; } .pd-to { font-weight: bold; font-style: italic; font-size: 12pt; }
    .pd-space { height: 4rem; } .pd-appendix { margin-top: 2rem; border-top: 1px dashed var(--line); padding-top: 1rem; }
    .pd-appendix table.pd-table { font-size: 11pt; }
    form.narrative textarea { width: 100%; max-width: 48rem; font: inherit; } .draft-sentences { max-width: 48rem; }
    form.inline { display: inline; } button.link { border: 0; background: none; color: var(--party); text-decoration: underline; cursor: pointer; }
    table.audit-log td { vertical-align: top; } p.chain { margin-bottom: 1rem; }
    .charts .chart { margin-bottom: 1.5rem; } .chart h3 { font-size: 1rem; margin: .5rem 0; }
    .chart svg.chart-svg { display: block; width: 100%; max-width: 48rem; height: auto; font-family: inherit; }
    .chart details, details.figure-list { margin: .3rem 0 .8rem; } .chart summary, details.figure-list summary { cursor: pointer; }
    @media print { .chart { page-break-inside: avoid; } .chart details > table { display: table; } }
    section.tree-change { border-top: 1px solid var(--line); margin-top: 1.2rem; } .tree-change fieldset { margin-bottom: .8rem; }
    .tree-change .check label { display: inline; font-weight: normal; } .tree-change .part { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .event-kinds ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: .5rem 0 1rem; }
    a.button { display: inline-block; padding: .25rem .7rem; border: 1px solid var(--line); border-radius: 3px; background: var(--shade);
      color: var(--ink); text-decoration: none; } a.button.current { border-color: var(--party); font-weight: bold; }
    form.event-form { max-width: 40rem; } .event-form input[type=text], .event-form select { width: 100%; }
    .event-form fieldset { border: 1px solid var(--line); margin: 0 0 1rem; } .event-form legend { font-weight: bold; }
    .hint { color: var(--muted); margin: .1rem 0; font-size: .95em; } .actions { display: flex; gap: 1rem; align-items: center; }
    @media print { .event-kinds { display: none; } }
    """
}
