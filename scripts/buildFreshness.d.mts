/** Types of buildFreshness.mjs (a plain script: it runs before anything is built). */
export declare const BUILD_STAMP: string;
export declare function whyRebuild(appDir: string): string | null;
export declare function stampBuild(): void;
export declare function buildIfStale(appDir: string, log: (line: string) => void): Promise<void>;
