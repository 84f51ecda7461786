// The header's Theme menu: follow the system, or always light or dark.

import { useState } from 'react';
import { applyTheme, storedTheme, type Theme } from './theme';

/** A small select that switches the colour theme at once. */
export function ThemeSelect() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <label className="theme-select">
      Theme{' '}
      <select
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          setTheme(next);
          applyTheme(next);
        }}
      >
        <option value="system">system</option>
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  );
}
