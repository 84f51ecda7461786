// Whether new alerts also show as system notifications: the browser asks the user once; Lantern only
// sends them when that was granted.

import { useState } from 'react';

export function NotificationChoice() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return <p className="muted">This browser does not offer system notifications.</p>;
  if (permission === 'granted')
    return (
      <p className="muted">New alerts also show as system notifications (change it in the browser's site settings).</p>
    );
  if (permission === 'denied')
    return (
      <p className="muted">
        System notifications are blocked for Lantern in this browser; alerts show here and as messages in the app.
      </p>
    );
  return (
    <p>
      <button
        type="button"
        className="button"
        onClick={() => void Notification.requestPermission().then(setPermission)}
      >
        Also show alerts as system notifications
      </button>
    </p>
  );
}
