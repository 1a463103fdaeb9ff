/** A worker thread of the folder loader: runs folderJobs, one at a time (see folderLoader.ts). */
import { serveJobs } from '../workers/serveJobs.js';
import { runFolderJob, type FolderJob } from './folderJobs.js';

serveJobs<FolderJob, unknown>(runFolderJob);
