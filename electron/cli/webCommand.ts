import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startBridge, type Bridge } from '../bridge/server.js';
import { rendererDir } from '../core/paths.js';
import type { Command } from './commands.js';
import { parseWholeNumber } from './usage.js';

/** Opens a URL in the system browser; failure only means the user opens the printed URL by hand. */
function openInBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'win32'
      ? ['cmd', '/c', 'start', '""', url]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', url];
  try {
    spawn(command!, args, { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    // Nothing to do: the URL is printed.
  }
}

/** `seller-kb web`: the app in a browser, served on 127.0.0.1 until Ctrl+C. */
export function webCommand(appRoot: string): Command {
  return {
    words: ['web'],
    usage: 'seller-kb web [--port N] [--data DIR] [--no-open]',
    summary: 'Run the app in your browser (127.0.0.1 only)',
    options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    positionals: [0, 0],
    async run(context) {
      const port =
        parseWholeNumber(
          typeof context.values.port === 'string' ? context.values.port : undefined,
          '--port',
          0,
          65535,
        ) ?? 0;
      const staticDir = rendererDir(appRoot);
      if (!existsSync(staticDir))
        context.io.err('seller-kb: the renderer is not built yet; run "npm run build" first. Serving the API only.');
      const core = await context.core();
      // The browser is opened, and the user given, one-time links: the token itself is on no command line.
      const bridge: Bridge = await startBridge({
        api: core,
        events: (listener) => core.events.subscribe(listener),
        staticDir: existsSync(staticDir) ? staticDir : null,
        port,
        onLinkReused: () =>
          context.io.err(
            `seller-kb: a one-time link was used twice, so someone else may have had it; every browser session was ended. Open this new one-time link: ${bridge.openLink()}`,
          ),
      });
      context.io.out(`Seller KB is running at ${bridge.url}`);
      if (!context.values['no-open']) openInBrowser(bridge.openLink());
      context.io.out(
        `Open it with this one-time link (it works once; the tab it opens stays signed in until seller-kb web stops): ${bridge.openLink()}`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => void bridge.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    },
  };
}
