// What a host writes against the published types: the tags, their properties, and every
// event's detail, typed through the package name alone.
import 'ucx-user-sync/define';
import 'ucx-user-sync/filter-editor';
import type { UcxFilterChangeDetail, UcxIntegrationCreatedDetail } from 'ucx-user-sync';

const section = document.createElement('ucx-user-sync');
section.endpoint = '/api/user-sync/integrations';
section.clientId = '00000000-0000-0000-0000-000000000000';
section.addEventListener('ucx-integration-created', (e) => {
  const detail: UcxIntegrationCreatedDetail = e.detail;
  console.log(detail.integration.id);
});
section.addEventListener('ucx-error', (e) => console.log(e.detail.stage, e.detail.message));

const editor = document.createElement('ucx-filter-editor');
editor.value = '(department=Sales)';
editor.addEventListener('ucx-filter-change', (e) => {
  const detail: UcxFilterChangeDetail = e.detail;
  console.log(detail.value, detail.valid, detail.canonical, detail.error?.offset);
});
