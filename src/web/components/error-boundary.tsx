import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

// The last line of defence outside the router: a plain page, because the providers may be what failed.
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main style={{ padding: 32, fontFamily: 'system-ui, sans-serif' }}>
        <h1>Terjadi kesalahan / Something went wrong</h1>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Muat ulang / Reload
        </button>
      </main>
    );
  }
}
