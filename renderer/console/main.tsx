import '@shared/platform/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/ApiProvider.tsx';
import { createConsoleClient } from './api/client.ts';
import { createEventSourceFeed } from './api/live.ts';
import { ConsoleApp } from './app/ConsoleApp.tsx';
import { RouterProvider } from './app/router.tsx';
import { SessionProvider } from './app/session.tsx';
import { createConsoleI18n, loadLanguage, preferredLanguage } from './i18n/index.ts';
import './styles/console.css';

const client = createConsoleClient();
const openLive = () => createEventSourceFeed(client.href('live'));
const language = preferredLanguage();
const i18n = createConsoleI18n(language, { [language]: await loadLanguage(language) });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={client} openLive={openLive}>
        <RouterProvider>
          <SessionProvider>
            <ConsoleApp />
          </SessionProvider>
        </RouterProvider>
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
