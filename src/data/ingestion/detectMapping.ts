// Proposes which table a file is and which column feeds which field, from its header and a few
// sample rows. Knows the real-world shapes users bring: Online Retail invoices, Shopify orders, CDNOW logs.

import { TABLE_KINDS, TABLE_SPECS, normaliseHeader, type TableKind } from '../schema';
import { detectDateFormat, looksLikeDate, type DateFormatId } from './dateFormats';
import { applyFindings, formatFindings, type FileEvidence } from './formatFindings';
import type { ColumnMapping, ImportOptions, KnownShape } from './importOptions';

export interface FileSample {
  fileName: string;
  headers: string[];
  hasHeader: boolean;
  rows: (string | null)[][];
  /** How the whole file (or a sample spread through it) writes numbers and dates; the head rows alone when absent. */
  evidence?: FileEvidence;
}

export interface MappingProposal {
  options: ImportOptions;
  shape: KnownShape;
  /** Per table kind, how well the file's columns fit it (0..1); the best one is proposed. */
  fit: Record<TableKind, number>;
  notes: string[];
}

const NUMERIC = /^-?[\d\s.,$€£¥]+$/;

function columnValues(sample: FileSample, index: number): string[] {
  return sample.rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
}

/** Matches headers to a table's fields by synonym; each column feeds at most one field. */
function mapByHeaders(headers: string[], kind: TableKind): ColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  const fields = TABLE_SPECS[kind].fields;
  // Exact canonical names first, then synonyms in the order listed, so "customer_id" beats "id".
  for (const pass of ['canonical', 'synonym'] as const) {
    for (const field of fields) {
      if (mapping[field.name] != null) continue;
      const candidates = pass === 'canonical' ? [normaliseHeader(field.name)] : field.synonyms.map(normaliseHeader);
      for (const candidate of candidates) {
        const index = normalised.findIndex((h, i) => h === candidate && !used.has(i));
        if (index >= 0) {
          mapping[field.name] = index;
          used.add(index);
          break;
        }
      }
    }
  }
  for (const field of fields) mapping[field.name] ??= null;
  return mapping;
}

function fitScore(mapping: ColumnMapping, kind: TableKind, headerCount: number): number {
  const fields = TABLE_SPECS[kind].fields;
  const required = fields.filter((f) => f.required);
  const requiredHits = required.filter((f) => mapping[f.name] != null).length;
  const optionalHits = fields.filter((f) => !f.required && mapping[f.name] != null).length;
  const mapped = requiredHits + optionalHits;
  return (requiredHits / required.length) * 0.6 + (mapped / Math.max(headerCount, 1)) * 0.4;
}

/** Without a header: guess an id column, a date column and an amount column from the values. */
function mapByValues(sample: FileSample): ColumnMapping {
  const mapping: ColumnMapping = Object.fromEntries(TABLE_SPECS.purchases.fields.map((f) => [f.name, null]));
  const n = sample.headers.length;
  const isDate = (i: number) => {
    const v = columnValues(sample, i);
    return v.length > 0 && v.every(looksLikeDate);
  };
  const isDecimal = (i: number) => {
    const v = columnValues(sample, i);
    return v.length > 0 && v.every((x) => NUMERIC.test(x)) && v.some((x) => /[.,]\d{1,2}$/.test(x));
  };
  const isInteger = (i: number) => {
    const v = columnValues(sample, i);
    return v.length > 0 && v.every((x) => /^-?\d+$/.test(x));
  };
  const dateIndex = [...Array(n).keys()].find(isDate);
  const amountIndex = [...Array(n).keys()].reverse().find((i) => i !== dateIndex && isDecimal(i));
  const idIndex = [...Array(n).keys()].find((i) => i !== dateIndex && i !== amountIndex);
  mapping.customer_id = idIndex ?? null;
  mapping.purchase_date = dateIndex ?? null;
  mapping.amount = amountIndex ?? null;
  const quantityIndex = [...Array(n).keys()].find(
    (i) => i !== dateIndex && i !== amountIndex && i !== idIndex && isInteger(i) && i > (dateIndex ?? n),
  );
  mapping.quantity = quantityIndex ?? null;
  return mapping;
}

function detectShape(sample: FileSample): KnownShape {
  const h = new Set(sample.headers.map(normaliseHeader));
  if (h.has('invoiceno') && h.has('stockcode') && h.has('unitprice')) return 'online-retail';
  if (h.has('lineitemquantity') && h.has('lineitemprice') && (h.has('financialstatus') || h.has('createdat'))) {
    return 'shopify';
  }
  if (!sample.hasHeader && sample.headers.length >= 4 && sample.headers.length <= 5) return 'cdnow';
  if (h.has('numberofcds') && h.has('dollarvalue')) return 'cdnow';
  return sample.hasHeader ? 'generic' : 'cdnow';
}

/** Proposes table, mapping and read options for a file (for `forcedKind` when the user picked the table). */
export function proposeMapping(sample: FileSample, forcedKind?: TableKind): MappingProposal {
  const notes: string[] = [];
  const shape = detectShape(sample);
  const fit = {} as Record<TableKind, number>;
  const mappings = {} as Record<TableKind, ColumnMapping>;
  for (const kind of TABLE_KINDS) {
    mappings[kind] = sample.hasHeader
      ? mapByHeaders(sample.headers, kind)
      : kind === 'purchases'
        ? mapByValues(sample)
        : mapByHeaders([], kind);
    fit[kind] = fitScore(mappings[kind], kind, sample.headers.length);
  }
  let kind = TABLE_KINDS.reduce((best, k) => (fit[k] > fit[best] ? k : best), 'purchases' as TableKind);
  if (shape === 'online-retail' || shape === 'shopify' || shape === 'cdnow') kind = 'purchases';
  // A file named after a table is that table when its columns allow it.
  const byName = TABLE_KINDS.find((k) => sample.fileName.toLowerCase().includes(k === 'performance' ? 'perform' : k));
  if (byName && fit[byName] >= fit[kind] - 0.15 && shape === 'generic') kind = byName;
  if (forcedKind) kind = forcedKind;

  const mapping = { ...mappings[kind] };
  let amountFromQuantityTimesPrice = false;
  let cancellationPrefix: string | null = null;
  let fillDownByOrder = false;

  if (kind === 'purchases') {
    const headerIndex = (name: string) => sample.headers.findIndex((h) => normaliseHeader(h) === name);
    if (shape === 'shopify') {
      // Order totals sit on the first line only; line value = quantity × price is right for every line.
      mapping.amount = null;
      mapping.customer_id = headerIndex('email') >= 0 ? headerIndex('email') : (mapping.customer_id ?? null);
      mapping.order_id = headerIndex('name') >= 0 ? headerIndex('name') : (mapping.order_id ?? null);
      mapping.id = null;
      fillDownByOrder = true;
      notes.push(
        'Shopify orders export: amount = Lineitem quantity × Lineitem price; order columns are copied to every line of the order.',
      );
    }
    if (mapping.amount == null && mapping.quantity != null && mapping.unit_price != null) {
      amountFromQuantityTimesPrice = true;
      if (shape !== 'shopify') notes.push('No amount column: amount = quantity × unit price.');
    }
    if (shape === 'online-retail') {
      cancellationPrefix = 'C';
      notes.push(
        'Online Retail invoice export: invoices starting with "C" are cancellations, kept and labelled as returns.',
      );
    }
    if (shape === 'cdnow') notes.push('CDNOW purchase log: columns separated by spaces, dates as YYYYMMDD.');
  }

  const dateFormats: Record<string, DateFormatId | null> = {};
  for (const field of TABLE_SPECS[kind].fields) {
    if (field.type !== 'date') continue;
    const index = mapping[field.name];
    dateFormats[field.name] = index == null ? null : detectDateFormat(columnValues(sample, index));
  }

  const decimalSeparator = detectDecimalSeparator(sample);
  const proposed: ImportOptions = {
    kind,
    mapping,
    dateFormats,
    decimalSeparator,
    currency: 'USD',
    amountFromQuantityTimesPrice,
    cancellationPrefix,
    fillDownByOrder,
    unknownCustomers: 'create',
    mode: 'replace',
    keepRepeatedRows: false,
  };
  // The file's own evidence overrides what its first rows suggested; what it cannot settle is asked.
  return { shape, fit, notes, options: applyFindings(proposed, formatFindings(sample.evidence, proposed)) };
}

/** Comma decimals when the file's numbers look like "12,50" more often than like "12.50" (dates aside). */
function detectDecimalSeparator(sample: FileSample): '.' | ',' {
  const values = sample.rows.flat().flatMap((v) => {
    const text = (v ?? '').trim();
    return text === '' || looksLikeDate(text) ? [] : [text];
  });
  const commaDecimal = values.filter((v) => /^-?[^.,]*(\.\d{3})*,\d{1,2}$/.test(v)).length;
  const dotDecimal = values.filter((v) => /^-?[^.,]*(,\d{3})*\.\d+$/.test(v)).length;
  return commaDecimal > dotDecimal ? ',' : '.';
}

/** Required fields of the chosen table that have no column yet (the import is disabled until they do). */
export function missingRequiredFields(options: ImportOptions): string[] {
  return TABLE_SPECS[options.kind].fields
    .filter((f) => f.required && options.mapping[f.name] == null)
    .filter((f) => !(f.name === 'amount' && options.amountFromQuantityTimesPrice))
    .map((f) => f.name);
}
