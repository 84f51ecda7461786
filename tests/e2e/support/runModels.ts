// Runs the segmentation and the predictions with their defaults on the open workspace, as a user would
// from their pages, so a browser test can check what depends on both.

import type { Page } from 'playwright-core';

export async function segmentAndPredict(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}#/segments`);
  await page.getByRole('button', { name: 'Segment customers' }).click({ timeout: 60_000 });
  await page.getByTestId('segmentation-summary').waitFor({ timeout: 120_000 });
  await page.goto(`${appUrl}#/predictions`);
  await page.getByRole('button', { name: 'Predict', exact: true }).click({ timeout: 60_000 });
  await page.getByTestId('model-parameters').waitFor({ timeout: 120_000 });
}
