// Whether a new version of the app is waiting (from the service worker), and how to apply it. The
// update is applied only when the user asks, never under them mid-work.

import { create } from 'zustand';

interface AppUpdateState {
  /** Set when a new version is installed and waiting. */
  applyUpdate: (() => void) | null;
  offlineReady: boolean;
  setUpdate: (apply: () => void) => void;
  setOfflineReady: () => void;
}

export const useAppUpdate = create<AppUpdateState>((set) => ({
  applyUpdate: null,
  offlineReady: false,
  setUpdate: (apply) => set({ applyUpdate: apply }),
  setOfflineReady: () => set({ offlineReady: true }),
}));
