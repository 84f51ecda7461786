// A counter that moves when live events write rows, at most once every `ms`: the first write after a
// quiet spell counts at once, later ones wait for the interval. Watches that follow the data (alerts,
// the model watch, model health) re-run on it.

import { useEffect, useState } from 'react';
import { onLiveChange } from '../data/live/liveSession';

export function useLiveTicks(enabled: boolean, ms: number): number {
  const [ticks, setTicks] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onLiveChange((written) => {
      if (!written || timer) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          setTicks((n) => n + 1);
        },
        Math.max(0, last + ms - Date.now()),
      );
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [enabled, ms]);
  return ticks;
}
