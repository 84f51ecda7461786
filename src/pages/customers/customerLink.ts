// Where one customer's page lives: the id travels in the history entry's state, never in the URL, so the
// browser's history (kept outside Lantern's encryption, readable without the passphrase) holds no
// customer ids, only "#/customer".

/** The path of the customer page; which customer is in the navigation state. */
export const CUSTOMER_PATH = '/customer';

export interface CustomerLinkState {
  customerId: string;
}

/** The `state` a link or navigate call to CUSTOMER_PATH carries. */
export const customerState = (customerId: string): CustomerLinkState => ({ customerId });

/** The customer a history entry's state names, or '' when it names none (a new tab, an old bookmark). */
export function customerFromState(state: unknown): string {
  const id = (state as Partial<CustomerLinkState> | null)?.customerId;
  return typeof id === 'string' ? id : '';
}
