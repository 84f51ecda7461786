// The app's own timings and errors (src/lib/monitor), and what the browser says about memory and storage.

import { useEffect, useState, useSyncExternalStore } from 'react';
import { monitorVersion, onMonitorChange } from '../lib/monitor';

/** Re-renders when timings or errors are recorded (at most every 250 ms). */
export function useMonitorVersion(): number {
  return useSyncExternalStore(onMonitorChange, monitorVersion);
}

export interface ResourceUse {
  /** JavaScript heap of this page, where the browser exposes it (Chromium). */
  heapUsedMb: number | null;
  heapLimitMb: number | null;
  storageUsedMb: number | null;
  storageQuotaMb: number | null;
  persisted: boolean | null;
}

/** Memory and storage, read every 5 s. */
export function useResourceUse(): ResourceUse {
  const [use, setUse] = useState<ResourceUse>({
    heapUsedMb: null,
    heapLimitMb: null,
    storageUsedMb: null,
    storageQuotaMb: null,
    persisted: null,
  });
  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } })
        .memory;
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      const persisted = await navigator.storage?.persisted?.().catch(() => null);
      if (cancelled) return;
      const mb = (b: number | undefined) => (b === undefined ? null : b / 1024 / 1024);
      setUse({
        heapUsedMb: mb(memory?.usedJSHeapSize),
        heapLimitMb: mb(memory?.jsHeapSizeLimit),
        storageUsedMb: mb(estimate?.usage),
        storageQuotaMb: mb(estimate?.quota),
        persisted: persisted ?? null,
      });
    };
    void read();
    const timer = setInterval(() => void read(), 5000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  return use;
}
