/**
 * One user-folder measurement in a process of its own, as the app's core has it: a bench process
 * that has just built four engines' indexes carries hundreds of megabytes whose garbage collection
 * would be charged to the folder. Prints the FolderRow as JSON.
 */
import { measureUserFolder } from './folder.js';

const [files, pathological] = process.argv.slice(2);
console.log(JSON.stringify(await measureUserFolder(Number(files), pathological === 'pathological')));
