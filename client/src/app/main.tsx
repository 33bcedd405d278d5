import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadCatalogue } from '../i18n';
import { useAppStore } from '../store';
import '../styles.css';
import '../participant.css';
import '../reflow.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// A reader who chose English gets its strings before the first render, so the page does not flash Dutch.
void loadCatalogue(useAppStore.getState().locale)
  .catch(() => {})
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
