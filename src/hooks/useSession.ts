// The open workspace as React state, kept in step with the session module; the query cache is
// emptied whenever the workspace changes or locks, so no data of another workspace is shown.

import { useEffect } from 'react';
import { create } from 'zustand';
import { onWorkspaceCaughtUp, startWorkspace } from '../data/workspace';
import { currentSession, onSessionChange, type SessionInfo } from '../data/workspaceSession';
import { queryClient } from './queryClient';
import { useImportJob } from './useImportJob';

interface SessionState {
  session: SessionInfo | null;
  /** The start-up choice of workspace has been made. */
  started: boolean;
  startError: string | null;
}

export const useSession = create<SessionState>(() => ({ session: null, started: false, startError: null }));

onSessionChange(() => {
  // Nothing of the previous workspace may stay on screen or in memory: cached reads, mutation inputs
  // (typed passphrases included) and the last import's report.
  queryClient.clear();
  useImportJob.setState({ status: 'idle', reports: [], items: [], error: null, progress: null });
  // The segmentation, prediction and campaign job stores reset themselves (createWorkerJobStore).
  useSession.setState({ session: currentSession(), startError: null });
});

// Another tab stored a change and this tab took it in: every read may have changed.
onWorkspaceCaughtUp(() => void queryClient.invalidateQueries());

let startRequested = false;

/** Opens the start-up workspace once (the demo for `?demo`); afterwards the user picks on /workspaces. */
export function useStartWorkspace(): void {
  useEffect(() => {
    if (startRequested) return;
    startRequested = true;
    const demo = new URLSearchParams(window.location.search).has('demo');
    startWorkspace(demo).then(
      () => useSession.setState({ started: true }),
      (error: Error) => useSession.setState({ started: true, startError: error.message }),
    );
  }, []);
}
