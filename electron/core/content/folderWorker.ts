/** A worker thread of the folder loader: runs folderJobs, one at a time (see folderLoader.ts). */
import module from 'node:module';
import { serveJobs } from '../workers/serveJobs.js';
import { runFolderJob, type FolderJob } from './folderJobs.js';

// Node keeps the compiled code of jsdom (loaded on the first read job) on disk: a thread starts in
// about a third less time from the second start on. Absent in older runtimes, where it is skipped.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
serveJobs<FolderJob, unknown>(runFolderJob);
