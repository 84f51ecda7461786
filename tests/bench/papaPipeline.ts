// Reference 2: a typical hand-rolled browser pipeline — Papa Parse into row objects, then a
// JavaScript group-by computing the same per-customer features — run in the same Chromium.

import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const PAPA = require.resolve('papaparse/papaparse.min.js');

export interface PapaRun {
  parseMs: number;
  groupByMs: number;
  rows: number;
  customers: number;
}

/** Parses the CSV with Papa Parse in a page and groups it by customer. */
export async function papaPipelineRun(browser: Browser, csvPath: string): Promise<PapaRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // tsx names functions with an `__name` helper that does not exist in the page.
  await page.setContent('<input type="file" id="file">');
  await page.evaluate('globalThis.__name = (f) => f');
  await page.addScriptTag({ path: PAPA });
  await page.setInputFiles('#file', csvPath);
  const result = await page.evaluate(async () => {
    interface Row {
      customer_id: string | number;
      order_id: string | null;
      purchase_date: string;
      amount: number;
      is_return: boolean;
    }
    interface PapaLike {
      parse(
        file: File,
        config: {
          header: boolean;
          dynamicTyping: boolean;
          skipEmptyLines: boolean;
          complete(r: { data: Row[] }): void;
          error(e: Error): void;
        },
      ): void;
    }
    const Papa = (window as unknown as { Papa: PapaLike }).Papa;
    const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
    if (!file) throw new Error('no file');
    const started = performance.now();
    const rows = await new Promise<Row[]>((resolve, reject) =>
      Papa.parse(file, {
        header: true,
        dynamicTyping: true,
        skipEmptyLines: true,
        complete: (r) => resolve(r.data),
        error: reject,
      }),
    );
    const parsed = performance.now();
    const byCustomer = new Map<
      string,
      {
        occasions: Set<string>;
        spend: number;
        purchaseSpend: number;
        first: number;
        last: number;
        lines: number;
        returns: number;
      }
    >();
    let lastDay = 0;
    for (const r of rows) {
      const time = Date.parse(String(r.purchase_date).replace(' ', 'T') + 'Z');
      if (time > lastDay) lastDay = time;
      const key = String(r.customer_id);
      let c = byCustomer.get(key);
      if (!c) {
        c = { occasions: new Set(), spend: 0, purchaseSpend: 0, first: time, last: 0, lines: 0, returns: 0 };
        byCustomer.set(key, c);
      }
      c.lines++;
      c.spend += r.amount;
      if (time < c.first) c.first = time;
      if (r.is_return) c.returns++;
      else {
        c.occasions.add(r.order_id ?? String(r.purchase_date).slice(0, 10));
        c.purchaseSpend += r.amount;
        if (time > c.last) c.last = time;
      }
    }
    const day = 86_400_000;
    const asOf = Math.floor(lastDay / day);
    const features = [...byCustomer].map(([id, c]) => ({
      id,
      frequency: c.occasions.size,
      monetary: c.spend,
      aov: c.occasions.size ? c.purchaseSpend / c.occasions.size : null,
      recency: asOf - Math.floor(c.last / day),
      tenure: asOf - Math.floor(c.first / day),
      returnsShare: c.returns / c.lines,
    }));
    return {
      parseMs: parsed - started,
      groupByMs: performance.now() - parsed,
      rows: rows.length,
      customers: features.length,
    };
  });
  await context.close();
  return result;
}
