import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';
import { watchScrollRegions } from './lib/scroll-regions';
import './app/rare-font.css';
import './app/global.css';

z.config(z.locales.zhCN());
watchScrollRegions();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <AppRouter />
      </Providers>
    </StrictMode>,
  );
}
