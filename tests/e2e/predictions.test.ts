// Predictions in the real app: the demo workspace's models fitted in the ML worker give the same
// parameters and risk levels as the same code in Node; the predictions and the model download; the
// validation is shown; everything survives a reload; a customer's page explains their prediction.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { predictCustomers, type PredictionResult } from '../../src/analytics/predictions/predictCustomers';
import { DEFAULT_PREDICTION_SETTINGS } from '../../src/analytics/predictions/predictionSettings';
import { demoFiles } from '../../src/data/demo/demoFiles';
import { computeCustomerFeatures } from '../../src/data/features/computeCustomerFeatures';
import { readPredictionInput } from '../../src/data/predictions/readPredictionInput';
import { fileFrom, importWithProposal } from '../support/importHelpers';
import { openNodeDuckDb } from '../support/nodeDuckDb';
import { startApp, type AppUnderTest } from './support/browser';
import { formatDay } from '../../src/analytics/formatDay';
import { BUYING_MODEL_INFO } from '../../src/analytics/clv/buyingModels';
import { parameterText } from '../../src/pages/predictions/modelParameters';

let app: AppUnderTest;
let page: Page;
let inNode: PredictionResult;

beforeAll(async () => {
  app = await startApp();
  page = await (await app.newContext()).newPage();
  const db = await openNodeDuckDb();
  await importWithProposal(
    db,
    demoFiles().map((f) => fileFrom(f.name, f.text)),
  );
  const { analysisDate } = await computeCustomerFeatures(db);
  inNode = predictCustomers(await readPredictionInput(db, DEFAULT_PREDICTION_SETTINGS, analysisDate ?? ''));
  db.close();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

/** Clicks a download button (within `scope`, default the whole page) and reads the file. */
const download = async (p: Page, button: RegExp, scope: Page | Locator = p) => {
  const [file] = await Promise.all([p.waitForEvent('download'), scope.getByRole('button', { name: button }).click()]);
  return readFile((await file.path()) ?? '', 'utf8');
};

const riskCounts = (p: Page) =>
  p
    .getByTestId('risk-levels')
    .locator('tbody tr td:nth-child(3)')
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent?.replace(/\D/g, ''))));

describe('predictions in the browser', () => {
  it('fits the demo in the worker with the same model, parameters and risk levels as Node', async () => {
    await page.goto(`${app.url}?demo#/predictions`);
    const run = page.getByRole('button', { name: 'Predict', exact: true });
    await run.waitFor({ timeout: 120_000 });
    await run.click();
    await page.getByTestId('model-parameters').waitFor({ timeout: 120_000 });
    // Chromium's and Node's Math functions may differ in the last bits, and standard errors come from
    // finite differences: the printed 4 significant digits agree to a part in a thousand.
    const numbers = (text: string | null) =>
      [...(text ?? '').matchAll(/-?\d+(\.\d+)?(e[-+]\d+)?/g)].map((m) => Number(m[0]));
    const shown = numbers(await page.getByTestId('buying-model-parameters').textContent());
    const expected = numbers(parameterText(inNode.model.model, 'weeks', inNode.model.standardErrors));
    expect(shown).toHaveLength(expected.length);
    shown.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? NaN))).toBeLessThanOrEqual(1e-3 * Math.abs(v)));
    // The three models judged on the holdout, the one used named with the reason.
    expect(await page.getByTestId('model-comparison').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('model-choice').textContent()).toContain(
      `Used: ${BUYING_MODEL_INFO[inNode.selection.chosen].name}`,
    );
    expect(await page.getByTestId('gamma-gamma-parameters').textContent()).toContain(
      `p = ${inNode.gammaGamma?.parameters.p.toFixed(4)}`,
    );
    // High, Medium, Low as on the page.
    expect(await riskCounts(page)).toEqual([...inNode.riskCounts].reverse());
    expect(await page.getByTestId('spend-correlation').textContent()).toMatch(/correlation r = -?0\.\d{3}/);
  });

  it('shows the holdout check with its charts and the baseline comparison', async () => {
    const v = inNode.validation;
    if (!v) throw new Error(inNode.validationNote ?? 'no validation in Node');
    expect(await page.getByTestId('validation-summary').textContent()).toContain(
      `Fitted on purchases through ${formatDay(v.calibrationEnd, 'en-US')}`,
    );
    expect(await page.getByTestId('validation-summary').textContent()).toContain(
      `${v.totals.predicted.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} repeat purchases predicted`,
    );
    expect(await page.getByTestId('frequency-buckets').locator('tbody tr').count()).toBe(8);
    expect(await page.getByTestId('churn-auc').textContent()).toContain(`AUC ${v.churn.modelAuc.toFixed(2)}`);
    expect(await page.getByTestId('risk-deciles').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('churn-auc').textContent()).not.toMatch(/without converging|No logistic baseline/);
    // The actual and predicted lines each pass through every tracking point.
    const lines = await page
      .locator('svg[aria-label="Cumulative repeat purchases, actual and predicted"] path')
      .evaluateAll((paths) => paths.map((p) => (p.getAttribute('d') ?? '').split('L').length));
    expect(lines.filter((points) => points >= v.tracking.length)).toHaveLength(2);
    if (v.category) expect(await page.getByTestId('category-accuracy').locator('tbody tr').count()).toBe(2);
  });

  it('downloads the predictions in the seed’s shape and the fitted model', async () => {
    const csv = await download(page, /Download predictions \(CSV\)/);
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe('id,customer_id,prediction_type,probability,value,confidence,label');
    const churnRows = lines.filter((l) => l.split(',')[2] === 'churn');
    expect(churnRows).toHaveLength(inNode.customers);
    const json = JSON.parse(await download(page, /Download predictions \(JSON\)/)) as { prediction_type: string }[];
    expect(json).toHaveLength(lines.length);
    const model = JSON.parse(await download(page, /fitted model/)) as {
      unit: string;
      analysisDate: string;
      customers: number;
      model: {
        model: { kind: string; parameters: Record<string, number> };
        standardErrors: Record<string, number>;
        logLikelihood: number;
        converged: boolean;
        degenerate: string[];
      };
      selection: { chosen: string; by: string };
      holdout: { models: { kind: string }[] } | null;
    };
    expect(model).toMatchObject({ unit: 'weeks', analysisDate: inNode.analysisDate, customers: inNode.customers });
    expect(model.model.model.kind).toBe(inNode.model.model.kind);
    expect(model.model.converged).toBe(inNode.model.converged);
    expect(model.model.degenerate).toEqual(inNode.model.degenerate);
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    expect(relative(model.model.model.parameters.r ?? NaN, inNode.model.model.parameters.r)).toBeLessThan(1e-6);
    expect(relative(model.model.standardErrors.r ?? NaN, inNode.model.standardErrors.r ?? NaN)).toBeLessThan(1e-3);
    expect(model.model.logLikelihood).toBeCloseTo(inNode.model.logLikelihood, 4);
    expect(model.selection).toMatchObject({ chosen: inNode.selection.chosen, by: 'holdout' });
    expect(model.holdout?.models.map((m) => m.kind)).toEqual(['bg-nbd', 'mbg-nbd', 'pareto-nbd']);
  });

  it('keeps the predictions across a reload, and the retention list downloads', async () => {
    await page.reload();
    await page.getByTestId('model-parameters').waitFor({ timeout: 120_000 });
    expect(await riskCounts(page)).toEqual([...inNode.riskCounts].reverse());
    const csv = await download(page, /^Download all .* as CSV$/, page.getByTestId('action-list-retain'));
    const [header, ...lines] = csv.trim().split('\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['customer_id', 'churn_probability', 'risk_level']);
    expect(lines).toHaveLength(inNode.riskCounts[2]);
    expect(lines.every((l) => l.split(',')[2] === 'High')).toBe(true);
  });

  it('explains a customer’s prediction on their page', async () => {
    const link = page.getByTestId('action-list-retain').locator('tbody a').first();
    await link.waitFor();
    await link.click();
    const card = page.getByTestId('customer-predictions');
    await card.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('prediction-explanation').textContent()).toMatch(
      /^(Last bought \d+ days? ago, usually buys every \d+ days?|Bought on one day only)/,
    );
    expect(await card.textContent()).toContain('Retention campaign');
  });

  it('a run that cannot fit says why and keeps the last good model', async () => {
    await page.goto(`${app.url}#/predictions`);
    await page.getByTestId('model-parameters').waitFor({ timeout: 60_000 });
    const before = await page.getByTestId('buying-model-parameters').textContent();
    await page.getByLabel('Features as of').fill('1990-01-01');
    await page.getByRole('button', { name: 'Use the last purchase day' }).waitFor();
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    await page.getByText(/The analysis date 1990-01-01 is before the first purchase \(\d{4}-\d{2}-\d{2}\)/).waitFor();
    expect(await page.getByTestId('buying-model-parameters').textContent()).toBe(before);
    await page.getByRole('button', { name: 'Use the last purchase day' }).click();
    await expect.poll(() => page.getByLabel('Features as of').inputValue()).toBe(inNode.analysisDate);
  });

  it('made no request to another origin', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
