// A static SPA: every route is prerendered as a shell and rendered in the browser, with
// trailing slashes so each page is a folder's index.html that any static host serves.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'always';
