/** Light or dark: forced by ?theme=dark|light in the URL (for tests and screenshots), else Office's theme. */
export type ThemeName = "light" | "dark";

export function themeFromUrl(search: string): ThemeName | null {
  const value = new URLSearchParams(search).get("theme");
  return value === "dark" || value === "light" ? value : null;
}

/** True when a "#rrggbb" background is dark (relative luminance below one half). */
export function isDarkBackground(color: string | undefined | null): boolean {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function resolveTheme(search: string, officeBodyBackground: string | undefined | null): ThemeName {
  return themeFromUrl(search) ?? (isDarkBackground(officeBodyBackground) ? "dark" : "light");
}
