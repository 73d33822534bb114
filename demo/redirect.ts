// Entry of demo/redirect.html: MSAL's redirect bridge (see src/auth/redirect-bridge.ts).
import '../src/auth/redirect-bridge.js';
