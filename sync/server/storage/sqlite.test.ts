import { openTestStorage } from '../testing/fixtures.ts';
import { storageSuite } from './suite.ts';

storageSuite('SQLite', () => openTestStorage('sqlite'));
