import { describe, inject, it } from 'vitest';
import { openTestStorage } from '../../testing/fixtures.ts';
import { storageSuite } from '../../testing/storage-suite.ts';

// The global setup starts a private cluster; without PostgreSQL installed it fails under CI and skips elsewhere.
if (inject('pgUrl')) storageSuite('PostgreSQL', () => openTestStorage('postgres'));
else describe.skip('storage on PostgreSQL (not installed here)', () => it('needs PostgreSQL', () => {}));
