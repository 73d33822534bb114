// The README's embedding example as a host writes it: only the entry that defines the tag,
// nothing else from the package. Its own program (tsconfig.define-only.json), so no other
// file's imports bring the event types in.
import 'ucx-user-sync/define';

const section = document.querySelector('ucx-user-sync');
section?.addEventListener('ucx-integration-created', (e) => {
  console.log(e.detail.integration.id);
});
section?.addEventListener('ucx-integration-updated', (e) => console.log(e.detail.integration.id));
section?.addEventListener('ucx-integration-deleted', (e) => console.log(e.detail.integration.id));
section?.addEventListener('ucx-before-create', (e) => console.log(e.detail.body.source));
section?.addEventListener('ucx-consent-granted', (e) => console.log(e.detail.consent.tenantId));
section?.addEventListener('ucx-error', (e) => console.log(e.detail.stage, e.detail.message));
