// The colour theme: the system's (default), or light or dark as the user chose. A display preference
// of this browser, not workspace data, so it lives in localStorage.

export type Theme = 'system' | 'light' | 'dark';

const KEY = 'lantern-theme';

/** The stored choice (system when none or unreadable). */
export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Applies a theme to the page (`data-theme` on <html> sets color-scheme; see app.css) and keeps it. */
export function applyTheme(theme: Theme, store = true): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  if (!store) return;
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Private modes may refuse storage; the theme still applies for this visit.
  }
}
