/// <reference types="vite/client" />
// Themes offered by the Storybook toolbar. The two host themes are the very
// files the theming guide shows (docs/themes/*.css), so what designers review
// is what hosts copy.
import contosoCss from '../../docs/themes/contoso.css?raw';
import fabrikamCss from '../../docs/themes/fabrikam.css?raw';

export type StoryTheme = 'light' | 'dark' | 'contoso' | 'fabrikam';

/**
 * The elements' documented dark defaults (what `prefers-color-scheme: dark`
 * selects inside them), set as custom properties so the Dark theme can be
 * reviewed whatever the reviewer's operating system prefers.
 */
export const DARK_PALETTE: Readonly<Record<string, string>> = {
  '--ucx-color-text': '#e6edf3',
  '--ucx-color-text-muted': '#9da7b3',
  '--ucx-color-surface': '#161b22',
  '--ucx-color-surface-raised': '#1f2630',
  '--ucx-color-surface-alt': '#262c34',
  '--ucx-color-border': '#6e7681',
  '--ucx-color-accent': '#4493f8',
  '--ucx-color-on-accent': '#0d1117',
  '--ucx-color-danger': '#ff7b72',
  '--ucx-color-success': '#56d364',
  '--ucx-color-warning': '#e3b341',
  '--ucx-color-focus': '#79c0ff',
  '--ucx-syntax-field': '#79c0ff',
  '--ucx-syntax-operator': '#d2a8ff',
  '--ucx-syntax-value': '#7ee787',
  '--ucx-syntax-escape': '#ffa657',
  '--ucx-syntax-wildcard': '#ff7b72',
};

const PAGE: Record<StoryTheme, { background: string; color: string; scheme: string }> = {
  light: { background: '#ffffff', color: '#1f2328', scheme: 'light' },
  dark: { background: '#0d1117', color: '#e6edf3', scheme: 'dark' },
  contoso: { background: '#e9eef0', color: '#1b1f23', scheme: 'light' },
  fabrikam: { background: '#120f22', color: '#ece9f6', scheme: 'dark' },
};

/** The host page's background: the whole canvas takes it, not only the story's box. */
export function pageBackground(theme: StoryTheme): string {
  return (PAGE[theme] ?? PAGE.light).background;
}

/** Inline style of the story wrapper: the host page's colours (and the dark palette). */
export function themeStyle(theme: StoryTheme): string {
  const page = PAGE[theme] ?? PAGE.light;
  const vars =
    theme === 'dark'
      ? Object.entries(DARK_PALETTE)
          .map(([k, v]) => `${k}: ${v};`)
          .join(' ')
      : '';
  ensureHostThemes();
  // A host console's sans-serif text (the elements inherit the page's font), not the
  // browser's default serif.
  return `background: ${page.background}; color: ${page.color}; color-scheme: ${page.scheme}; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; padding: 16px; min-block-size: 100%; box-sizing: border-box; ${vars}`;
}

let installed = false;

/** Installs the host themes once, each scoped to the story wrapper that selects it. */
function ensureHostThemes(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const style = document.createElement('style');
  style.dataset.ucxStoryThemes = '';
  style.textContent = [
    `.ucx-story[data-theme='contoso'] {\n${contosoCss}\n}`,
    `.ucx-story[data-theme='fabrikam'] {\n${fabrikamCss}\n}`,
  ].join('\n');
  document.head.append(style);
}

/** The raw CSS of a host theme (for the docs panel of the theme stories). */
export const HOST_THEME_CSS = { contoso: contosoCss, fabrikam: fabrikamCss } as const;
