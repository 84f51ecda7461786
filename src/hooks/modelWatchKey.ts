// What the model watch and the model-health view follow: the workspace, its fit, the analysis date, the
// refit choice and the imports.

import type { WorkspaceManifest } from '../data/store/workspaceManifest';

export const modelWatchKey = (manifest: WorkspaceManifest | undefined): string | null =>
  manifest?.predictions
    ? [
        manifest.id,
        manifest.predictions.createdAt,
        manifest.settings.analysisDate ?? 'last purchase',
        manifest.settings.autoRefit,
        ...manifest.imports.map((r) => r.id),
      ].join('|')
    : null;
