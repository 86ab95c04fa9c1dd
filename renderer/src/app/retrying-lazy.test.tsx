import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ComponentType, Suspense, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { lazyPart, lazyScreen, retryFailedLoads } from './retrying-lazy.tsx';

/** A chunk as the network serves it: each request fails while `down`, else it brings a screen that says its name. */
const chunk = (name: string) => {
  const network = { down: true, requests: 0 };
  const load = async () => {
    network.requests += 1;
    if (network.down) throw new TypeError(`Failed to fetch dynamically imported module: ${name}.js`);
    return { default: () => <h1>{name}</h1> };
  };
  return { network, load };
};

/**
 * The kiosk's screen host in small: a tile opens the screen under a boundary of its own (a new one each visit),
 * whose note offers "home" (the kiosk's way out) and "again" (the boundary's own retry).
 */
function Host({ Screen }: { Screen: ComponentType }) {
  const [visit, setVisit] = useState(0);
  return (
    <>
      <button onClick={() => setVisit((v) => v + 1)}>tile</button>
      <button onClick={() => setVisit(0)}>home</button>
      <Suspense fallback={<p>loading</p>}>
        {visit === 0 ? (
          <h1>home screen</h1>
        ) : (
          <ErrorBoundary
            key={visit}
            fallback={(retry) => (
              <div role="alert">
                cannot open <button onClick={retry}>again</button>
              </div>
            )}
          >
            <Screen />
          </ErrorBoundary>
        )}
      </Suspense>
    </>
  );
}

beforeEach(() => {
  // React and the boundary report the failed load: expected here, noise in the output.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a screen whose code failed to load once', () => {
  it('appears when it is opened again after going home', async () => {
    const { network, load } = chunk('feedback');
    const user = userEvent.setup();
    render(<Host Screen={lazyScreen(load)} />);

    await user.click(screen.getByRole('button', { name: 'tile' }));
    await screen.findByRole('alert');
    network.down = false;
    await user.click(screen.getByRole('button', { name: 'home' }));
    await screen.findByRole('heading', { name: 'home screen' });
    await user.click(screen.getByRole('button', { name: 'tile' }));

    expect(await screen.findByRole('heading', { name: 'feedback' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("appears when its error note's retry is tapped", async () => {
    const { network, load } = chunk('duty');
    const user = userEvent.setup();
    render(<Host Screen={lazyScreen(load)} />);

    await user.click(screen.getByRole('button', { name: 'tile' }));
    await screen.findByRole('alert');
    network.down = false;
    await user.click(screen.getByRole('button', { name: 'again' }));

    expect(await screen.findByRole('heading', { name: 'duty' })).toBeInTheDocument();
  });

  it('is asked for once per opening, not again and again while its error note shows', async () => {
    const { network, load } = chunk('notices');
    const user = userEvent.setup();
    render(<Host Screen={lazyScreen(load)} />);

    await user.click(screen.getByRole('button', { name: 'tile' }));
    await screen.findByRole('alert');
    // Long enough for a loop of imports (each failing at once, as a browser that remembers the failure does) to show.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(network.requests).toBe(1);

    await user.click(screen.getByRole('button', { name: 'home' }));
    await user.click(screen.getByRole('button', { name: 'tile' }));
    await screen.findByRole('alert');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(network.requests).toBe(2);
  });

  it('is among the loads the recovery between residents tries again, until one of them succeeds', async () => {
    const { network, load } = chunk('bills');
    const user = userEvent.setup();
    render(<Host Screen={lazyScreen(load)} />);
    await user.click(screen.getByRole('button', { name: 'tile' }));
    await screen.findByRole('alert');

    const requests = network.requests;
    await retryFailedLoads();
    expect(network.requests).toBe(requests + 1);
    network.down = false;
    await retryFailedLoads();
    expect(network.requests).toBe(requests + 2);
    // Loaded now: no longer among the failed, and the screen opens from what was loaded.
    await retryFailedLoads();
    expect(network.requests).toBe(requests + 2);
    await user.click(screen.getByRole('button', { name: 'home' }));
    await user.click(screen.getByRole('button', { name: 'tile' }));
    expect(await screen.findByRole('heading', { name: 'bills' })).toBeInTheDocument();
  });
});

describe('a part the kiosk can do without for a while', () => {
  it('shows its fallback while its code cannot be had, then appears by itself once it can', async () => {
    const { network, load } = chunk('attract loop');
    const Part = lazyPart(load, { firstRetryMs: 20, maxRetryMs: 40 });
    render(
      <ErrorBoundary fallback={() => <p role="alert">broken</p>}>
        <Suspense fallback={<p>nothing yet</p>}>
          <Part />
        </Suspense>
      </ErrorBoundary>,
    );
    await vi.waitFor(() => expect(network.requests).toBeGreaterThanOrEqual(3));
    expect(screen.getByText('nothing yet')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();

    network.down = false;
    expect(await screen.findByRole('heading', { name: 'attract loop' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
