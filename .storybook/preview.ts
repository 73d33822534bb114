/// <reference types="vite/client" />
// Global story set-up: the custom-elements manifest (autodocs, controls), axe
// as a test (a violation fails the story), and toolbar globals for theme,
// direction and locale that wrap every story.
import { html } from 'lit';
import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { useLocale } from '../src/i18n/localization.js';
import '../src/ucx-user-sync.js';
import '../src/ucx-user-sync-dialogs.js';
import { pageBackground, themeStyle, type StoryTheme } from '../stories/support/themes.js';

// Autodocs and controls come from the committed manifest (`npm run analyze`;
// npm test checks it is fresh, and every element carries its `@tag`). Storybook lists every
// member it is given as API, with a control to set it, so left out are: private, protected
// and static members (#fields, render helpers, formAssociated); read-only ones (`validity`,
// `open`: a control there changes nothing); and an attribute that reflects a property
// (`client-id` of `clientId`), which would be a second row for it, one that the stories,
// setting the property, never read. Attributes of no property (`lang`) stay.
interface ManifestMember {
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}
interface ManifestAttribute {
  name: string;
  fieldName?: string;
}
setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations?.map((declaration) => ({
      ...declaration,
      ...('members' in declaration
        ? {
            members: (declaration.members as ManifestMember[]).filter(
              (m) => !m.privacy && !m.static && !m.readonly && !m.name.startsWith('#'),
            ),
          }
        : {}),
      ...('attributes' in declaration
        ? {
            attributes: (declaration.attributes as ManifestAttribute[]).filter((a) => !a.fieldName),
          }
        : {}),
    })),
  })),
});

type Direction = 'ltr' | 'rtl';

/** Wraps every story in a box carrying the toolbar's theme, direction and language. */
const withHostPage: Decorator = (story, context) => {
  const theme = (context.globals.theme ?? 'light') as StoryTheme;
  const dir = (context.globals.dir ?? 'ltr') as Direction;
  const locale = String(context.globals.locale ?? 'en');
  // A story alone fills the canvas: paint all of it in the page's colour (a dark theme was
  // a dark box above a white page). Docs pages show many stories, so they are left alone.
  if (context.viewMode === 'story') document.body.style.background = pageBackground(theme);
  else document.body.style.removeProperty('background');
  return html`<div
    class="ucx-story"
    data-theme=${theme}
    dir=${dir}
    lang=${locale}
    style=${themeStyle(theme)}
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  decorators: [withHostPage],
  // The runtime locale is page-wide (@lit/localize): switch it before the
  // story renders, so the first paint (and the play function) sees it.
  loaders: [
    async ({ globals }) => {
      await useLocale(String(globals.locale ?? 'en'));
      return {};
    },
  ],
  globalTypes: {
    theme: {
      description: 'Colour theme of the host page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light (defaults)' },
          { value: 'dark', title: 'Dark (dark defaults)' },
          { value: 'contoso', title: 'Host theme: Contoso' },
          { value: 'fabrikam', title: 'Host theme: Fabrikam (dark)' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the host page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the host page (the element follows the closest [lang])',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'it', title: 'Italiano' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, matchers: { color: /(colou?r|background)$/i } },
    // Every story is an axe test: a violation fails `npm run test:stories`.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
  tags: ['autodocs'],
};

export default preview;
