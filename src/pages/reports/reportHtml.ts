// The report as one self-contained HTML file: the same markup as in the app, its styles inline, no
// scripts and nothing fetched, so it opens anywhere and prints as it looks.

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportSnapshot } from '../../data/reports/reportSnapshot';
import { ReportView } from './ReportView';

/** The whole HTML document of a report. */
export function reportHtml(report: ReportSnapshot, compareWith: ReportSnapshot | null): string {
  const body = renderToStaticMarkup(createElement(ReportView, { report, compareWith }));
  const title = `Lantern executive report, ${report.periodEnd}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>body { margin: 2rem; color: #111827; background: #ffffff; }</style>
</head>
<body>
${body}
</body>
</html>
`;
}
