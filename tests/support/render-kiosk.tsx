import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Kiosk } from '../../renderer/src/app/Kiosk.tsx';
import { createI18n } from '../../renderer/src/i18n/index.ts';
import type { YizhanDb } from '../../renderer/src/store/db.ts';
import { StoreProvider } from '../../renderer/src/store/StoreProvider.tsx';
import { SyncProvider } from '../../renderer/src/sync/SyncProvider.tsx';

/** The whole kiosk as main.tsx mounts it (less the setup gate), on the given store; returns the user to tap with. */
export const renderKiosk = (db: YizhanDb) => {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      <StoreProvider db={db} fallback={<p>loading</p>}>
        <SyncProvider db={db} appVersion="test">
          <Kiosk />
        </SyncProvider>
      </StoreProvider>
    </I18nextProvider>,
  );
  return user;
};
