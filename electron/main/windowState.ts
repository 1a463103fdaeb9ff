import { writeFileSync } from 'node:fs';
import { readIfRegularFile } from '../core/files/fileKinds.js';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 800, maximized: false };

/** The saved window size and position, or defaults when the file is missing or damaged. */
export function loadWindowBounds(file: string): WindowBounds {
  try {
    // A FIFO in the file's place would block the start: only a regular file is read.
    const saved = JSON.parse(readIfRegularFile(file)?.toString('utf8') ?? '{}') as Partial<WindowBounds>;
    const size = (value: unknown, min: number) =>
      typeof value === 'number' && value >= min && value < 20_000 ? value : undefined;
    return {
      x: typeof saved.x === 'number' ? saved.x : undefined,
      y: typeof saved.y === 'number' ? saved.y : undefined,
      width: size(saved.width, 400) ?? DEFAULT_BOUNDS.width,
      height: size(saved.height, 300) ?? DEFAULT_BOUNDS.height,
      maximized: saved.maximized === true,
    };
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveWindowBounds(file: string, bounds: WindowBounds): void {
  try {
    writeFileSync(file, JSON.stringify(bounds));
  } catch {
    // Losing the window position is not worth bothering the user about.
  }
}
