/// <reference types="vite/client" />
// Themes offered by the Storybook toolbar. The two host themes are the very
// files the theming guide shows (src/themes/*.css), so what designers review
// is what hosts copy.
import contosoCss from '../../src/themes/contoso.css?raw';
import fabrikamCss from '../../src/themes/fabrikam.css?raw';

export type StoryTheme = 'light' | 'dark' | 'contoso' | 'fabrikam';

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

/** Inline style of the story wrapper: the host page's colours. */
export function themeStyle(theme: StoryTheme): string {
  const page = PAGE[theme] ?? PAGE.light;
  ensureHostThemes();
  // A host console's sans-serif text (the elements inherit the page's font), not the
  // browser's default serif.
  return `background: ${page.background}; color: ${page.color}; color-scheme: ${page.scheme}; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; padding: 16px; min-block-size: 100%; box-sizing: border-box;`;
}

let installed = false;

/** Installs the host themes once, each scoped to the story wrapper that selects it. */
function ensureHostThemes(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const style = document.createElement('style');
  style.dataset.ucxStoryThemes = '';
  // Light and Dark set color-scheme on the elements, as a host does (src/docs/theming.md, "Dark
  // mode"): the elements' own light or dark defaults, whatever the reviewer's OS prefers.
  const elements =
    'ucx-user-sync, ucx-filter-editor, ucx-create-dialog, ucx-confirm-dialog, ucx-error-window, ucx-user-preview';
  style.textContent = [
    `.ucx-story[data-theme='light'] :is(${elements}) { color-scheme: light; }`,
    `.ucx-story[data-theme='dark'] :is(${elements}) { color-scheme: dark; }`,
    `.ucx-story[data-theme='contoso'] {\n${contosoCss}\n}`,
    `.ucx-story[data-theme='fabrikam'] {\n${fabrikamCss}\n}`,
  ].join('\n');
  document.head.append(style);
}

/** The raw CSS of a host theme (for the docs panel of the theme stories). */
export const HOST_THEME_CSS = { contoso: contosoCss, fabrikam: fabrikamCss } as const;
