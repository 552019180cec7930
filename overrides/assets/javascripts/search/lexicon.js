// The handbook's search, part 4 of 7 (handbook-search-engine.js lists them): other words for
// the reader's word. The editors' synonyms (search_words.yml), the thesaurus's words
// (config.handbook.lexicon) and the same sections' words in the other languages (doc.other),
// from the search index.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";
  var STEMMERS = parts.stemmers.STEMMERS, words = parts.words.words, K1 = parts.index.K1;
  var methods = {};

  // Synonym groups: each member's words (hyphens dropped, as in the joined word).
  methods.setSynonyms = function (groups) {
    var self = this;
    this.synonymGroups = groups.map(function (group) {
      return group.map(function (member) {
        return String(member).toLowerCase().split(/\s+/).filter(Boolean).map(function (w) { return w.replace(/[-\u2010\u2011]/g, ""); });
      });
    });
    this.synonymSingles = new Map();
    this.synonymPhrases = [];
    this.synonymGroups.forEach(function (group, gi) {
      group.forEach(function (member) {
        if (member.length === 1) {
          var s = self.stem(member[0]);
          if (!self.synonymSingles.has(s)) self.synonymSingles.set(s, []);
          self.synonymSingles.get(s).push(gi);
        } else if (member.length > 1) {
          self.synonymPhrases.push({ stems: member.map(function (w) { return self.stem(w); }), group: gi });
        }
      });
    });
  };

  // Lexicon groups ([handbook word, reader's word, ...]): each reader's word's stem -> the
  // handbook's words it leads to (one step: never from one reader's word to another).
  methods.setLexicon = function (groups) {
    var self = this;
    this.lexicon = new Map();
    groups.forEach(function (group) {
      var target = String(group[0] || "").toLowerCase().trim();
      if (!target || /\s/.test(target)) return;
      group.slice(1).forEach(function (member) {
        var word = String(member).toLowerCase().trim();
        if (!word || /\s/.test(word)) return;
        var s = self.stem(word);
        if (!self.lexicon.has(s)) self.lexicon.set(s, []);
        var list = self.lexicon.get(s);
        if (list.indexOf(target) < 0) list.push(target);
      });
    });
  };

  // The handbook's words a reader's word leads to by the lexicon (by its stem, or the stem of
  // another form of it: "gnäller", "kidsen").
  methods.lexiconWords = function (word) {
    if (!this.lexicon.size) return [];
    var self = this, out = [];
    [word].concat(this.otherForms(word, true)).forEach(function (form) {
      (self.lexicon.get(self.stem(form)) || []).forEach(function (t) { if (out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  };

  // The synonyms of a list of words: word -> the word of the list that brought it.
  methods.synonymsOf = function (list) {
    var self = this, out = new Map();
    if (!this.synonymGroups.length) return out;
    var stems = list.map(function (w) { return self.stem(w); });
    var triggered = new Map();
    stems.forEach(function (s, i) {
      (self.synonymSingles.get(s) || []).forEach(function (gi) { if (!triggered.has(gi)) triggered.set(gi, list[i]); });
    });
    this.synonymPhrases.forEach(function (phrase) {
      if (triggered.has(phrase.group)) return;
      for (var i = 0; i + phrase.stems.length <= stems.length; i++) {
        var all = true;
        for (var j = 0; j < phrase.stems.length && all; j++) all = stems[i + j] === phrase.stems[j];
        if (all) { triggered.set(phrase.group, list.slice(i, i + phrase.stems.length).join(" ")); return; }
      }
    });
    var own = new Set(list);
    triggered.forEach(function (trigger, gi) {
      self.synonymGroups[gi].forEach(function (member) {
        member.forEach(function (w) { if (!own.has(w) && !out.has(w)) out.set(w, trigger); });
      });
    });
    return out;
  };

  // The same sections' words in the other languages, indexed with the handbook's own keys
  // (index.js, after its postings).
  methods.indexOtherLanguages = function (index) {
    var self = this, postings = this.postings;
    var handbook = (index.config || {}).handbook || {};
    // The same sections' words in the other languages (doc.other), as keys "@<locale>=" (the
    // word) and "@<locale>~" (its stem in that language), each section's repeats saturated as
    // in BM25 (no length norm: a section's text is as long in each language).
    this.otherLanguages = (handbook.other || []).filter(function (l) { return l !== self.lang; });
    this.otherStems = {};
    this.otherLanguages.forEach(function (locale) {
      var other = STEMMERS[locale] || function (w) { return w; }, cache = new Map();
      self.otherStems[locale] = function (w) {
        var st = cache.get(w);
        if (st === undefined) { st = other(w); cache.set(w, st); }
        return st;
      };
    });
    if (this.otherLanguages.length) {
      var otherLists = new Map();
      (index.docs || []).forEach(function (doc, d) {
        var texts = doc.other || {};
        self.otherLanguages.forEach(function (locale) {
          if (!texts[locale]) return;
          var counts = new Map();
          words(texts[locale]).forEach(function (w) {
            ["=" + w, "~" + self.otherStems[locale](w)].forEach(function (k) {
              var key = "@" + locale + k;
              counts.set(key, (counts.get(key) || 0) + 1);
            });
          });
          counts.forEach(function (v, key) {
            if (!otherLists.has(key)) otherLists.set(key, { docs: [], weights: [] });
            var list = otherLists.get(key);
            list.docs.push(d);
            list.weights.push(v * (K1 + 1) / (v + K1));
          });
        });
      });
      otherLists.forEach(function (list, key) {
        postings.set(key, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) });
      });
    }
  };

  parts.lexicon = { methods: methods };
});
