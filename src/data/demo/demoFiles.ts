// The demo workspace as the CSV files a user could have dropped, so loading the demo exercises the
// same import path (and its checks) as real data.

import { generateDemo } from './generateDemo';
import { demoToCsvFiles } from './toCsv';

export interface DemoRequest {
  seed?: number;
  customers?: number;
}

export interface DemoFile {
  name: string;
  text: string;
}

/** Default size of the in-app demo: big enough to be interesting, small enough to load in seconds. */
export const DEMO_CUSTOMERS = 2000;

/** Generates the demo workspace's files. */
export function demoFiles(request: DemoRequest = {}): DemoFile[] {
  const data = generateDemo({ seed: request.seed ?? 42, customers: request.customers ?? DEMO_CUSTOMERS });
  return demoToCsvFiles(data);
}
