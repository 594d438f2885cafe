import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { AppRoot } from './app/AppRoot';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html lacks #root');
}
createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
