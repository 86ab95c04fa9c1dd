import { hashMemberPin, hashMemberQrSecret, memberQrText, newMemberQrSecret } from '@protocol/pin-hash.ts';
import demoCredentials from '@assets/demo/member-credentials.json';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { identifyByQr, verifyPin } from './identify.ts';
import { LOCK_MS, lockoutState } from './lockout.ts';
import { YizhanDb } from '../store/db.ts';

const DEMO_KIOSK = { stationId: 'demo-station', demoSignIn: true };
/** A tablet provisioned as a station, still holding the demo catalogue of its first start. */
const STATION = { stationId: 'hq-07', demoSignIn: false };
const demoQr = (memberId: string) => memberQrText(memberId, demoCredentials.members.find((m) => m.memberId === memberId)!.qrSecret);
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 2, 0) + minutes * 60_000);

describe('verifyPin', () => {
  it('accepts the member PIN offline against the published hash, and refuses another', async () => {
    const db = await freshDb();
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '1234', at(0))).toEqual({ ok: true });
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '4321', at(1))).toEqual({ ok: false, reason: 'wrong-pin', triesLeft: 4 });
  });

  it('locks a member for 15 minutes after the fifth wrong PIN, the right PIN included, and writes it down for staff', async () => {
    const db = await freshDb();
    for (let i = 1; i <= 4; i += 1) expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '0000', at(i))).toMatchObject({ reason: 'wrong-pin', triesLeft: 5 - i });
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '0000', at(5))).toEqual({ ok: false, reason: 'locked', until: at(5).getTime() + LOCK_MS });
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '1234', at(6))).toMatchObject({ ok: false, reason: 'locked' });
    // Another member on the same tablet is not affected.
    expect(await verifyPin(db, DEMO_KIOSK, 'zhao-jianguo', '1234', at(6))).toEqual({ ok: true });
    const audit = await db.deviceEvents.toArray();
    expect(audit.map((e) => [e.type, e.detail])).toEqual([['volunteer-pin-locked', 'wang-xiulan']]);
    expect((await db.outbox.toArray()).filter((entry) => entry.kind === 'device-event')).toHaveLength(1);
    // Fifteen minutes later the right PIN works again, with a fresh count.
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '1234', at(20))).toEqual({ ok: true });
  });

  it('keeps the count across a reload: a new connection to the same database sees the lock', async () => {
    const db = await freshDb();
    for (let i = 1; i <= 5; i += 1) await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '9999', at(i));
    db.close();
    const reopened = new YizhanDb(db.name);
    expect(await lockoutState(reopened, 'wang-xiulan', at(10).getTime())).toEqual({ locked: true, until: at(5).getTime() + LOCK_MS });
    expect(await verifyPin(reopened, DEMO_KIOSK, 'wang-xiulan', '1234', at(10))).toMatchObject({ reason: 'locked' });
  });

  it('counts wrong PINs across a success only until it: a right PIN starts the count again', async () => {
    const db = await freshDb();
    for (let i = 1; i <= 4; i += 1) await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '0000', at(i));
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '1234', at(5))).toEqual({ ok: true });
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '0000', at(6))).toMatchObject({ triesLeft: 4 });
  });

  it('says so when the centre has set no PIN for the member', async () => {
    const db = await freshDb();
    await db.memberCredentials.update('wang-xiulan', { pinHash: null });
    expect(await verifyPin(db, DEMO_KIOSK, 'wang-xiulan', '1234', at(0))).toEqual({ ok: false, reason: 'no-pin' });
  });

  it('on a station takes the demo’s PIN, printed in the README, for no PIN at all: it counts no try, and the centre’s PIN works', async () => {
    const db = await freshDb();
    expect(await verifyPin(db, STATION, 'wang-xiulan', demoCredentials.pin, at(0))).toEqual({ ok: false, reason: 'no-pin' });
    expect(await verifyPin(db, STATION, 'wang-xiulan', '0000', at(1))).toEqual({ ok: false, reason: 'no-pin' });
    expect(await lockoutState(db, 'wang-xiulan', at(2).getTime())).toEqual({ locked: false, triesLeft: 5 });
    await db.memberCredentials.update('wang-xiulan', { pinHash: await hashMemberPin('5821') });
    expect(await verifyPin(db, STATION, 'wang-xiulan', '5821', at(3))).toEqual({ ok: true });
    expect(await verifyPin(db, STATION, 'zhao-jianguo', demoCredentials.pin, at(3))).toEqual({ ok: false, reason: 'no-pin' });
  });
});

describe('identifyByQr', () => {
  it('knows a member by the secret in their code, and refuses a withdrawn, foreign or unknown one', async () => {
    const db = await freshDb();
    const secret = newMemberQrSecret();
    await db.memberCredentials.update('chen-jing', { qrHash: await hashMemberQrSecret(secret) });
    expect(await identifyByQr(db, memberQrText('chen-jing', secret), false)).toMatchObject({ ok: true, member: { name: '陈静' } });
    expect(await identifyByQr(db, memberQrText('chen-jing', newMemberQrSecret()), false)).toEqual({ ok: false, reason: 'withdrawn' });
    expect(await identifyByQr(db, memberQrText('nobody', secret), false)).toEqual({ ok: false, reason: 'unknown-member' });
    expect(await identifyByQr(db, 'https://example.com/', false)).toEqual({ ok: false, reason: 'not-a-member-code' });
  });

  it('knows a demo member by the demo’s code only where the demo is meant', async () => {
    const db = await freshDb();
    expect(await identifyByQr(db, demoQr('wang-xiulan'), true)).toMatchObject({ ok: true, member: { id: 'wang-xiulan' } });
    expect(await identifyByQr(db, demoQr('wang-xiulan'), false)).toEqual({ ok: false, reason: 'withdrawn' });
  });
});
