/// The frame of every HTML document `assess` writes: one self-contained file with its style
/// inline and a content security policy that forbids loading anything, so that opening it
/// never touches the network. It reads at any width down to a phone's without scrolling
/// sideways, prints on A4 portrait without cutting a card in two, and says everything in
/// words and patterns, never by colour alone.
enum HTMLPage {
    /// The colour of needs in charts and outlines.
    static let needColour = "#a8431f"
    /// The colour of strengths in charts.
    static let strengthColour = "#1d6b58"

    /// A whole document titled `title`, with `body` inside the page.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="referrer" content="no-referrer">
        <title>\(HTML.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <div class="page">
        \(body)
        </div>
        </body>
        </html>

        """
    }

    /// The style sheet: screen first, then A4 print.
    static let style = """
        :root { --ink: #1f1f1f; --muted: #575757; --line: #c8c8c8; --soft: #f6f4f1; --need: \(needColour); \
        --strength: \(strengthColour); --alert: #a4161a; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #ffffff; \
        font: 16px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif; }
        .page { max-width: 47rem; margin: 0 auto; padding: 1.75rem 1.25rem 3rem; }
        p, li, td, th, dd, h1, h2, h3 { overflow-wrap: break-word; }
        h1 { font-size: 1.8rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
        h2 { font-size: 1.3rem; line-height: 1.25; margin: 2rem 0 0.8rem; padding-bottom: 0.3rem; \
        border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.1rem; line-height: 1.3; margin: 0 0 0.5rem; }
        p { margin: 0 0 0.7rem; }
        ul, ol { margin: 0 0 0.7rem; padding-left: 1.4rem; }
        li { margin-bottom: 0.35rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; font-weight: 600; \
        color: var(--muted); margin: 0; }
        .lead { font-size: 1.05rem; }
        .muted { color: var(--muted); }
        .small { font-size: 0.875rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1rem 0 0; \
        padding: 0.8rem 1rem; background: var(--soft); border-radius: 6px; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; min-width: 0; }
        .status { font-weight: 600; border: 2px dashed var(--ink); border-radius: 6px; padding: 0.7rem 1rem; \
        margin-top: 1.2rem; }
        .keep { break-inside: avoid; page-break-inside: avoid; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.1rem 0.4rem; margin: 0 0 1rem; \
        break-inside: avoid; page-break-inside: avoid; }
        .card.lynchpin { border: 3px solid var(--need); }
        .card-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; \
        gap: 0.3rem 0.8rem; margin-bottom: 0.4rem; }
        .card-head h3 { margin: 0; }
        .tag { display: inline-block; font-size: 0.82rem; font-weight: 700; border: 1.5px solid currentColor; \
        border-radius: 4px; padding: 0 0.45rem; white-space: nowrap; }
        .tag.top { background: var(--ink); color: #ffffff; border-color: var(--ink); }
        .tag.first { font-weight: 600; color: var(--muted); }
        .safety { border: 2px solid var(--alert); border-left-width: 10px; border-radius: 6px; \
        padding: 0.9rem 1.1rem 0.3rem; margin: 1.5rem 0 1rem; background: #fff7f6; }
        .safety h2 { margin-top: 0; border-bottom: none; padding-bottom: 0; }
        .safety h2::before { content: "! "; }
        .alert { list-style: none; margin: 0 0 0.8rem -1.4rem; padding: 0.6rem 0.8rem 0.2rem; background: #ffffff; \
        border: 1px solid var(--line); border-radius: 4px; break-inside: avoid; page-break-inside: avoid; }
        .alert p { margin: 0 0 0.4rem; }
        .support { border-top: 1px dashed var(--line); padding-top: 0.5rem; }
        .support-label { font-weight: 600; margin-bottom: 0.2rem; }
        figure { margin: 0.5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 0.875rem; color: var(--muted); margin-top: 0.3rem; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, sans-serif; fill: var(--ink); }
        svg .label { font-size: 13px; }
        svg .band { font-size: 13px; font-weight: 700; }
        svg .score, svg .key { font-size: 12px; fill: var(--muted); }
        svg .node { font-size: 13.5px; }
        svg .node.lynchpin { font-weight: 700; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
        thead th { border-bottom: 2px solid var(--ink); font-size: 0.9rem; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { width: 2.2rem; }
        .talk { background: var(--soft); border-radius: 6px; padding: 0.8rem 1rem 0.2rem; \
        break-inside: avoid; page-break-inside: avoid; }
        .talk h3::before { content: "? "; }
        .answers h3 { margin-top: 1.2rem; }
        .answers td.note { font-size: 0.9rem; }
        .note-text { display: block; border-left: 3px solid var(--ink); padding-left: 0.5rem; margin-bottom: 0.3rem; }
        .left { font-style: italic; }
        .agreed { border: 2px solid var(--ink); border-radius: 6px; padding: 0.9rem 1.1rem 0.3rem; \
        break-inside: avoid; page-break-inside: avoid; }
        .agreed .actions { white-space: pre-line; }
        .question { border-bottom: 1px solid var(--line); padding: 0.6rem 0 0.5rem; break-inside: avoid; \
        page-break-inside: avoid; }
        .question .prompt { font-weight: 600; margin-bottom: 0.3rem; }
        .question .qid { font-weight: 400; color: var(--muted); font-size: 0.85rem; }
        .question ol { margin-bottom: 0.3rem; }
        .question .meta { font-size: 0.9rem; margin-bottom: 0.25rem; }
        .mark { display: inline-block; font-size: 0.78rem; font-weight: 700; border: 1.5px solid currentColor; \
        border-radius: 4px; padding: 0 0.35rem; margin-left: 0.35rem; white-space: nowrap; }
        .box { display: inline-block; width: 0.85em; height: 0.85em; border: 1.5px solid var(--ink); \
        border-radius: 2px; margin-right: 0.5rem; vertical-align: -0.1em; }
        .write-in { border-bottom: 1px solid var(--muted); height: 1.6rem; margin: 0.2rem 0 0.4rem; }
        footer { margin-top: 2.5rem; padding-top: 0.6rem; border-top: 1px solid var(--line); font-size: 0.8rem; \
        color: var(--muted); }
        @page { size: A4 portrait; margin: 15mm 14mm 16mm; }
        @media print {
          body { font-size: 10.5pt; }
          .page { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          .answers { break-before: page; page-break-before: always; }
          .answers table { font-size: 9pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
