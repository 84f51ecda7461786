// The action recommendations shown on the Dashboard and in the executive report: concrete next steps
// from predictions, segments and campaigns, ranked by the money at stake.

export interface ActionInputs {
  /** Customers at high churn risk and their predicted lifetime value. */
  retain: { customers: number; value: number } | null;
  /** The top lifetime-value tier. */
  vip: { customers: number; value: number } | null;
  /** Potential Loyalists and their average order value. */
  upsell: { customers: number; averageOrderValue: number } | null;
  /** From the campaign optimisation: more revenue a day at the same budget, or spend saved a day. */
  budget:
    | { kind: 'revenue'; perDay: number; low: number; high: number; budget: number }
    | { kind: 'saving'; perDay: number }
    | null;
}

export interface RankedAction {
  title: string;
  why: string;
  /** Money at stake, for the ranking (a month of a daily rate). */
  value: number;
  /** The app route that carries it out, and its link text. */
  to: string;
  link: string;
}

const count = (n: number) => new Intl.NumberFormat().format(n);

/** Every action with something at stake, largest first. */
export function rankActions(inputs: ActionInputs, money: (v: number) => string): RankedAction[] {
  const actions: RankedAction[] = [];
  const { retain, vip, upsell, budget } = inputs;
  if (retain && retain.customers > 0) {
    actions.push({
      title: `Retain ${count(retain.customers)} customers at high churn risk`,
      why: `Their predicted lifetime value is ${money(retain.value)}; a retention campaign before they lapse.`,
      value: retain.value,
      to: '/predictions',
      link: 'Who to retain',
    });
  }
  if (vip && vip.customers > 0) {
    actions.push({
      title: `Give ${count(vip.customers)} VIP customers VIP treatment`,
      why: `The top lifetime-value tier, worth ${money(vip.value)} over the prediction horizon.`,
      value: vip.value,
      to: '/predictions',
      link: 'Who to treat as VIP',
    });
  }
  if (upsell && upsell.customers > 0) {
    const value = upsell.customers * upsell.averageOrderValue;
    actions.push({
      title: `Upsell ${count(upsell.customers)} Potential Loyalists`,
      why: `One more order each at their average of ${money(upsell.averageOrderValue)} is worth ${money(value)}.`,
      value,
      to: '/customers',
      link: 'The customer list',
    });
  }
  if (budget?.kind === 'revenue' && budget.perDay > 0) {
    actions.push({
      title: 'Move campaign budget where it returns most',
      why: `The recommended split of the same ${money(budget.budget)} a day is expected to bring ${money(budget.perDay)} more revenue a day (${money(30 * budget.perDay)} a month; 90 % range ${money(30 * budget.low)} to ${money(30 * budget.high)}).`,
      value: 30 * budget.perDay,
      to: '/campaigns',
      link: 'The reallocation',
    });
  }
  if (budget?.kind === 'saving' && budget.perDay > 0) {
    actions.push({
      title: 'Spend less for the same conversions',
      why: `The recommended split saves ${money(budget.perDay)} a day (${money(30 * budget.perDay)} a month) at today's predicted conversions.`,
      value: 30 * budget.perDay,
      to: '/campaigns',
      link: 'The reallocation',
    });
  }
  return actions.sort((a, b) => b.value - a.value);
}
