import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    // The catalogue's first load is budgeted (web/README.md); a warning helps notice growth.
    chunkSizeWarningLimit: 600,
  },
});
