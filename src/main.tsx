import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import { registerServiceWorker } from './app/registerServiceWorker';
import { applyTheme, storedTheme } from './app/theme';
import { startMonitoring } from './lib/monitor';

applyTheme(storedTheme(), false);
startMonitoring();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
