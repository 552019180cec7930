// The handbook's search, part 3 of 7 (handbook-search-engine.js lists them): the index. From
// one language's search index (the build's search_index.json), each section's fields and
// words, the keys each word is found under, and each key's sections with their BM25F weights;
// and the handbook's vocabulary, for typos and prefixes.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";
  var plainText = parts.words.plainText, words = parts.words.words, sentenceKey = parts.words.sentenceKey;
  var fold = parts.words.fold;
  var methods = {};

  // How much a word weighs in each field of a section, against its text (BM25F: the fields are
  // added up before repeats stop counting, so a word in the heading and the text is not worth
  // twice a word in the heading).
  // "anchors": the words of the links to a section from elsewhere in the handbook (the start
  // page's common questions, "Läs också:"), which say what it answers in other words.
  var FIELD = { title: 3, keywords: 1.5, anchors: 1.2, page: 0.8, text: 1 };
  // A synonym (search_words.yml) counts where its group's word is, as this many occurrences.
  var SYNONYM_TF = 0.7;
  var FIELDS = ["title", "keywords", "anchors", "page", "text"];
  // BM25: how fast repeats of a word stop counting, and how much a long text is discounted.
  var K1 = 2, B = { title: 0, keywords: 0, anchors: 0, page: 0, text: 0.75 };
  // In navigation sections only the heading counts fully: their text repeats other sections'.
  // (Words of their text that no other section says count fully: see answerStems.)
  var NAVIGATION_FIELD = { title: 1, keywords: 0.1, anchors: 1, page: 1, text: 0.1 };
  // The fields whose words, in order, make a section's sequence, for proximity (ranking.js).
  var PROXIMITY_FIELDS = ["title", "text", "anchors"];
  // BM25's idf, to the power 1.5: a word in one section of the handbook counts about three times
  // as much as a word in a quarter of them ("ordförande" against "sociala medier"), not twice.
  var IDF_POWER = 1.5;

  var EMPTY = new Map();

  // A text without the sentences that repeat a heading (other than ``own``).
  function withoutPointers(text, headings, own) {
    if (!headings.size) return text;
    return text.replace(/[^.?!:]+[.?!:]?/g, function (sentence) {
      if (sentence.length < headings.shortest || sentence.length > headings.longest + 20) return sentence;
      var key = sentenceKey(sentence);
      return key !== own && headings.has(key) ? " " : sentence;
    });
  }

  // ---------------------------------------------------------------------------------------
  // The index
  // ---------------------------------------------------------------------------------------

  function Engine(index) {
    var config = index.config || {};
    var handbook = config.handbook || {};
    this.setLanguage((config.lang && config.lang[0]) || "en");
    // The stems of every word of the handbook (filled in pass 1), for negated words.
    this.wordStems = new Set();
    // Compound -> parts: the build's (Swedish dictionary), and every hyphenated word of the
    // handbook ("facebookkonto": facebook, konto), added below.
    this.compounds = Object.assign({}, handbook.compounds || {});
    this.keyCache = new Map();
    var navigation = handbook.navigation || [], help = handbook.help || [], boilerplate = handbook.boilerplate || [];
    this.setSynonyms(handbook.synonyms || []);
    this.setLexicon(handbook.lexicon || []);
    // Headings of four words or more: a sentence of a section that repeats one is a pointer to
    // that section ("Läs också: Kan jag vara vän med …?"), not the section's own words.
    var headings = new Set();
    headings.shortest = Infinity;
    headings.longest = 0;
    (index.docs || []).forEach(function (doc) {
      var key = sentenceKey(plainText(doc.title));
      if (key.split(" ").length < 4 || headings.has(key)) return;
      headings.add(key);
      headings.shortest = Math.min(headings.shortest, key.length);
      headings.longest = Math.max(headings.longest, key.length);
    });
    this.docs = [];
    this.pages = new Map();
    var self = this;
    var onHyphen = function (pieces) {
      var joined = pieces.join("");
      if (!self.compounds[joined]) self.compounds[joined] = pieces;
    };
    // Pass 1: each section's fields and their words (and every hyphenated word's pieces).
    // The stems said by sections that are not navigation: a navigation section's text counts
    // little where it repeats them, fully where it says something no other section says (the
    // search help on searching one language).
    var answerStems = new Set();
    var pageNumbers = new Map();
    var fieldTotal = {};
    FIELDS.forEach(function (f) { fieldTotal[f] = 0; });
    (index.docs || []).forEach(function (doc) {
      var page = doc.location.split("#")[0];
      var isPage = doc.location.indexOf("#") < 0;
      if (isPage && !self.pages.has(page)) self.pages.set(page, doc);
      if (!pageNumbers.has(page)) pageNumbers.set(page, pageNumbers.size);
      var pageDoc = self.pages.get(page);
      var title = plainText(doc.title);
      var fields = {
        title: title,
        keywords: doc.keywords || "",
        anchors: doc.anchors || "",
        page: isPage || !pageDoc ? "" : plainText(pageDoc.title),
        text: withoutPointers(plainText(doc.text), headings, sentenceKey(title))
      };
      var listed = function (n) { return n === doc.location || n === page; };
      var isHelp = help.some(listed), isNavigation = isHelp || navigation.some(listed);
      var tokens = {};
      FIELDS.forEach(function (f) {
        tokens[f] = words(fields[f], onHyphen);
        // The words a section says itself (not the page's title, nor the links to it).
        var says = !isNavigation && f !== "page" && f !== "anchors";
        tokens[f].forEach(function (w) {
          var stem = self.stem(w);
          self.wordStems.add(stem);
          if (says) answerStems.add(stem);
        });
      });
      // Staff words count where the section does not already say them.
      var own = new Set(tokens.title.concat(tokens.text));
      tokens.keywords = tokens.keywords.filter(function (w) { return !own.has(w); });
      FIELDS.forEach(function (f) { fieldTotal[f] += tokens[f].length; });
      var weight = typeof doc.boost === "number" ? doc.boost : 1;
      self.docs.push({
        location: doc.location, page: page, pageNumber: pageNumbers.get(page), isPage: isPage, title: doc.title, text: doc.text,
        titleKey: fold(sentenceKey(title)),
        pageTitle: pageDoc ? pageDoc.title : doc.title, fields: fields, tokens: tokens, weight: weight,
        navigation: isNavigation, help: isHelp,
        boilerplate: boilerplate.indexOf(page) >= 0 ? "page" : boilerplate.indexOf(doc.location) >= 0 ? "section" : false
      });
    });
    // A help section's own words, as keys: those no other section says (the search help's
    // "sökrutan").
    this.docs.forEach(function (doc) {
      if (!doc.help) return;
      doc.ownKeys = new Set();
      doc.tokens.title.concat(doc.tokens.text).forEach(function (w) {
        if (!answerStems.has(self.stem(w))) self.keysOf(w).forEach(function (k) { doc.ownKeys.add(k); });
      });
    });
    // Pass 2: BM25F weights per key and section. Keys are numbered, and each word's keys are
    // worked out once: a big handbook has millions of words but a few thousand distinct ones.
    var n = this.docs.length, fieldLength = {};
    FIELDS.forEach(function (f) { fieldLength[f] = fieldTotal[f] / Math.max(1, n) || 1; });
    var keyIds = new Map(), keyNames = [], postingDocs = [], postingWeights = [];
    var wordKeys = new Map();
    var keysFor = function (w) {
      var ids = wordKeys.get(w);
      if (ids) return ids;
      ids = self.keysOf(w).map(function (key) {
        var id = keyIds.get(key);
        if (id === undefined) {
          id = keyNames.length;
          keyIds.set(key, id);
          keyNames.push(key);
          postingDocs.push([]);
          postingWeights.push([]);
        }
        return id;
      });
      wordKeys.set(w, ids);
      return ids;
    };
    // A section's weighted term frequencies, by key number (and the numbers it has touched).
    var tf = new Float64Array(1 << 16), touched = [];
    var count = function (id, weight) {
      if (id >= tf.length) { var grown = new Float64Array(Math.max(tf.length * 2, id + 1)); grown.set(tf); tf = grown; }
      if (tf[id] === 0) touched.push(id);
      tf[id] += weight;
    };
    // Each distinct word's number, and each section's words in order as numbers (-1 between
    // fields), for proximity.
    var wordIds = new Map(), wordList = [];
    var wordId = function (w) {
      var id = wordIds.get(w);
      if (id === undefined) { id = wordList.length; wordIds.set(w, id); wordList.push(w); }
      return id;
    };
    this.docs.forEach(function (doc, d) {
      var scale = doc.navigation ? NAVIGATION_FIELD : null;
      var sequence = [];
      PROXIMITY_FIELDS.forEach(function (f) {
        if (sequence.length) sequence.push(-1);
        doc.tokens[f].forEach(function (w) { sequence.push(wordId(w)); });
      });
      doc.sequence = Int32Array.from(sequence);
      doc.synonyms = {};
      FIELDS.forEach(function (f) {
        var list = doc.tokens[f];
        if (!list.length) { doc.synonyms[f] = EMPTY; return; }
        var full = FIELD[f] / (1 - B[f] + B[f] * list.length / fieldLength[f]);
        var weight = full * (scale ? scale[f] : 1);
        for (var i = 0; i < list.length; i++) {
          var ids = keysFor(list[i]);
          var w = scale && !answerStems.has(self.stem(list[i])) ? full : weight;
          for (var j = 0; j < ids.length; j++) count(ids[j], w);
        }
        // The synonyms of the field's words, once each, as if the field said them.
        var extra = self.synonymsOf(list);
        if (extra.size) {
          var added = new Set();
          extra.forEach(function (trigger, w) {
            keysFor(w).forEach(function (id) {
              if (added.has(id)) return;
              added.add(id);
              count(id, weight * SYNONYM_TF);
            });
          });
        }
        doc.synonyms[f] = extra;
      });
      doc.tokens = null;
      for (var t = 0; t < touched.length; t++) {
        var id = touched[t], v = tf[id];
        postingDocs[id].push(d);
        postingWeights[id].push(v * (K1 + 1) / (v + K1));
        tf[id] = 0;
      }
      touched.length = 0;
    });
    // Every key ("=" form, "~" stem, "+" stem of a compound's last part, "<" of a part before it)
    // -> its sections and weights.
    var postings = new Map();
    keyNames.forEach(function (key, id) {
      postings.set(key, { docs: Int32Array.from(postingDocs[id]), weights: Float32Array.from(postingWeights[id]) });
    });
    this.postings = postings;
    this.indexOtherLanguages(index);
    // Each distinct word's keys, and those of its one-word synonyms (proximity counts a word
    // where the section says its synonym, as matching does).
    this.keyIds = keyIds;
    this.wordKeys = wordList.map(function (w) {
      var ids = keysFor(w).slice();
      self.synonymsOf([w]).forEach(function (trigger, synonym) {
        keysFor(synonym).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
      });
      return Int32Array.from(ids);
    });
    // How rare a question word is: from the number of sections it matches in any way.
    this.idf = function (df) {
      return Math.pow(Math.log(1 + (n - df + 0.5) / (df + 0.5)), IDF_POWER);
    };
    // Every distinct word (for typos and prefixes), by first letter.
    this.vocabulary = new Map();
    this.stemVocabulary = new Map();
    this.partVocabulary = new Map();
    postings.forEach(function (list, key) {
      var kind = key[0], word = key.slice(1);
      var into = kind === "=" ? self.vocabulary : kind === "~" ? self.stemVocabulary : kind === "+" || kind === "<" ? self.partVocabulary : null;
      if (!into) return;
      var bucket = into.get(word[0]);
      if (!bucket) into.set(word[0], bucket = []);
      bucket.push(word);
    });
    this.vocabulary.forEach(function (list) { list.sort(); });
    // The number of pages, and the keys of the handbook's title (see COMMON_PAGES, ranking.js).
    this.pageCount = pageNumbers.size;
    this.titleKeys = new Set();
    var start = this.pages.get("");
    if (start) words(plainText(start.title)).forEach(function (w) {
      if (!self.little.has(w)) self.keysOf(w).forEach(function (k) { if (k[0] !== "+" && k[0] !== "<") self.titleKeys.add(k); });
    });
    // Words and stems with letters that have diacritics, by their letters without them
    // ("andringar": "ändringar"), for a reader without Swedish letters on the keyboard.
    this.folded = new Map();
    postings.forEach(function (list, key) {
      if (key[0] !== "=" && key[0] !== "~") return;
      var plain = key[0] + fold(key.slice(1));
      if (plain === key) return;
      if (!self.folded.has(plain)) self.folded.set(plain, []);
      self.folded.get(plain).push(key);
    });
  }

  // The keys a word of the handbook is indexed under (worked out once per word).
  methods.keysOf = function (w) {
    var keys = this.keyCache.get(w);
    if (keys) return keys;
    var stem = this.stem(w), full = this.fullStem(w);
    keys = ["=" + w, "~" + stem];
    var parts = this.compounds[w];
    if (parts) for (var i = 0; i < parts.length; i++) keys.push((i === parts.length - 1 ? "+" : "<") + this.stem(parts[i]));
    // Under the stem of the word without an inflectional ending the stemmer missed, where the
    // handbook has that stem ("konton" and "kontot" are "konto"; see ENDINGS, words.js).
    var self = this;
    this.otherForms(w, false).forEach(function (form) {
      var formStem = self.stem(form);
      if (formStem !== stem && self.wordStems.has(formStem) && keys.indexOf("~" + formStem) < 0) keys.push("~" + formStem);
    });
    // A derived word, also under its stem without the derivational ending ("^compli").
    if (full && full !== stem) keys.push("^" + full);
    // A negated word, also as a part: its rest is a word of the handbook ("o|lämpligt").
    var rest = this.negatedRest(w);
    if (rest && this.wordStems.has(this.stem(rest)) && keys.indexOf("+" + this.stem(rest)) < 0)
      keys.push("+" + this.stem(rest));
    this.keyCache.set(w, keys);
    return keys;
  };

  methods.has = function (key) { return this.postings.has(key); };

  parts.index = { Engine: Engine, FIELDS: FIELDS, K1: K1, methods: methods };
});
