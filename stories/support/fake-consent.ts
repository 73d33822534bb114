// A stand-in for Microsoft's consent popup, injected through the element's
// `consent` property so no popup opens in Storybook.
import { ConsentError, type ConsentFailure, type ConsentProvider } from '../../src/auth/types.js';
import type { ConsentResult } from '../../src/backend/types.js';

export const CONSENT_RESULT: ConsentResult = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '00000000-0000-0000-0000-00000000c1d0',
  username: 'ada.admin@contoso.example',
  name: 'Ada Admin',
  idToken: 'storybook.fake.id-token',
  scopes: ['https://graph.microsoft.com/.default'],
  consentedAt: '2025-06-10T09:00:00Z',
};

export type ConsentBehaviour =
  /** Grants consent after `delay` ms. */
  | { kind: 'grant'; delay?: number }
  /** The popup stays open (until Cancel sign-in). */
  | { kind: 'hold' }
  | { kind: 'fail'; failure: ConsentFailure; delay?: number };

export function fakeConsent(
  behaviour: ConsentBehaviour = { kind: 'grant', delay: 200 },
): ConsentProvider {
  let cancelPending: (() => void) | undefined;
  return {
    ready: true,
    prepare: () => Promise.resolve(),
    // The Preview stories read the fake Graph with it (stories/support/fake-graph.ts).
    getAccessToken: () => 'storybook.fake.access-token',
    start() {
      return new Promise<ConsentResult>((resolve, reject) => {
        cancelPending = () =>
          reject(new ConsentError({ kind: 'cancelled', code: 'user_cancelled', retryable: true }));
        if (behaviour.kind === 'hold') return;
        setTimeout(() => {
          if (behaviour.kind === 'fail') reject(new ConsentError(behaviour.failure));
          else resolve({ ...CONSENT_RESULT, consentedAt: new Date().toISOString() });
        }, behaviour.delay ?? 0);
      });
    },
    cancel() {
      cancelPending?.();
      cancelPending = undefined;
    },
  };
}
