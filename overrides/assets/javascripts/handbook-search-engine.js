// The handbook's search: ranks the sections of one language's search index for a reader's
// question. It knows nothing of Material for MkDocs: the search worker (workers/handbook-search.js)
// feeds it the index and hands its results to Material's search box, and the editors' command
// (uv run handbook-search) runs these same files in Node.js, so the two cannot disagree.
//
// This file is the entry: it names the engine's modules (search/, MODULES below, one concern
// each) and puts them together. The worker loads it, then the modules in that order, with
// importScripts; Node.js's require() of this file requires them, in the same order. Each
// module adds its part to a shared object (self.HandbookSearchParts in the worker; in Node.js
// the one this file hands it), and may use the parts before it. No build step: plain scripts.
//
// How a question is matched, word by word (each word scores its best match in a section):
// - exact: the word as typed ("konton");
// - folded: the word typed without diacritics ("andringar": "ändringar");
// - stem: another form of the same word ("kontot"; Snowball's Swedish stemmer, Porter's English);
// - part: part of a compound ("inställningar" in "säkerhetsinställningarna"; the build splits the
//   handbook's compounds with a Swedish dictionary), or a typed compound that the handbook writes
//   apart or hyphenated ("facebookkonton": "Facebook-konto"); a typed compound the handbook has
//   as a word is not read as its parts ("skärmläsare" does not find "läsa"); modifier: a part
//   before a compound's last part, which counts less ("jobb" in "jobbkonto");
// - lexicon: a word the handbook does not say, where it says a word a thesaurus links it to
//   (config.handbook.lexicon; "gnälla": "klaga"), one step;
// - other: a word the reader's language's pages lack altogether, where the same section in the
//   other language says it (doc.other; "feed" on the Swedish site finds the Swedish section);
// - derived: a word made from the same word: without a negating prefix ("olämpligt":
//   "lämpligt", "inappropriate": "appropriate") and, in English, with another derivational
//   ending ("comply": "compliant", "privately": "private");
// - typo: one wrong, missing, extra or swapped letter (two in long words), on the word as typed
//   and on its stem ("yttrandefrihed", "sekretes"), and in a part of a typed compound
//   ("integritets|instälningar");
// - prefix: the word being typed, the last one, as the start of a word ("sekre"); and a word
//   found in no other way, as an abbreviation ("comms").
// A stem is also found without an inflectional ending the stemmer missed ("kontot", "konton":
// "konto"), and a gendered compound by its other endings ("spokesman": "spokesperson").
// An exact match counts most, a prefix least. A word found in few sections counts for more
// than one found in many (BM25's idf), so the rare word that carries a question outweighs
// "sociala medier"; and a word that nearly every page has, or the handbook's title has ("sociala
// medier" in "Handbok för sociala medier"), counts less: it does not tell the pages apart. Words
// of the question said together in a section (side by side or one word apart) count for more
// than the same words apart. A heading counts more than the text under it, staff words
// (search_words.yml) almost as much, and a heading the question matches in full a little more
// than one it matches in part. Little words ("och", "the") count a little,
// question words ("vem", "what") fully. Sections marked as navigation or help (search_words.yml:
// the start page's lists, the search help) come after the sections that answer, unless their
// heading matches, or a help section has every word of the question and one that only it says
// ("sökrutan"). Legal text counts less, and fully when the question names it
// ("tillgänglighetsredogörelsen") or has a word only legal text has ("skärmläsare").
(function (root) {
  "use strict";
  // The modules, in the order they load; each is named by its file ("search/words.js": words).
  var MODULES = ["search/stemmers.js", "search/words.js", "search/index.js", "search/lexicon.js",
    "search/question.js", "search/ranking.js", "search/explain.js"];
  var NODE = typeof module === "object" && module.exports;
  var engine = null;

  // The parts, put together once: the engine's methods come from every module.
  function assemble() {
    if (engine) return engine;
    var parts = NODE ? {} : root.HandbookSearchParts || {};
    MODULES.forEach(function (file) {
      var name = file.replace(/^.*\//, "").replace(/\.js$/, "");
      if (NODE) require("./" + file)(parts);
      if (!parts[name]) throw new Error("handbook-search-engine.js: " + file + " is not loaded; load HandbookSearch.modules, in order, after this file");
    });
    var Engine = parts.index.Engine;
    MODULES.forEach(function (file) {
      var part = parts[file.replace(/^.*\//, "").replace(/\.js$/, "")];
      var methods = part.methods || {};
      Object.keys(methods).forEach(function (name) { Engine.prototype[name] = methods[name]; });
    });
    var stemmers = parts.stemmers;
    engine = {
      create: function (index) { return new Engine(index); },
      // The stemmers, for the tests: stem(lang, word, true) runs the whole Snowball algorithm.
      stem: function (lang, word, full) { return ((full ? stemmers.FULL_STEMMERS : stemmers.STEMMERS)[lang] || function (w) { return w; })(word); },
      words: parts.words.words,
      answers: parts.ranking.answers,
      pageRows: parts.ranking.pageRows
    };
    return engine;
  }

  var api = {
    // The modules' files, relative to this file's folder.
    modules: MODULES.slice(),
    create: function (index) { return assemble().create(index); },
    stem: function (lang, word, full) { return assemble().stem(lang, word, full); },
    words: function (text, onHyphen) { return assemble().words(text, onHyphen); },
    answers: function (found) { return assemble().answers(found); },
    pageRows: function (group) { return assemble().pageRows(group); }
  };
  if (NODE) {
    assemble();
    module.exports = api;
  } else {
    root.HandbookSearch = api;
  }
})(typeof self !== "undefined" ? self : this);
