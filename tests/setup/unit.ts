import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Lazily loaded screens on a loaded 2-core machine can take more than the default second to appear.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
