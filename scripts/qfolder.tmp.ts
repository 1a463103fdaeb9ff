import { measureUserFolder } from './bench/folder.js';
for (const n of process.argv.slice(2).map(Number)) console.log(await measureUserFolder(n));
