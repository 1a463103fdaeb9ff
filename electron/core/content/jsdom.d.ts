// The part of jsdom the core uses: a window for DOMPurify. tsconfig.json maps "jsdom" here so that
// @types/jsdom, which brings the whole DOM library with it, stays out of the Node-side type check.
export declare class JSDOM {
  constructor(html?: string);
  readonly window: object;
}
