import { Component, type ReactNode } from 'react';
import { forgetFailedLoad } from './retrying-lazy.tsx';

/** A screen that throws must not leave a resident in front of a blank page: show a calm note and recover. */
export class ErrorBoundary extends Component<{ fallback: (retry: () => void) => ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('screen failed', error);
    // Now that the failure is on screen: a screen whose code did not load fetches it again when next rendered.
    forgetFailedLoad(error);
  }

  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}
