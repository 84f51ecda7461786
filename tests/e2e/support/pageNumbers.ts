// Numbers read off the page as a user sees them (digits only, so "1,234" and "1 234" both read 1234).

import type { Page } from 'playwright-core';

/** The first element with this test id, as a whole number. */
export async function numberIn(page: Page, testId: string): Promise<number> {
  return Number(((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\D/g, ''));
}

/** The row count the Data page shows for a table. */
export async function tableRows(page: Page, table: string): Promise<number> {
  const text = await page.getByTestId(`table-${table}`).getByTestId('table-rows').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}
