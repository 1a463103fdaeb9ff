// The part of jsdom the code uses: a window for DOMPurify. Declared here instead of @types/jsdom,
// which brings the whole DOM library with it and would let Node-side code use `document` unchecked.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: object;
  }
}
