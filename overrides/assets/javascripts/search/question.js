// The handbook's search, part 5 of 7 (handbook-search-engine.js lists them): a question. Its
// words, and for each the ways it can match: the keys of the index it is found under, of what
// kind (exact, another form, part of a compound, typo, …) and worth how much.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";
  var WORD = parts.words.WORD, fold = parts.words.fold, words = parts.words.words, typoLimit = parts.words.typoLimit;
  var methods = {};

  // How much each kind of match is worth, against an exact match.
  // "derived": a word made from the same word, by a derivational ending ("compliant" for
  // "comply", "privately" for "private") or a negating prefix ("olämpligt" for "lämpligt",
  // "inappropriate" for "appropriate"): related, but not the same word.
  // "folded": the word typed without its diacritics ("andringar" for "ändringar").
  // "lexicon": a reader's word that the handbook does not say, found where the section says a word
  // that a published thesaurus lists with it (config.handbook.lexicon: Synlex, WordNet; "gnälla"
  // where the section says "klaga"), one step only. Below the handbook's own words, and below the
  // editors' synonyms (search_words.yml), which count where the section says their group's word
  // as SYNONYM_TF (index.js) occurrences: a synonym is worth about 0.8 of the word after BM25's saturation.
  // "part" is the last part of a compound of the handbook, which says what the compound is
  // ("inställningar" in "säkerhetsinställningarna"); "modifier" a part before it, which only
  // qualifies it ("jobb" in "jobbkonto" is an account, not a job): it counts less.
  // "other": a word that the reader's language's pages do not have at all, in no form (nor by the
  // lexicon), found where the same section in another language says it (its heading, staff words
  // and text there: config.handbook.other; Swedish staff type "privacy", "story", "manager").
  // Only the reader's language's sections are found: every section has the same ID in each.
  var KIND = { exact: 1, folded: 0.95, stem: 0.9, part: 0.6, typo: 0.55, derived: 0.5, lexicon: 0.5, other: 0.5, prefix: 0.45, modifier: 0.35 };
  // The kinds of match that find the word as a whole, in some form.
  var WHOLE_WORD = { exact: true, folded: true, stem: true };
  // The kinds of match that find the word itself, not another word or the word's parts: as a
  // whole, or inside a compound of the handbook.
  var OWN_WORD = { exact: true, folded: true, stem: true, part: true, modifier: true };
  // Little words count a little; question words more, but less than the words of the topic.
  var LITTLE_WORD_WEIGHT = 0.15, QUESTION_WORD_WEIGHT = 0.6;

  // Ways to match one word of the question: [{key, kind, weight, via}].
  // ``isPart``: the word is a part of a typed compound (not looked for in another language).
  methods.candidates = function (word, isLast, isPart) {
    var self = this, out = [], seen = new Set();
    function add(key, kind, via) {
      if (seen.has(key) || !self.has(key)) return;
      seen.add(key);
      out.push({ key: key, kind: kind, weight: KIND[kind], via: via || word });
    }
    var s = this.stem(word);
    add("=" + word, "exact");
    add("~" + s, "stem");
    add("+" + s, "part");
    add("<" + s, "modifier");
    // Typed without diacritics: the handbook's words and stems that have them ("andringar").
    if (fold(word) === word) {
      (this.folded.get("=" + word) || []).concat(this.folded.get("~" + s) || []).forEach(function (key) {
        add(key, "folded", key.slice(1));
      });
    }
    // Words made from the same word: with or without a derivational ending ("privately" and
    // "private", "comply" and "compliant"), or with a negating prefix ("inappropriate").
    var full = this.fullStem(word);
    if (full !== null) {
      add("~" + full, "derived");
      add("^" + s, "derived");
      add("^" + full, "derived");
    }
    var rest = this.negatedRest(word);
    if (rest) {
      var restStem = this.stem(rest);
      add("=" + rest, "derived", rest);
      add("~" + restStem, "derived", rest);
      add("+" + restStem, "derived", rest);
    }
    // Other forms of the word that the stemmer does not join to it (see ENDINGS, GENDERED: words.js).
    var unknown = !out.some(function (c) { return c.kind === "exact" || c.kind === "stem"; });
    this.otherForms(word, unknown).forEach(function (form) {
      var formStem = self.stem(form);
      add("=" + form, "stem", form);
      add("~" + formStem, "stem", form);
      add("+" + formStem, "part", form);
      add("<" + formStem, "modifier", form);
    });
    // A word the handbook does not say, that a lexicon links to words it says ("gnälla": "klaga"):
    // found where those are, as the handbook indexes them (their forms and synonyms).
    if (!out.some(function (c) { return OWN_WORD[c.kind]; })) {
      this.lexiconWords(word).forEach(function (target) {
        self.keysOf(target).forEach(function (key) {
          if (key[0] === "=" || key[0] === "~") add(key, "lexicon", target);
        });
      });
    }
    // A word the reader's language's pages lack altogether, nor have as the parts of a compound,
    // that the same sections in another language say ("privacy"): found there, and then not read
    // as a typo of another word.
    if (!out.length && !isPart && this.otherLanguages.length && !(this.compounding && word.length >= 6 && this.split(word))) {
      this.otherLanguages.forEach(function (locale) {
        add("@" + locale + "=" + word, "other", word);
        add("@" + locale + "~" + self.otherStems[locale](word), "other", word);
      });
    }
    // The handbook writes the word hyphenated or as a compound of its own ("Facebook-konto").
    var known = out.length > 0;
    if (!known) {
      var limit = typoLimit(word);
      if (limit) {
        this.near(this.vocabulary, word, limit).forEach(function (form) { add("=" + form, "typo", form); });
        var stemLimit = typoLimit(s);
        if (stemLimit) {
          this.near(this.stemVocabulary, s, stemLimit).forEach(function (st) { add("~" + st, "typo", st); });
          // A part of the handbook's compounds, with a typo ("instälningar": "inställningar" of
          // "säkerhetsinställningarna").
          this.near(this.partVocabulary, s, stemLimit).forEach(function (st) { add("+" + st, "typo", st); add("<" + st, "typo", st); });
        }
      }
    }
    if (isLast && word.length >= 3 && !this.has("=" + word)) {
      this.completions(word).forEach(function (form) { add("=" + form, "prefix", form); });
    }
    // A word found in no other way may be cut short, as staff abbreviate ("comms",
    // "kommunikationsavd"): the start of the handbook's words, as the word or its stem.
    if (!out.length && word.length >= 4) {
      [word, s].forEach(function (start) {
        if (start.length >= 4) self.completions(start).forEach(function (form) { add("=" + form, "prefix", form); });
      });
    }
    return out;
  };

  // The question's words, each with its ways to match.
  methods.parse = function (query) {
    var self = this;
    var typed = words(query.replace(/["+*~^]/g, " "));
    var complete = /[\s\p{P}]$/u.test(query);
    var seen = new Set(), list = [];
    typed.forEach(function (w, i) {
      if (seen.has(w)) return;
      seen.add(w);
      list.push({ word: w, last: i === typed.length - 1 && !complete });
    });
    // A hyphenated word gives its pieces and the joined word: search the pieces, not both.
    var joined = new Set();
    var raw = query.toLowerCase().match(WORD) || [];
    raw.forEach(function (r) { if (/[-\u2010\u2011]/.test(r)) joined.add(r.replace(/[-\u2010\u2011]/g, "")); });
    return list.filter(function (q) { return !joined.has(q.word); }).map(function (q) {
      var entry = {
        word: q.word,
        weight: self.little.has(q.word) ? LITTLE_WORD_WEIGHT : self.questionWords.has(q.word) ? QUESTION_WORD_WEIGHT : 1,
        little: self.little.has(q.word),
        candidates: self.candidates(q.word, q.last),
        parts: null
      };
      // A compound: by its parts too, the handbook's own split, or one made here.
      var unknown = !entry.candidates.some(function (c) { return c.kind !== "prefix"; });
      if (q.word.length >= 6 && (self.compounds[q.word] || (unknown && self.compounding))) {
        var parts = self.compounds[q.word] || self.split(q.word);
        // Inside a typed compound, a part found as part of the handbook's compound counts as
        // the word itself: "sekretess|inställningar" and "säkerhets|inställningarna".
        if (parts) entry.parts = parts.map(function (p) {
          var found = self.candidates(p, false, true).filter(function (c) { return c.kind !== "prefix"; });
          found.forEach(function (c) { if (c.kind === "part" || c.kind === "modifier") c.weight = KIND.stem; });
          return { word: p, candidates: found };
        });
      }
      return entry;
    });
  };

  parts.question = { KIND: KIND, WHOLE_WORD: WHOLE_WORD, OWN_WORD: OWN_WORD, methods: methods };
});
