// The section as a host page embeds it, with an empty list (a static file as the backend).
import '../../../../src/ucx-user-sync.js';
