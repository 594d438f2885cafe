import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import './styles.css';
import { AppRoot } from './app/AppRoot';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html lacks #root');
}
const root = container;

void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <AppRoot />
    </StrictMode>,
  );
});
