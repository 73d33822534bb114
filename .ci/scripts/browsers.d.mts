// Types of .ci/scripts/browsers.mjs, for the TypeScript configs and e2e support.
export declare const CHROMIUM_ARGS: readonly string[];
export declare function findBrowsers(options?: {
  install?: boolean;
  /** False when only Chromium is needed: Firefox is neither installed nor reported missing. */
  firefox?: boolean;
  log?: (message: string) => void;
}): { chrome?: string; firefox?: string; missing: string[] };
