import { Component, type ReactNode } from 'react';
import { PageFailed } from './PageFailed.tsx';

/** A page that throws shows a note with a way to try again instead of a blank console. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('console page failed', error);
  }

  override render() {
    return this.state.failed ? <PageFailed retry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
