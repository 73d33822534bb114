// Defaults shared by the section, the dialogs and the preview, in a module of
// their own so the section's first paint doesn't pull in the preview.

/** Microsoft Graph's v1.0 endpoint. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** Saving an edit that removes more users than this asks for confirmation. */
export const DEFAULT_REMOVAL_CONFIRM_THRESHOLD = 50;
