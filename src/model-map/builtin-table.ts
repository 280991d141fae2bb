// The built-in copy's rows. From the source (tests, tsx) and in the command bundles: the text
// form of builtin-data.ts, one line parsed per key found. In the start-up bundle (dist/gwcfg.cjs)
// scripts/build.mjs (`lazy-model-map`) replaces this module with one that reads dist/model-map.txt
// a bucket at a time (bucketed.ts), so a lint run neither compiles the rows nor reads all of them.
import { BUILTIN_MAP_TEXT } from './builtin-data.js';
import { textTable, type ModelTable } from './map.js';

export function builtinTable(): ModelTable {
  return textTable(BUILTIN_MAP_TEXT);
}
