import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { CONTENT_SECURITY_POLICY } from './electron/shared/csp.js'

// The renderer: loaded from the app's own files (relative base), never from a server in production.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    svelte(),
    {
      // The page's CSP is the constant main sends as a header, generated here so the two never differ.
      name: 'broadsheet-csp',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
})
