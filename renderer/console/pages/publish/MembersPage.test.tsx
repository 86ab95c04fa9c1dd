import { hashMemberQrSecret, memberQrText, PIN_HASH_PATTERN, verifyMemberPin } from '@protocol/pin-hash.ts';
import { QrCode } from '@shared/ui/QrCode.tsx';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishedLists, SCOPE, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const credentials = () => ({ credentials: [{ memberId: 'zhang-wei', scope: SCOPE, hasPin: true, hasQr: false, updatedAt: '2026-03-01T00:00:00.000Z' }] });

describe('members and how they sign in at the kiosk', () => {
  it('lists the community\'s members with their unit, skills and sign-in, phone masked', async () => {
    const { missing } = renderConsole('/publish/members', { session: staffSession, handlers: { ...publishedLists(), memberCredentials: credentials } });
    const row = await screen.findByRole('row', { name: /张伟/ });
    expect(row).toHaveTextContent('自来水公司');
    expect(row).toHaveTextContent('水管维修');
    expect(row).toHaveTextContent('138****1111');
    expect(row).not.toHaveTextContent('13800001111');
    expect(row).toHaveTextContent('已设密码');
    expect(within(screen.getByRole('row', { name: /赵敏/ })).getByText('无密码')).toBeInTheDocument();
    expect(missing).toEqual([]);
  });

  it('hashes a new PIN in the browser and sends only the hash', async () => {
    const { user, server } = renderConsole('/publish/members', {
      session: staffSession,
      handlers: { ...publishedLists(), memberCredentials: credentials, setMemberCredentials: ({ body }) => ({ credentials: { memberId: body.memberId, scope: body.scope, hasPin: true, hasQr: false, updatedAt: '2026-03-05T00:00:00.000Z' } }) },
    });
    await user.click(await screen.findByRole('button', { name: '赵敏 的签到密码' }));
    const dialog = await screen.findByRole('dialog', { name: '设置签到密码：赵敏' });
    await user.type(within(dialog).getByLabelText('新密码'), '12');
    await user.click(within(dialog).getByRole('button', { name: '保存密码' }));
    expect(within(dialog).getByText('密码是 4 到 8 位数字。')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('新密码'));
    await user.type(within(dialog).getByLabelText('新密码'), '482913');
    await user.type(within(dialog).getByLabelText('再输一次'), '482913');
    await user.click(within(dialog).getByRole('button', { name: '保存密码' }));
    expect(await screen.findByText('赵敏 的密码已设置，驿站下次同步后生效。')).toBeInTheDocument();
    const [call] = server.callsTo('setMemberCredentials');
    expect(call?.body.memberId).toBe('zhao-min');
    expect(call?.body.scope).toBe(SCOPE);
    expect(call?.body.pinHash).toMatch(PIN_HASH_PATTERN);
    expect(JSON.stringify(call?.body)).not.toContain('482913');
    expect(await verifyMemberPin('482913', call?.body.pinHash ?? '')).toBe(true);
  });

  afterEach(() => vi.restoreAllMocks());

  it('issues a QR badge whose code the kiosk will accept, sending only the secret\'s hash', async () => {
    // The secret's 128 random bits, fixed for the test: 16 bytes of 7 make this base64url secret.
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.fill(7);
      return array;
    });
    const secret = 'BwcHBwcHBwcHBwcHBwcHBw';
    const { user, server } = renderConsole('/publish/members', {
      session: staffSession,
      handlers: { ...publishedLists(), memberCredentials: credentials, setMemberCredentials: ({ body }) => ({ credentials: { memberId: body.memberId, scope: body.scope, hasPin: true, hasQr: true, updatedAt: '2026-03-05T00:00:00.000Z' } }) },
    });
    await user.click(await screen.findByRole('button', { name: '张伟 的二维码胸牌' }));
    const dialog = await screen.findByRole('dialog', { name: '二维码胸牌：张伟' });
    await user.click(within(dialog).getByRole('button', { name: '发放胸牌' }));
    const badge = await within(dialog).findByRole('img', { name: '张伟 的签到二维码' });
    expect(within(dialog).getByText(/只显示这一次/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '打印胸牌' })).toBeInTheDocument();
    const [call] = server.callsTo('setMemberCredentials');
    expect(call?.body).toEqual({ scope: SCOPE, memberId: 'zhang-wei', qrHash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(call?.body.qrHash).toBe(await hashMemberQrSecret(secret));
    // The badge draws exactly the text the kiosk reads: YZM1:<member>:<secret>.
    const reference = render(<QrCode text={memberQrText('zhang-wei', secret)} label="reference" />);
    expect(badge.querySelector('path')?.getAttribute('d')).toBe(reference.container.querySelector('path')?.getAttribute('d'));
  });
});
