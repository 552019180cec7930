"""Promises about how the search engine's files are put together: one entry
(overrides/assets/javascripts/handbook-search-engine.js) that names its modules (search/*.js,
HandbookSearch.modules: the one list of them and of their order), and the same files, in that
order, wherever the engine runs: the search worker (importScripts) and Node.js (the editors'
command's runner, handbook/search/search_query.cjs). Without a browser and without a site build.
"""

from __future__ import annotations

import functools
import json
import subprocess

from handbook.core.project import ROOT
from handbook.search.search_command import RUNNER, engine_files, node_executable

JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
WORKER = JAVASCRIPTS / "workers" / "handbook-search.js"
MAX_LINES = 450

_INDEX = {"config": {"lang": ["sv"], "handbook": {}},
          "docs": [{"location": "konton/", "title": "Konton", "text": "<p>Om konton.</p>"},
                   {"location": "konton/#ett-konto", "title": "Ett konto", "text": "<p>Ditt konto på Facebook.</p>"}]}

# The search worker, run as a browser runs it, in a context of its own: importScripts runs each
# file it is given (and records it), fetch answers with the index (and records the address), the
# messages come as search-results.js sends them.
_WORKER_RUN = """
const vm = require("vm"), fs = require("fs"), url = require("url");
const [worker, index] = process.argv.slice(1);
const loaded = [], listeners = [], posted = [], fetched = [];
const context = { URL, console, location: { href: url.pathToFileURL(worker).href } };
context.self = context;
context.addEventListener = (type, listener) => { if (type === "message") listeners.push(listener); };
context.postMessage = message => posted.push(message);
context.fetch = address => { fetched.push(address); return Promise.resolve({ ok: true, json: () => Promise.resolve(JSON.parse(index)) }); };
context.importScripts = (...urls) => urls.forEach(address => {
  const file = url.fileURLToPath(address);
  loaded.push(file);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
});
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });
const send = data => listeners.forEach(listener => listener({ data }));
const atStart = loaded.slice();
send({ type: "not one of the handbook's" });
send({ type: "query", id: 1, query: "too early" });
const beforeSetup = loaded.slice();
send({ type: "setup", index: "https://intranet.example/search/search_index.json" });
send({ type: "query", id: 2, query: "kontot" });
setTimeout(() => process.stdout.write(JSON.stringify({ atStart, beforeSetup, loaded, posted, fetched })), 50);
"""

# Records, at exit, the files Node.js required (require.cache keeps the order they loaded in).
_RECORD_REQUIRES = """
process.on("exit", () => process.stderr.write("\\nREQUIRED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));
"""


@functools.cache
def _engine() -> list[str]:
    """The engine's files as the entry names them, in order (the one source of that order)."""
    return [str(p) for p in engine_files(ROOT / "overrides")]


def test_the_entry_names_every_module_of_the_search_folder_once():
    files = _engine()
    modules = sorted(str(p) for p in (JAVASCRIPTS / "search").glob("*.js"))
    assert sorted(files[1:]) == modules and len(set(files)) == len(files), (
        f"handbook-search-engine.js's MODULES {files[1:]} must name each file of {JAVASCRIPTS / 'search'} once "
        f"({modules}): a module it does not name is loaded by neither the worker nor Node.js")


def test_the_worker_loads_nothing_until_search_asks_then_the_entry_and_each_module_in_its_order():
    run = subprocess.run([node_executable(), "-e", _WORKER_RUN, str(WORKER), json.dumps(_INDEX)],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, f"the search worker fails to load or run the engine:\n{run.stderr[-2000:]}"
    worker = json.loads(run.stdout)
    assert worker["atStart"] == [] and worker["beforeSetup"] == [], (
        f"the search worker loads code before it is set up: {worker['beforeSetup']}")
    assert worker["loaded"] == _engine(), (
        "when set up, the worker must load the engine's entry and then its modules, in the "
        f"order of HandbookSearch.modules: it loaded {worker['loaded']}")
    assert worker["fetched"] == ["https://intranet.example/search/search_index.json"], worker["fetched"]
    ready, answer = worker["posted"]  # the question asked before setup gets no answer
    assert ready == {"type": "ready"}
    assert answer["type"] == "answer" and answer["id"] == 2 and answer["query"] == "kontot"
    assert [r["location"] for r in answer["groups"][0]["rows"]][:1] == ["konton/#ett-konto"], answer


def test_the_editors_command_runs_the_same_files_in_the_same_order(tmp_path):
    recorder = tmp_path / "record.cjs"
    recorder.write_text(_RECORD_REQUIRES, encoding="utf-8")
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps(_INDEX), encoding="utf-8")
    entry = _engine()[0]
    run = subprocess.run([node_executable(), "--require", str(recorder), str(RUNNER), entry, str(index)],
                         input='"kontot"\n', capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, f"search_query.cjs fails to load or run the engine:\n{run.stderr[-2000:]}"
    assert json.loads(run.stdout)["results"][0]["location"] == "konton/#ett-konto", run.stdout
    required = json.loads(run.stderr.rpartition("REQUIRED ")[2])
    assert [f for f in required if f.startswith(str(JAVASCRIPTS))] == _engine(), (
        f"search_query.cjs must require the engine's entry and then its modules, in the entry's order: {required}")


def test_no_file_of_the_engine_is_longer_than_a_reader_can_hold():
    long = {f: n for f in _engine() if (n := len(open(f, encoding="utf-8").read().splitlines())) > MAX_LINES}
    assert not long, f"split these by concern (at most {MAX_LINES} lines each): {long}"
