import type { Session } from '@protocol/console/session.ts';
import type { Language } from '@shared/i18n/setup.ts';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { createConsoleClient } from '../api/client.ts';
import { ConsoleApp } from '../app/ConsoleApp.tsx';
import { BASE, RouterProvider } from '../app/router.tsx';
import { SessionProvider } from '../app/session.tsx';
import { createConsoleI18n } from '../i18n/index.ts';
import en from '../i18n/locales/en/bundle.ts';
import zh from '../i18n/locales/zh-CN/bundle.ts';
import { createFakeLive } from './fake-live.ts';
import { createFakeServer, fail, type Handlers } from './fake-server.ts';
import { organisation } from './fixtures.ts';

// jsdom has neither modal dialogs nor layout: the browser's own behaviour is checked in Chromium (tests/e2e).
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/**
 * The whole console at a path, signed in as `session` (or signed out: null), on a fake server answering from
 * `handlers` (GET /session and GET /organisation are given unless the test says otherwise). Returns the user,
 * the server's record of calls, the live feed to push changes into, and every translation key the screens
 * asked for that does not exist.
 */
export const renderConsole = (path: string, { session, handlers = {}, language = 'zh-CN' }: { session: Session | null; handlers?: Handlers; language?: Language }) => {
  const server = createFakeServer({
    session: () => (session ? session : fail(401, 'unauthorized')),
    organisation: () => organisation,
    ...handlers,
  });
  const live = createFakeLive();
  const client = createConsoleClient({ fetch: server.fetch });
  // As main.tsx does: the language asked for only; a switch loads the other as the console would.
  const i18n = createConsoleI18n(language, { [language]: language === 'en' ? en : zh });
  const missing: string[] = [];
  i18n.options.saveMissing = true;
  i18n.options.missingKeyHandler = (_languages, namespace, key) => missing.push(`${namespace}:${key}`);
  window.history.replaceState(null, '', `${BASE}${path}`);
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={client} openLive={() => live.feed}>
        <RouterProvider>
          <SessionProvider>
            <ConsoleApp />
          </SessionProvider>
        </RouterProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
  return { ...view, user, server, live, missing, i18n };
};
