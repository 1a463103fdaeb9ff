/** Vite bundles imported CSS files; they export nothing. */
declare module '*.css';
