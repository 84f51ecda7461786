// Long lists show their first rows and a button for the rest: rendering a few thousand cells at once
// held the main thread for over 100 ms.

import { useState } from 'react';

/** The first `limit` items unless the user asked for all, and the button that asks. */
export function useShowAll<T>(items: readonly T[], limit: number, what: string) {
  const [all, setAll] = useState(false);
  const shown = all || items.length <= limit ? items : items.slice(0, limit);
  const button =
    items.length > limit ? (
      <button type="button" className="button" onClick={() => setAll((a) => !a)}>
        {all ? `Show the first ${limit} ${what}` : `Show all ${items.length.toLocaleString()} ${what}`}
      </button>
    ) : null;
  return { shown, button };
}
