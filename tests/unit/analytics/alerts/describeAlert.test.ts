import { describe, expect, it } from 'vitest';
import { conditionLabel, describeFiring } from '../../../../src/analytics/alerts/describeAlert';

describe('alerts in words', () => {
  it('write thresholds and values in the workspace currency and the locale', () => {
    const words = { currency: 'EUR', locale: 'de-DE' };
    const metric = { kind: 'daily-revenue' } as const;
    expect(conditionLabel(metric, { kind: 'below', threshold: 1500 }, words)).toBe('below 1.500,00\u00a0€');
    expect(
      describeFiring(
        {
          ruleId: 'r',
          at: '2026-11-30',
          value: 812.5,
          reference: 1500,
          z: null,
          metric,
          condition: { kind: 'below', threshold: 1500 },
        },
        words,
      ),
    ).toBe('Daily revenue was 812,50\u00a0€ on 30.11.2026, below the threshold of 1.500,00\u00a0€.');
  });

  it('say which way an anomaly went, against which median, and name the campaign', () => {
    const text = describeFiring(
      {
        ruleId: 'r',
        at: '2026-11-30',
        value: 0.8,
        reference: 2.4,
        z: -6.25,
        metric: { kind: 'campaign-roas', campaignId: 'C7' },
        condition: { kind: 'anomaly', z: 4 },
      },
      { currency: 'USD', locale: 'en-US', campaignName: (id) => (id === 'C7' ? 'Winter sale' : id) },
    );
    expect(text).toBe(
      'ROAS of Winter sale was 0.80× on Nov 30, 2026, below its recent median of 2.40× (robust z = -6.3).',
    );
  });
});
