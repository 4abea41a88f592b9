import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = {
  children: ReactNode;
  /** What to show instead of the children once they failed; `retry` draws them again. */
  fallback: (error: unknown, retry: () => void) => ReactNode;
  /** Called before drawing the children again (e.g. to let failed queries fetch again). */
  onRetry?: () => void;
};

/** Catches a failed render below it, so a bug shows a readable message instead of a white window. */
export class ErrorBoundary extends Component<Props, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo) {
    // React reports the error itself (the console, in development with the component stack); the
    // message may quote a guest's data, so nothing more is logged or sent anywhere.
  }

  retry = () => {
    this.props.onRetry?.();
    this.setState({ failed: false, error: null });
  };

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
