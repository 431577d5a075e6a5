import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 reads its configuration from the plugin options; svelte.config.js is ignored.
export default defineConfig({
  plugins: [
    sveltekit({
      // A pure SPA: the gateway serves build/ and falls back to 200.html for every app path.
      adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
    }),
  ],
  server: {
    proxy: {
      '/graphql': {
        target: `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}`,
        // Keep the original Host so the session cookie stays first-party on the dev origin.
        changeOrigin: false,
      },
    },
  },
});
