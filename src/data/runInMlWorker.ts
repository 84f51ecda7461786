// Runs one call in the ML worker so that cancelling and a crashed worker both end it with an error,
// and a cancelled call never keeps computing in the background.

import { cancelMlWorker, mlWorker, mlWorkerFailure } from '../bridge/mlWorker';

/**
 * Runs a call in the ML worker. Cancelling (before or during the call) and a crashed worker both end it
 * with an error, and the worker is terminated so nothing keeps computing in the background.
 */
export async function inMlWorker<T>(
  call: (ml: ReturnType<typeof mlWorker>) => Promise<T>,
  signal: AbortSignal | undefined,
  cancelledMessage: string,
): Promise<T> {
  signal?.throwIfAborted();
  let onAbort = () => undefined as void;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DOMException(cancelledMessage, 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  let settled = false;
  try {
    const value = await Promise.race([call(mlWorker()), cancelled, mlWorkerFailure()]);
    settled = true;
    return value;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!settled) cancelMlWorker();
  }
}
