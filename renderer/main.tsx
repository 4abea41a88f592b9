import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createQueryClient, followChanges } from './queries';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Problem, reload } from './ui/Problem';
import './styles.css';

const queryClient = createQueryClient();
// Every write, made here or anywhere else, reaches the screens that show its data.
followChanges(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary fallback={(error) => <Problem title="Recall Desk ran into a problem" error={error} actions={[{ ...reload, primary: true }]} />}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
