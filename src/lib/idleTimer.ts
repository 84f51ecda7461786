// Calls back once after `minutes` without user input on `target` (the window in the app).

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/** Starts watching; returns a function that stops it. */
export function watchIdle(target: EventTarget, minutes: number, onIdle: () => void, checkEveryMs = 5_000): () => void {
  let lastActivity = Date.now();
  let fired = false;
  const touch = () => {
    lastActivity = Date.now();
  };
  ACTIVITY.forEach((e) => target.addEventListener(e, touch, { passive: true }));
  const timer = setInterval(() => {
    if (!fired && Date.now() - lastActivity >= minutes * 60_000) {
      fired = true;
      onIdle();
    }
  }, checkEveryMs);
  return () => {
    ACTIVITY.forEach((e) => target.removeEventListener(e, touch));
    clearInterval(timer);
  };
}
