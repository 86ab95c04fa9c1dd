import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../protocol/ids.ts';
import { messages } from '../protocol/wire.ts';
import { runMaintenance } from './maintenance.ts';
import { engines, entries, newEpoch, pushBody, referralWithContact, requestEvent, residentRequest, startTestServer, type TestServer } from './testing/fixtures.ts';

/**
 * The district's retention as a station sees it: records pushed through the API, the clock moved past the
 * retention, maintenance run. What residents typed is personal data like their names (PIPL: the least, for the
 * shortest time), so it goes with the contact; what counts for the district's numbers stays.
 */
describe.each(engines())('retention of what residents typed (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ engine });
  });
  afterAll(async () => t?.close());

  it('purges request text, event notes and feedback comments with the names, and keeps the rest of each record', async () => {
    const station = 'typed';
    const token = await t.enrol(station);
    const at = () => t.clock.now().toISOString();
    const request = residentRequest(station, { at: at(), requestKind: 'complaint', text: '3号楼501 李秀英，独居，厨房漏水' });
    const note = { id: newId(), stationId: station, at: at(), v: 1, kind: 'request-event', requestId: request.id, type: 'cancel', actor: 'resident', note: '李秀英已搬去女儿家' };
    const feedback = { id: newId(), stationId: station, at: at(), v: 1, kind: 'feedback', rating: 2, comment: '志愿者王建国，电话13912345678' };
    const referral = referralWithContact(station);
    const submitted = requestEvent(station, request.id, 'submit');
    const pushed = await t.call(messages.push.path, pushBody(station, newEpoch(), entries([request, submitted, note, feedback, referral])), token);
    expect(pushed.json()).toMatchObject({ appliedSeq: 5, deadLetters: [] });

    t.clock.days(20);
    const recent = { id: newId(), stationId: station, at: at(), v: 1, kind: 'feedback', rating: 5, comment: '谢谢张阿姨' };
    await t.call(messages.push.path, pushBody(station, newEpoch(), entries([recent])), token);
    t.clock.days(15);

    const result = await runMaintenance(t.storage, { retentionDays: 30, tombstoneDays: 90, now: t.clock.now() });
    expect(result.personal.records).toBe(5);
    const payload = async (id: string) => (await t.storage.getRecord(id))?.payload;
    expect(await payload(request.id)).toMatchObject({ kind: 'request', requestKind: 'complaint', category: 'seniors', number: request.number });
    expect(await payload(request.id)).not.toHaveProperty('text');
    expect(await payload(note.id)).toMatchObject({ kind: 'request-event', type: 'cancel' });
    expect(await payload(note.id)).not.toHaveProperty('note');
    expect(await payload(feedback.id)).toMatchObject({ kind: 'feedback', rating: 2 });
    expect(await payload(feedback.id)).not.toHaveProperty('comment');
    const all = JSON.stringify(await Promise.all([request, note, feedback, referral].map((r) => payload(r.id))));
    // Numbers in full (the phones, the bill account as a JSON string): a part of one, such as 139, also turns up
    // inside the records' random ids now and then, which failed this test about one run in a hundred.
    expect(all).not.toMatch(/李秀英|王建国|王阿姨|13912345678|13812345678|"12345678"/);
    // Inside the retention, nothing is touched.
    expect(await payload(recent.id)).toMatchObject({ comment: '谢谢张阿姨' });
  });
});
