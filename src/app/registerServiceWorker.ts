// Registers the service worker (built by vite-plugin-pwa) that precaches the app and DuckDB's WASM,
// so the app starts offline after one visit. Updates wait for the user's "Reload to update".

import { registerSW } from 'virtual:pwa-register';
import { useAppUpdate } from '../hooks/useAppUpdate';

/** Registers the service worker in production builds. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const updateServiceWorker = registerSW({
    onNeedRefresh: () => useAppUpdate.getState().setUpdate(() => void updateServiceWorker(true)),
    onOfflineReady: () => useAppUpdate.getState().setOfflineReady(),
  });
}
