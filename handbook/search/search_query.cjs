// Runs the site's own search (handbook-search-engine.js and the modules it names, search/*.js:
// the files the browser's search worker runs) in Node.js for handbook/search/search_command.py:
// `node search_query.cjs ENGINE INDEX` reads one question per line (JSON strings) on standard
// input and writes one JSON answer per line. Requiring ENGINE requires its modules, from the
// same folder and in the order the worker loads them (HandbookSearch.modules).
"use strict";
const fs = require("fs");
const readline = require("readline");

const [engineFile, indexFile] = process.argv.slice(2);
const HandbookSearch = require(engineFile);
const engine = HandbookSearch.create(JSON.parse(fs.readFileSync(indexFile, "utf8")));
const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  if (!line.trim()) return;
  const found = engine.search(JSON.parse(line), { explain: true });
  process.stdout.write(JSON.stringify(found) + "\n");
});
