import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from '../../../src/lib/contrast';

describe('text colour on a background', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    // axe-core reports 2.99 for white on this teal
    expect(contrastRatio('#ffffff', '#26a69a')).toBeCloseTo(2.998, 3);
  });

  it('picks the colour that reaches 4.5:1 on every segment colour', () => {
    for (const hue of [
      '#2e7d32',
      '#558b2f',
      '#7cb342',
      '#26a69a',
      '#4db6ac',
      '#fbc02d',
      '#ffa726',
      '#ef6c00',
      '#c62828',
      '#8d6e63',
      '#616161',
    ]) {
      expect(contrastRatio(hue, readableTextOn(hue)), hue).toBeGreaterThanOrEqual(4.5);
    }
  });
});
