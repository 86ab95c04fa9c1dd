import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../../testing/fake-server.ts';
import { staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

describe('signing in to the console', () => {
  it('says a wrong password in words, keeps the name and clears the password', async () => {
    const { user, server, missing } = renderConsole('/inbox', { session: null, handlers: { login: () => fail(401, 'invalid-credentials') } });
    await user.type(await screen.findByLabelText('账号'), 'Li.Zhuren');
    await user.type(screen.getByLabelText('密码'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('账号或密码不对');
    expect(screen.getByLabelText('账号')).toHaveValue('Li.Zhuren');
    expect(screen.getByLabelText('密码')).toHaveValue('');
    expect(server.callsTo('login')[0]?.body).toEqual({ login: 'li.zhuren', password: 'not-the-password' });
    expect(missing).toEqual([]);
  });

  it('says how long a locked account stays locked', async () => {
    const { user } = renderConsole('/', { session: null, handlers: { login: () => fail(429, 'account-locked', { retryAfterSeconds: 14 * 60 + 5 }) } });
    await user.type(await screen.findByLabelText('账号'), 'li.zhuren');
    await user.type(screen.getByLabelText('密码'), 'whatever-it-is');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请 15 分钟后再试');
  });

  it('asks for both fields before asking the server', async () => {
    const { user, server } = renderConsole('/', { session: null });
    await user.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写账号和密码');
    expect(server.callsTo('login')).toEqual([]);
  });

  it('opens the page that was asked for once signed in, and sends the CSRF token with changes after', async () => {
    const { user, server } = renderConsole('/account', { session: null, handlers: { login: () => staffSession, logoutEverywhere: () => ({ ended: 2 }) } });
    await user.type(await screen.findByLabelText('账号'), 'li.zhuren');
    await user.type(screen.getByLabelText('密码'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '我的账号' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '在所有设备上退出' }));
    expect(await screen.findByText('您已退出登录。')).toBeInTheDocument();
    expect(server.callsTo('logoutEverywhere')[0]?.csrf).toBe(staffSession.csrfToken);
  });

  it('comes back to sign-in, saying the session ended, when the server no longer knows it', async () => {
    let signedIn = true;
    const { user } = renderConsole('/account', {
      session: staffSession,
      handlers: {
        changePassword: () => {
          signedIn = false;
          return fail(401, 'unauthorized');
        },
      },
    });
    await user.type(await screen.findByLabelText('当前密码'), 'the old one is long');
    await user.type(screen.getByLabelText('新密码'), 'a brand new password');
    await user.type(screen.getByLabelText('再输一次新密码'), 'a brand new password');
    await user.click(screen.getByRole('button', { name: '修改密码' }));
    await waitFor(() => expect(signedIn).toBe(false));
    expect(await screen.findByText(/登录已过期，请重新登录/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
  });

  it('speaks English when asked, and remembers it', async () => {
    const { user } = renderConsole('/', { session: null });
    await user.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to the community console' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('yizhan-console-language')).toBe('en');
  });
});
