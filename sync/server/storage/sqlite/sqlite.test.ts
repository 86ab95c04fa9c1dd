import { openTestStorage } from '../../testing/fixtures.ts';
import { storageSuite } from '../../testing/storage-suite.ts';

storageSuite('SQLite', () => openTestStorage('sqlite'));
