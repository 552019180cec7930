// The handbook's search, part 2 of 7 (handbook-search-engine.js lists them): words and
// compounds. A text's words, a word without diacritics, typo distance, little words and
// question words, forms of a word its stem does not give, and a typed compound read as words
// of the handbook (the engine's methods for these need the index: index.js builds it).
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";
  var STEMMERS = parts.stemmers.STEMMERS, FULL_STEMMERS = parts.stemmers.FULL_STEMMERS;
  var methods = {};

  // Prefixes that negate a word, and how long the rest must be to be a word of its own ("o" +
  // "lämplig", but not "o" + "rd", "in" + "form"). The rest must be a word of the handbook.
  var NEGATING = { sv: ["o"], en: ["un", "in", "im", "il", "ir", "dis", "non"] };
  var NEGATED_MIN = 5;
  // A part of a typed compound may have a typo if it has at least this many letters.
  var TYPO_PART = 6;
  // Inflectional endings the stemmer misses: Snowball's Swedish stemmer takes off one ending,
  // and not "-n" or "-t" after a vowel, so "konto", "kontot" and "konton", "sida" and "sidan",
  // "webbplats" and "webbplatsen" get different stems. A word without one of these endings,
  // stemmed again, is the same word where the handbook has that stem (in the index and in the
  // question), if at least ENDING_REST letters remain (ENDING_REST_UNKNOWN for a word the
  // handbook does not have at all: "jobbet" is "jobb"). English: Porter's inflections suffice.
  var ENDINGS = {
    sv: ("arnas ernas ornas arna erna orna andes ande ende aste ades ade are ast ens ets ans " +
      "ar er or en et an na as es de te it at a e n t s r").split(" ")
  };
  var ENDING_REST = 4, ENDING_REST_UNKNOWN = 3;
  // The endings of gender-neutral and gendered compounds of the same meaning ("spokesperson",
  // "spokesman"; "talesperson", "talesman"), with at least GENDER_BASE letters before them.
  var GENDERED = {
    en: ["person", "persons", "people", "woman", "women", "man", "men"],
    sv: ["person", "personer", "kvinna", "kvinnor", "man", "män"]
  };
  var GENDER_BASE = 4;
  // Languages whose derivational endings are matched (the whole stemmer, as "derived"): English
  // ("comply", "compliant", "compliance"). Swedish derivations drift further from their word
  // ("vänlig" is not about "vän"), so Swedish keeps to inflections, compounds and prefixes.
  var DERIVING = { en: true };
  // Languages that join words into compounds: a typed word the handbook does not have is read
  // as parts it has.
  var COMPOUNDING = { sv: true, da: true, no: true, nb: true, nn: true, de: true, nl: true, fi: true };

  // Little words: weighed down, never listed as missing. Question words are not little words.
  var QUESTION = {
    sv: "vem vad hur när var varför vilken vilket vilka vems",
    en: "who what how when where why which whose whom"
  };
  var LITTLE = {
    sv: "och i att det som en på är av för med till den har de inte om ett men jag du vi man kan får ska " +
      "min mitt mina din ditt dina sin sitt sina er ert era han hon den det dem dig mig sig oss er så " +
      "från vid under över efter eller också även bara mycket någon något några alla allt sådan sådana " +
      "mot utan genom inom hos åt än då dock " +
      "ha hade varit vara är blir bli blev skulle kunde ville vill måste bör",
    en: "a an the and or but of to in on at for from with by as is are was were be been being it its this " +
      "that these those i me my mine you your yours we our us he she his her they them their there " +
      "do does did can could may might must shall should will would have has had not no so if into " +
      "about up out than then also too very just any some all"
  };

  var TAG = /<[^>]*>/g;
  var ENTITY = /&(amp|lt|gt|quot|#39|nbsp);/g;
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
  // A word: letters and digits, possibly joined by hyphens ("Facebook-konto", "ip-nummer").
  var WORD = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
  var POSSESSIVE = /['\u2019]s(?![\p{L}\p{N}])/gu;
  var HYPHEN = /[-\u2010\u2011]/;
  var NOT_WORD = /[^\p{L}\p{N}]+/gu;

  function plainText(html) {
    return String(html || "").replace(TAG, " ").replace(ENTITY, function (m, name) { return ENTITIES[name]; });
  }

  // The words of a text, lower case. A hyphenated word gives its pieces and the joined word
  // (and its pieces to ``onHyphen``, if given).
  function words(text, onHyphen) {
    var out = [], match;
    var clean = String(text).replace(POSSESSIVE, "").toLowerCase();
    WORD.lastIndex = 0;
    while ((match = WORD.exec(clean))) {
      var word = match[0];
      if (!HYPHEN.test(word)) { out.push(word); continue; }
      var pieces = word.split(HYPHEN);
      for (var i = 0; i < pieces.length; i++) out.push(pieces[i]);
      out.push(pieces.join(""));
      if (onHyphen) onHyphen(pieces);
    }
    return out;
  }

  // A sentence or heading as a key: lower case, words separated by single spaces.
  function sentenceKey(text) {
    return String(text).toLowerCase().replace(NOT_WORD, " ").trim();
  }

  // A word without diacritics: "ändringar" -> "andringar", "café" -> "cafe".
  var DIACRITICS = /[\u0300-\u036f]/g;
  function fold(word) {
    return word.normalize("NFD").replace(DIACRITICS, "");
  }

  // Optimal string alignment distance, or limit + 1 once it is certain to exceed limit.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = new Array(b.length + 1), cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = new Array(b.length + 1);
      cur[0] = i;
      var best = cur[0];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d = Math.min(d, prev2[j - 2] + 1);
        cur[j] = d;
        if (d < best) best = d;
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  function typoLimit(word) {
    return word.length >= 10 ? 2 : word.length >= 5 ? 1 : 0;
  }

  // The engine's language: its stemmers (each word stemmed once), its negating prefixes, the
  // endings its stemmer misses, its gendered endings, and its little and question words.
  methods.setLanguage = function (lang) {
    this.lang = lang;
    var stem = STEMMERS[this.lang] || function (w) { return w; };
    var stems = new Map();
    this.stem = function (w) {
      var s = stems.get(w);
      if (s === undefined) { s = stem(w); stems.set(w, s); }
      return s;
    };
    var fullStem = DERIVING[this.lang] ? FULL_STEMMERS[this.lang] : null;
    var fullStems = new Map();
    // The word's stem without derivational endings, or null where derivations are not matched.
    this.fullStem = function (w) {
      if (!fullStem) return null;
      var s = fullStems.get(w);
      if (s === undefined) { s = fullStem(w); fullStems.set(w, s); }
      return s;
    };
    this.negating = NEGATING[this.lang] || [];
    this.endings = ENDINGS[this.lang] || [];
    this.gendered = GENDERED[this.lang] || [];
    // Little words and question words, also as typed without diacritics ("pa", "nar").
    var withFolded = function (list) {
      var set = new Set(list.split(" "));
      set.forEach(function (w) { set.add(fold(w)); });
      return set;
    };
    this.little = withFolded(LITTLE[this.lang] || "");
    this.questionWords = withFolded(QUESTION[this.lang] || "");
    this.compounding = !!COMPOUNDING[this.lang];
  };

  // The word without a negating prefix ("olämpligt": "lämpligt"), or null.
  methods.negatedRest = function (w) {
    for (var i = 0; i < this.negating.length; i++) {
      var prefix = this.negating[i];
      if (w.length - prefix.length >= NEGATED_MIN && w.slice(0, prefix.length) === prefix) return w.slice(prefix.length);
    }
    return null;
  };

  // Forms of a word that its stem does not give: without an inflectional ending ("kontot":
  // "konto"; "jobbet": "jobb", when ``unknown``, the handbook lacking the word and its stem);
  // a gendered compound's other endings ("spokesman": "spokesperson").
  methods.otherForms = function (word, unknown) {
    var forms = [], rest = unknown ? ENDING_REST_UNKNOWN : ENDING_REST;
    this.endings.forEach(function (ending) {
      if (word.length - ending.length >= rest && word.slice(-ending.length) === ending)
        forms.push(word.slice(0, -ending.length));
    });
    var gendered = this.gendered;
    gendered.forEach(function (ending) {
      if (word.length - ending.length < GENDER_BASE || word.slice(-ending.length) !== ending) return;
      var base = word.slice(0, -ending.length);
      gendered.forEach(function (other) { if (other !== ending) forms.push(base + other); });
    });
    return forms;
  };

  // Words of the handbook within ``limit`` typos of ``word`` (the same first letter, or its first
  // two letters swapped).
  methods.near = function (vocabulary, word, limit) {
    var found = [], firsts = [word[0]];
    if (word.length > 1 && word[1] !== word[0]) firsts.push(word[1]);
    firsts.forEach(function (first) {
      (vocabulary.get(first) || []).forEach(function (candidate) {
        if (candidate !== word && distance(word, candidate, limit) <= limit) found.push(candidate);
      });
    });
    return found;
  };

  // Words of the handbook that start with ``prefix``, the most common first.
  methods.completions = function (prefix) {
    var self = this, list = this.vocabulary.get(prefix[0]) || [], lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < prefix) lo = mid + 1; else hi = mid; }
    var found = [];
    for (var i = lo; i < list.length && list[i].slice(0, prefix.length) === prefix; i++)
      if (list[i] !== prefix) found.push(list[i]);
    found.sort(function (a, b) { return self.postings.get("=" + b).docs.length - self.postings.get("=" + a).docs.length; });
    return found.slice(0, 30);
  };

  // A typed compound the handbook does not have as one word, read as words it does have:
  // "facebookkonton" -> facebook + konton, "sekretessinställningar" -> sekretess + inställningar.
  // One of the two parts may be a word the handbook lacks ("integritets|inställningar",
  // "sekretess|belagda"): it then counts for nothing, and the other part of at least 4 letters
  // carries the word. The reading with the most letters in known parts wins, the one whose
  // last part is known on a tie.
  methods.split = function (word) {
    if (!this.splits) this.splits = new Map();
    if (!this.splits.has(word)) this.splits.set(word, this.splitOnce(word));
    return this.splits.get(word);
  };

  methods.splitOnce = function (word) {
    var strict = this.splitParts(word, false);
    if (strict && strict.allKnown) return strict.parts;
    // A typo in a part ("integritets|instälningar"): read again with parts that are a typo
    // away from the handbook's words.
    var loose = word.length >= 2 * TYPO_PART ? this.splitParts(word, true) : null;
    var best = loose && (!strict || loose.score > strict.score) ? loose : strict;
    return best ? best.parts : null;
  };

  // split()'s readings: {parts, score (letters in known parts), allKnown}. ``loose``: a part of
  // at least TYPO_PART letters may be a typo away from a word of the handbook (it counts 2
  // letters less per typo).
  methods.splitParts = function (word, loose, memo) {
    var self = this, best = null;
    memo = memo || new Map();
    function value(part) {
      var v = memo.get(part);
      if (v !== undefined) return v;
      var s = self.stem(part);
      v = self.has("=" + part) || self.has("~" + s) || self.has("+" + s) || self.has("<" + s) ? part.length :
        loose && part.length >= TYPO_PART ? Math.max(0, part.length - 2 * self.typos(part)) : 0;
      memo.set(part, v);
      return v;
    }
    for (var cut = 3; cut <= word.length - 3; cut++) {
      var head = word.slice(0, cut), tail = word.slice(cut), tailValue = value(tail), tailKnown = tailValue > 0;
      var heads = [head];
      // The linking -s- ("sekretess|inställningar" or "integritet|s|inställningar").
      if (head.length > 3 && head[head.length - 1] === "s") heads.push(head.slice(0, -1));
      for (var i = 0; i < heads.length; i++) {
        var h = heads[i], headValue = value(h), headKnown = headValue > 0;
        if (tailKnown ? !headKnown && (tail.length < 4 || h.length < 4) : !headKnown || h.length < 4 || tail.length < 4) continue;
        var score = (tailKnown ? tailValue + 0.5 : 0) + headValue;
        if (!best || score > best.score) best = { parts: [h, tail], score: score, allKnown: headKnown && tailKnown };
      }
    }
    if (best && !value(best.parts[0])) {
      // Perhaps the head is itself two words the handbook has.
      var inner = best.parts[0].length >= 6 ? this.splitParts(best.parts[0], loose, memo) : null;
      if (inner && inner.allKnown)
        return { parts: inner.parts.concat([best.parts[1]]), score: inner.score + best.score, allKnown: value(best.parts[1]) > 0 };
    }
    return best;
  };

  // How many typos a word is away from the nearest word, stem or compound part of the handbook
  // (Infinity: more than its typo limit).
  methods.typos = function (part) {
    var s = this.stem(part), fewest = Infinity;
    var count = function (vocabulary, word) {
      var limit = typoLimit(word);
      if (limit) this.near(vocabulary, word, limit).forEach(function (form) { fewest = Math.min(fewest, distance(word, form, limit)); });
    }.bind(this);
    count(this.vocabulary, part);
    count(this.stemVocabulary, s);
    count(this.partVocabulary, s);
    return fewest;
  };

  parts.words = {
    WORD: WORD, POSSESSIVE: POSSESSIVE, HYPHEN: HYPHEN,
    plainText: plainText, words: words, sentenceKey: sentenceKey, fold: fold, distance: distance, typoLimit: typoLimit,
    methods: methods
  };
});
