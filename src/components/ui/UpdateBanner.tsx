import { useAppUpdate } from '../../hooks/useAppUpdate';

/** "A new version is ready" with a button; nothing is reloaded until the user presses it. */
export function UpdateBanner() {
  const applyUpdate = useAppUpdate((s) => s.applyUpdate);
  if (!applyUpdate) return null;
  return (
    <div className="update-banner" role="status">
      A new version of Lantern is ready.{' '}
      <button type="button" className="button primary" onClick={applyUpdate}>
        Reload to update
      </button>
    </div>
  );
}
