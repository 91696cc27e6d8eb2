import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerConnection } from './api/connection';
import { createServeClient, takeToken } from './api/serve-client';
import './styles.css';

// Electron's preload provides window.herald; in a plain browser we are `herald serve`'s page.
if (!(window as Partial<Window>).herald) {
  const client = createServeClient(takeToken());
  window.herald = client.api;
  registerConnection(client);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
