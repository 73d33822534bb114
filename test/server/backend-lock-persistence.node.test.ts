import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Integration, IntegrationList } from '../../src/backend/types.js';
import { DB_FILE_NAME, VENDOR_WEBEX_ID } from '../../demo/server/backend/index.js';
import {
  OTHER_TENANT,
  assertSchema,
  createBody,
  createTestIdp,
  expectProblem,
  patch,
  post,
  startTestBackend,
  type TestBackend,
  type TestIdp,
} from './backend-helpers.js';

let idp: TestIdp;

beforeAll(async () => {
  idp = await createTestIdp();
});
afterAll(async () => {
  await idp.close();
});

const items = async (be: TestBackend): Promise<Integration[]> =>
  ((await (await fetch(be.endpoint)).json()) as IntegrationList).items;

const setLock = (be: TestBackend, active: unknown) =>
  fetch(`${be.endpoint}/_demo/vendor-lock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ active }),
  });

describe('reference backend: vendor lock', () => {
  let be: TestBackend;
  beforeAll(async () => {
    be = await startTestBackend(idp, { seed: true, demoControls: true });
  });
  afterAll(async () => {
    await be.dispose();
  });

  it('starts unlocked: the seeded vendor Webex integration is disabled', async () => {
    const res = await fetch(`${be.endpoint}/_demo/vendor-lock`);
    expect(await res.json()).toEqual({ active: false });
    const created = await post(be.endpoint, await createBody(idp));
    expect(created.status).toBe(201);
  });

  it('always refuses PATCH and DELETE of the vendor-managed integration (423)', async () => {
    const p = await expectProblem(
      await patch(`${be.endpoint}/${VENDOR_WEBEX_ID}`, { filter: null }),
      423,
      'vendor-managed-lock',
    );
    expect(p.detail).toMatch(/Imagicle Support/);
    await expectProblem(
      await fetch(`${be.endpoint}/${VENDOR_WEBEX_ID}`, { method: 'DELETE' }),
      423,
      'vendor-managed-lock',
    );
    expect((await items(be)).some((i) => i.id === VENDOR_WEBEX_ID)).toBe(true);
  });

  it('switched on, refuses every create with 409 vendor-managed-lock; off again, creates', async () => {
    const on = await setLock(be, true);
    expect(on.status).toBe(200);
    const onBody = (await on.json()) as { active: boolean; integration: Integration };
    expect(onBody.active).toBe(true);
    assertSchema('Integration', onBody.integration);
    expect(onBody.integration).toMatchObject({
      source: 'webex',
      managedBy: 'vendor',
      status: 'active',
    });

    const listed = (await items(be)).find((i) => i.id === VENDOR_WEBEX_ID);
    expect(listed?.status).toBe('active');

    const body = await createBody(idp, {}, { tid: OTHER_TENANT });
    const p = await expectProblem(await post(be.endpoint, body), 409, 'vendor-managed-lock');
    expect(p.detail).toMatch(/Imagicle Support/);
    await expectProblem(
      await fetch(`${be.endpoint}/${VENDOR_WEBEX_ID}`, { method: 'DELETE' }),
      423,
      'vendor-managed-lock',
    );
    // Customer-managed ones stay editable while locked.
    const mine = (await items(be)).find((i) => i.managedBy === 'customer');
    expect((await patch(`${be.endpoint}/${mine?.id}`, { filter: '(location=Rome)' })).status).toBe(
      200,
    );

    const off = await setLock(be, false);
    expect(((await off.json()) as { active: boolean }).active).toBe(false);
    expect((await post(be.endpoint, body)).status).toBe(201);
  });

  it('refuses a second Entra integration of the same tenant (409 already-exists)', async () => {
    const p = await expectProblem(
      await post(be.endpoint, await createBody(idp)),
      409,
      'already-exists',
    );
    expect(p.detail).toMatch(/already synchronized/);
  });

  it('validates the demo control body', async () => {
    await expectProblem(await setLock(be, 'yes'), 400, 'validation-failed');
  });

  it('has no demo control unless demoControls is on', async () => {
    const plain = await startTestBackend(idp, { seed: true });
    try {
      await expectProblem(await setLock(plain, true), 404, 'no-route');
    } finally {
      await plain.dispose();
    }
  });
});

describe('reference backend: persistence', () => {
  it('keeps integrations, edits and deletions across a restart, and seeds only once', async () => {
    let be = await startTestBackend(idp, { seed: true, demoControls: true });
    try {
      expect(existsSync(join(be.dataDir, DB_FILE_NAME))).toBe(true);
      const seeded = await items(be);
      expect(seeded).toHaveLength(3);
      const created = (await (
        await post(be.endpoint, await createBody(idp))
      ).json()) as Integration;
      const edited = seeded.find((i) => i.status === 'error');
      const deleted = seeded.find((i) => i.status === 'active' && i.managedBy === 'customer');
      await patch(`${be.endpoint}/${edited?.id}`, { filter: '(officeLocation=Building 7)' });
      await fetch(`${be.endpoint}/${deleted?.id}`, { method: 'DELETE' });
      await setLock(be, true);
      const before = await items(be);

      be = await be.restart();
      const after = await items(be);
      expect(after).toEqual(before);
      expect(after.some((i) => i.id === created.id)).toBe(true);
      expect(after.some((i) => i.id === deleted?.id)).toBe(false);
      expect(after.find((i) => i.id === edited?.id)?.filter).toBe('(officeLocation=Building 7)');
      expect(after.find((i) => i.id === VENDOR_WEBEX_ID)?.status).toBe('active');
    } finally {
      await be.dispose();
    }
  });

  it('seeds nothing when seed is false', async () => {
    const be = await startTestBackend(idp, { seed: false });
    try {
      expect(await items(be)).toEqual([]);
    } finally {
      await be.dispose();
    }
  });
});
