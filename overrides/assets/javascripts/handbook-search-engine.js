// The handbook's search: ranks the sections of one language's search index for a reader's
// question. It knows nothing of Material for MkDocs: the search worker (workers/handbook-search.js)
// feeds it the index and hands its results to Material's search box, and the editors' command
// (uv run handbook-search) runs this same file in Node.js, so the two cannot disagree.
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
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HandbookSearch = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // How much each kind of match is worth, against an exact match.
  // "derived": a word made from the same word, by a derivational ending ("compliant" for
  // "comply", "privately" for "private") or a negating prefix ("olämpligt" for "lämpligt",
  // "inappropriate" for "appropriate"): related, but not the same word.
  // "folded": the word typed without its diacritics ("andringar" for "ändringar").
  // "lexicon": a reader's word that the handbook does not say, found where the section says a word
  // that a published thesaurus lists with it (config.handbook.lexicon: Synlex, WordNet; "gnälla"
  // where the section says "klaga"), one step only. Below the handbook's own words, and below the
  // editors' synonyms (search_words.yml), which count where the section says their group's word
  // as SYNONYM_TF occurrences: a synonym is worth about 0.8 of the word after BM25's saturation.
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
  // Legal text and the like (search_words.yml: boilerplate) counts less, unless the question names
  // it (see search()), or it is the only text with a word of the question of at least
  // OWN_WORD_LENGTH letters (a word of its own, such as "skärmläsare"; not "know").
  var BOILERPLATE_WEIGHT = 0.75;
  var OWN_WORD_LENGTH = 6;
  // Little words count a little; question words more, but less than the words of the topic.
  var LITTLE_WORD_WEIGHT = 0.15, QUESTION_WORD_WEIGHT = 0.6;
  // A compound typed as one word and found as its parts: what all its parts together are worth,
  // and the share of its last part, which says what the compound is ("sekretess|inställningar"
  // are settings).
  // A section with only the first part(s) of such a compound, not its last part, gets a share of
  // that: "arbets|givare" is not "arbets|tid".
  var SPLIT_WEIGHT = 0.75, HEAD_SHARE = 0.6, MODIFIER_ALONE = 0.4;
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
  // A section that matches only some of the question's words: what it keeps, at worst.
  var PARTIAL_FLOOR = 0.5;
  var MAX_RESULTS = 60, MIN_SHARE_OF_BEST = 0.08;
  // A page's sections shown under its title: those that score at least this share of its best;
  // the others are folded under "more on this page".
  var SHOWN_SHARE = 0.7;
  // Words of the question found next to each other in a section (at most one word between, in
  // either order: "dela länk" in "dela och länka", "vilka kanaler" in "vilka kanaler ska du
  // befinna dig i"): a section that says the question's words together says what it asks
  // better than one that has them apart. The score grows by up to this share, by the share of
  // the question's neighbouring word pairs found so; the best PROXIMITY_CANDIDATES sections
  // are looked at.
  var PROXIMITY = 1, PROXIMITY_WINDOW = 2, PROXIMITY_CANDIDATES = 50, PROXIMITY_FIELDS = ["title", "text", "anchors"];
  // BM25's idf, to the power 1.5: a word in one section of the handbook counts about three times
  // as much as a word in a quarter of them ("ordförande" against "sociala medier"), not twice.
  var IDF_POWER = 1.5;
  // A word that nearly every page has counts less, down to COMMON_WEIGHT when every page has it
  // (from COMMON_PAGES of the pages on): what the whole handbook is about ("sociala medier",
  // "kommunen") does not tell its sections apart. The words of the handbook's title (its start
  // page's heading, which every page's header repeats) are in every page. Only in a handbook of
  // at least COMMON_MIN_PAGES pages.
  var COMMON_PAGES = 0.7, COMMON_WEIGHT = 0.5, COMMON_MIN_PAGES = 4;
  // A section whose heading the question's words match in full counts this share more
  // ("Webbplats" for "vilken webbplats gäller redogörelsen"), one whose heading they match in
  // part by the share they match: a heading names what its section is about.
  var TITLE_COVER = 0.15;

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

  // ---------------------------------------------------------------------------------------
  // Stemmers
  // ---------------------------------------------------------------------------------------

  // Snowball's Swedish stemmer (snowballstem.org, Snowball 3.1.1), written out by hand.
  // tests/test_search_engine.py checks it against the reference on the Hunspell word list.
  var SV_VOWEL = /[aeiouyäåö]/;
  var SV_S_ENDING = "bcdfghjklmnoprtvy";
  var SV_OST_ENDING = "iklnprtuv";
  var SV_ET_EXCEPTIONS = ["fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit",
    "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit"];
  var SV_MAIN = ["a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste",
    "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "s", "as", "arnas", "ernas",
    "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns", "at", "et", "andet", "het", "ast"]
    .sort(function (a, b) { return b.length - a.length; });
  var SV_PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  var SV_OTHER = ["fullt", "lig", "els", "öst", "ig"];

  function svRegion(w) {
    // R1: after the first non-vowel that follows a vowel, and at least 3 letters in.
    if (w.length < 3) return w.length;
    var i = 0;
    while (i < w.length && !SV_VOWEL.test(w[i])) i++;
    if (i >= w.length) return w.length;
    i++;
    while (i < w.length && SV_VOWEL.test(w[i])) i++;
    if (i >= w.length) return w.length;
    return Math.max(i + 1, 3);
  }

  function svEtCondition(before) {
    var n = before.length;
    if (n < 3 || SV_VOWEL.test(before[n - 1]) || !SV_VOWEL.test(before[n - 2])) return false;
    for (var i = 0; i < SV_ET_EXCEPTIONS.length; i++)
      if (before.slice(-SV_ET_EXCEPTIONS[i].length) === SV_ET_EXCEPTIONS[i]) return false;
    return true;
  }

  // ``full``: the whole algorithm. Search leaves out its last step, which takes derivational
  // endings ("lig", "ig", "els") and so joins words of other meanings ("lagligt" -> "lag", which
  // is "lagen"); inflections ("lagen", "lagar") and "-het" stay joined.
  function stemSwedish(w, full) {
    var p1 = svRegion(w);
    // Main suffix: the longest one that lies in R1.
    for (var i = 0; i < SV_MAIN.length; i++) {
      var s = SV_MAIN[i];
      if (w.length - s.length < p1 || w.slice(-s.length) !== s) continue;
      var before = w.slice(0, w.length - s.length);
      if (s === "s") {
        if (before.slice(-2) === "et" && svEtCondition(before.slice(0, -2))) w = before.slice(0, -2);
        else if (before && SV_S_ENDING.indexOf(before[before.length - 1]) >= 0) w = before;
      } else if (s === "et") {
        if (svEtCondition(before)) w = before;
      } else {
        w = before;
      }
      break;
    }
    // A double consonant at the end, in R1, loses its last letter.
    if (w.length - 2 >= p1 && SV_PAIRS.indexOf(w.slice(-2)) >= 0 && w.length - 1 > p1) w = w.slice(0, -1);
    if (!full) return w;
    // Other suffixes, in R1.
    for (var j = 0; j < SV_OTHER.length; j++) {
      var o = SV_OTHER[j];
      if (w.length - o.length < p1 || w.slice(-o.length) !== o) continue;
      if (o === "fullt") w = w.slice(0, -1);
      else if (o === "öst") {
        if (SV_OST_ENDING.indexOf(w[w.length - 4]) >= 0 && w.length >= 4) w = w.slice(0, -1);
      } else w = w.slice(0, -o.length);
      break;
    }
    return w;
  }

  // Porter's English stemmer, as lunr 2.3.9 writes it (MIT, Oliver Nightingale; after
  // tartarus.org/~martin), which Material's search used before. ``full``: the whole algorithm.
  // Search uses only its steps for inflections (1: "-s", "-ed", "-ing", "-y"; 5: a final "-e"):
  // steps 2-4 take derivational endings and join words of other meanings ("managers" and
  // "manage" -> "manag", "general" and "generous" -> "gener").
  var stemEnglish = (function () {
    var step2list = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble",
      alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate",
      alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive",
      biliti: "ble", logi: "log" };
    var step3list = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
    var c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
    var reMgr0 = new RegExp("^(" + C + ")?" + V + C);
    var reMeq1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
    var reMgr1 = new RegExp("^(" + C + ")?" + V + C + V + C);
    var reSv = new RegExp("^(" + C + ")?" + v);
    var re1a = /^(.+?)(ss|i)es$/, re21a = /^(.+?)([^s])s$/, re1b = /^(.+?)eed$/, re21b = /^(.+?)(ed|ing)$/;
    var reLast = /.$/, re21b2 = /(at|bl|iz)$/, re31b2 = new RegExp("([^aeiouylsz])\\1$");
    var re41b2 = new RegExp("^" + C + v + "[^aeiouwxy]$");
    var re1c = /^(.+?[^aeiou])y$/;
    var re2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
    var re3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
    var re4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
    var re24 = /^(.+?)(s|t)(ion)$/, re5 = /^(.+?)e$/, re51 = /ll$/;
    var re35 = new RegExp("^" + C + v + "[^aeiouwxy]$");
    return function (w, full) {
      var fp, stem, suffix, firstch;
      if (w.length < 3) return w;
      firstch = w.substr(0, 1);
      if (firstch === "y") w = firstch.toUpperCase() + w.substr(1);
      if (re1a.test(w)) w = w.replace(re1a, "$1$2");
      else if (re21a.test(w)) w = w.replace(re21a, "$1$2");
      if (re1b.test(w)) {
        fp = re1b.exec(w);
        if (reMgr0.test(fp[1])) w = w.replace(reLast, "");
      } else if (re21b.test(w)) {
        fp = re21b.exec(w);
        stem = fp[1];
        if (reSv.test(stem)) {
          w = stem;
          if (re21b2.test(w)) w = w + "e";
          else if (re31b2.test(w)) w = w.replace(reLast, "");
          else if (re41b2.test(w)) w = w + "e";
        }
      }
      if (re1c.test(w)) { fp = re1c.exec(w); w = fp[1] + "i"; }
      if (full && re2.test(w)) {
        fp = re2.exec(w); stem = fp[1]; suffix = fp[2];
        if (reMgr0.test(stem)) w = stem + step2list[suffix];
      }
      if (full && re3.test(w)) {
        fp = re3.exec(w); stem = fp[1]; suffix = fp[2];
        if (reMgr0.test(stem)) w = stem + step3list[suffix];
      }
      if (!full) {
        // (steps 2-4 left out)
      } else if (re4.test(w)) {
        fp = re4.exec(w); stem = fp[1];
        if (reMgr1.test(stem)) w = stem;
      } else if (re24.test(w)) {
        fp = re24.exec(w); stem = fp[1] + fp[2];
        if (reMgr1.test(stem)) w = stem;
      }
      if (re5.test(w)) {
        fp = re5.exec(w); stem = fp[1];
        if (reMgr1.test(stem) || (reMeq1.test(stem) && !re35.test(stem))) w = stem;
      }
      if (re51.test(w) && reMgr1.test(w)) w = w.replace(reLast, "");
      if (firstch === "y") w = firstch.toLowerCase() + w.substr(1);
      return w;
    };
  })();

  var STEMMERS = {
    sv: function (w) { return stemSwedish(w, false); },
    en: function (w) { return stemEnglish(w, false); }
  };
  var FULL_STEMMERS = {
    sv: function (w) { return stemSwedish(w, true); },
    en: function (w) { return stemEnglish(w, true); }
  };

  // ---------------------------------------------------------------------------------------
  // Words
  // ---------------------------------------------------------------------------------------

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

  // ---------------------------------------------------------------------------------------
  // The index
  // ---------------------------------------------------------------------------------------

  function Engine(index) {
    var config = index.config || {};
    var handbook = config.handbook || {};
    this.lang = (config.lang && config.lang[0]) || "en";
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
    // The stems of every word of the handbook (filled in pass 1), for negated words.
    this.wordStems = new Set();
    // Compound -> parts: the build's (Swedish dictionary), and every hyphenated word of the
    // handbook ("facebookkonto": facebook, konto), added below.
    this.compounds = Object.assign({}, handbook.compounds || {});
    this.keyCache = new Map();
    // Little words and question words, also as typed without diacritics ("pa", "nar").
    var withFolded = function (list) {
      var set = new Set(list.split(" "));
      set.forEach(function (w) { set.add(fold(w)); });
      return set;
    };
    this.little = withFolded(LITTLE[this.lang] || "");
    this.questionWords = withFolded(QUESTION[this.lang] || "");
    this.compounding = !!COMPOUNDING[this.lang];
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
    // The number of pages, and the keys of the handbook's title (see COMMON_PAGES).
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

  // Synonym groups: each member's words (hyphens dropped, as in the joined word).
  Engine.prototype.setSynonyms = function (groups) {
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
  Engine.prototype.setLexicon = function (groups) {
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
  Engine.prototype.lexiconWords = function (word) {
    if (!this.lexicon.size) return [];
    var self = this, out = [];
    [word].concat(this.otherForms(word, true)).forEach(function (form) {
      (self.lexicon.get(self.stem(form)) || []).forEach(function (t) { if (out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  };

  // The synonyms of a list of words: word -> the word of the list that brought it.
  Engine.prototype.synonymsOf = function (list) {
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

  // The keys a word of the handbook is indexed under (worked out once per word).
  Engine.prototype.keysOf = function (w) {
    var keys = this.keyCache.get(w);
    if (keys) return keys;
    var stem = this.stem(w), full = this.fullStem(w);
    keys = ["=" + w, "~" + stem];
    var parts = this.compounds[w];
    if (parts) for (var i = 0; i < parts.length; i++) keys.push((i === parts.length - 1 ? "+" : "<") + this.stem(parts[i]));
    // Under the stem of the word without an inflectional ending the stemmer missed, where the
    // handbook has that stem ("konton" and "kontot" are "konto"; see ENDINGS).
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

  // The word without a negating prefix ("olämpligt": "lämpligt"), or null.
  Engine.prototype.negatedRest = function (w) {
    for (var i = 0; i < this.negating.length; i++) {
      var prefix = this.negating[i];
      if (w.length - prefix.length >= NEGATED_MIN && w.slice(0, prefix.length) === prefix) return w.slice(prefix.length);
    }
    return null;
  };

  Engine.prototype.has = function (key) { return this.postings.has(key); };

  // ---------------------------------------------------------------------------------------
  // A question
  // ---------------------------------------------------------------------------------------

  // Ways to match one word of the question: [{key, kind, weight, via}].
  // ``isPart``: the word is a part of a typed compound (not looked for in another language).
  Engine.prototype.candidates = function (word, isLast, isPart) {
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
    // Other forms of the word that the stemmer does not join to it (see ENDINGS, GENDERED).
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

  // Forms of a word that its stem does not give: without an inflectional ending ("kontot":
  // "konto"; "jobbet": "jobb", when ``unknown``, the handbook lacking the word and its stem);
  // a gendered compound's other endings ("spokesman": "spokesperson").
  Engine.prototype.otherForms = function (word, unknown) {
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
  Engine.prototype.near = function (vocabulary, word, limit) {
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
  Engine.prototype.completions = function (prefix) {
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
  Engine.prototype.split = function (word) {
    if (!this.splits) this.splits = new Map();
    if (!this.splits.has(word)) this.splits.set(word, this.splitOnce(word));
    return this.splits.get(word);
  };

  Engine.prototype.splitOnce = function (word) {
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
  Engine.prototype.splitParts = function (word, loose, memo) {
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
  Engine.prototype.typos = function (part) {
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

  // The question's words, each with its ways to match.
  Engine.prototype.parse = function (query) {
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

  // For one question word: each section's best match (score before idf, and how it matched).
  Engine.prototype.scoreWord = function (candidates, factor, into, how) {
    var self = this;
    candidates.forEach(function (c) {
      var list = self.postings.get(c.key);
      for (var i = 0; i < list.docs.length; i++) {
        var d = list.docs[i], s = c.weight * list.weights[i] * factor;
        if (s > into[d]) { into[d] = s; how[d] = c; }
      }
    });
  };

  // options.explain: also say in which fields each word matched (the editors' command).
  Engine.prototype.search = function (query, options) {
    var self = this, n = this.docs.length, explain = !!(options && options.explain);
    var parsed = this.parse(String(query || ""));
    var total = new Float64Array(n), covered = new Float64Array(n), informative = 0;
    var matchedBy = parsed.map(function () { return new Array(n); });
    parsed.forEach(function (q, qi) {
      var best = new Float64Array(n), how = matchedBy[qi];
      self.scoreWord(q.candidates, 1, best, how);
      // A typed compound is read as its parts only where the handbook lacks the word itself:
      // "skärmläsare" is a word of the handbook, so "läsare" (stemmed "läs") alone does not
      // find "läsa".
      if (q.parts && !self.saysWord(how)) {
        // A compound found by its parts: the last part most. When the handbook lacks the last
        // part, the first part(s) carry the word ("sekretess|belagda").
        var last = q.parts.length - 1;
        var scored = q.parts.map(function (part) {
          var partBest = new Float64Array(n), partHow = new Array(n);
          self.scoreWord(part.candidates, 1, partBest, partHow);
          return { best: partBest, how: partHow, known: part.candidates.length > 0 };
        });
        var headKnown = scored[last].known;
        var modifiersKnown = scored.slice(0, last).filter(function (p) { return p.known; }).length;
        for (var d = 0; d < n; d++) {
          var head = scored[last].best[d], modifiers = 0, matches = [];
          for (var pi = 0; pi < last; pi++) {
            modifiers += scored[pi].best[d];
            if (scored[pi].how[d]) matches.push(scored[pi].how[d]);
          }
          if (scored[last].how[d]) matches.push(scored[last].how[d]);
          if (!matches.length) continue;
          var s, quality = SPLIT_WEIGHT;
          if (headKnown) {
            s = SPLIT_WEIGHT * (HEAD_SHARE * head + (1 - HEAD_SHARE) * modifiers / Math.max(1, last));
            if (!head) { s *= MODIFIER_ALONE; quality *= (1 - HEAD_SHARE) * MODIFIER_ALONE; }
          } else {
            s = SPLIT_WEIGHT * modifiers / Math.max(1, modifiersKnown);
          }
          // A section that has the compound itself (or another form of it) is found by it, not
          // by its parts ("profilbild" in "din profilbild", not "profil" and "bild").
          if (how[d] && (how[d].kind === "exact" || how[d].kind === "stem")) continue;
          if (s > best[d]) { best[d] = s; how[d] = { kind: "split", matches: matches, word: q.word, weight: quality }; }
        }
      }
      // The word's idf: from the sections that have the word itself (or a form of it, or it as
      // part of a compound), so that its compound parts, found everywhere, do not make a rare
      // word common ("arbetstid" is in two sections; "arbet" and "tid" are in many). A word the
      // handbook lacks: every way it matches counts, so that a rare form or part of a common
      // word does not make the word rare.
      var df = 0, own = 0, ownElsewhere = false;
      for (var k = 0; k < n; k++) {
        if (!best[k]) continue;
        df++;
        if (!OWN_WORD[how[k].kind]) continue;
        own++;
        if (!self.docs[k].boilerplate) ownElsewhere = true;
      }
      q.onlyInBoilerplate = own > 0 && !ownElsewhere && !q.little && q.word.length >= OWN_WORD_LENGTH;
      q.idf = df ? self.idf(own || df) : 0;
      q.best = best;
    });
    this.weighCommonWords(parsed, matchedBy);
    parsed.forEach(function (q, qi) {
      var best = q.best, how = matchedBy[qi];
      q.strength = q.idf * q.weight;
      informative += q.strength;
      // How much of the question a section covers: each word by its weight, and by how well it
      // matched (an exact word fully, a typo about half).
      for (var d = 0; d < n; d++) {
        if (!best[d]) continue;
        total[d] += best[d] * q.strength;
        covered[d] += q.strength * how[d].weight;
      }
      q.best = null;
    });
    // Every key the question's words (not little words) can match, for headingShare.
    var queryKeys = new Set();
    parsed.forEach(function (q) {
      if (q.little) return;
      q.candidates.forEach(function (c) { queryKeys.add(c.key); });
      if (q.parts) q.parts.forEach(function (part) { part.candidates.forEach(function (c) { queryKeys.add(c.key); }); });
    });
    var ranked = [];
    var needsContent = parsed.some(function (q) { return !q.little && q.strength > 0; });
    for (var d = 0; d < n; d++) {
      if (!total[d]) continue;
      if (needsContent && !parsed.some(function (q, qi) { return !q.little && matchedBy[qi][d]; })) continue;
      var coverage = informative ? covered[d] / informative : 1;
      var score = total[d] * (PARTIAL_FLOOR + (1 - PARTIAL_FLOOR) * coverage * coverage) * this.docs[d].weight;
      // Legal text counts less, unless the question names it: a word of the question is in the
      // title of the page listed as boilerplate ("vilken webbplats gäller
      // tillgänglighetsredogörelsen"), or in the heading of the section listed; or unless only
      // legal text has a word of the question (saysOwnWord).
      var legal = this.docs[d].boilerplate;
      if (legal && !this.saysOwnWord(d, parsed, matchedBy) &&
          !this.headingMatches(d, parsed, matchedBy, legal === "page" && !this.docs[d].isPage ? "page" : "title"))
        score *= BOILERPLATE_WEIGHT;
      score *= 1 + TITLE_COVER * this.headingShare(d, parsed, matchedBy, queryKeys);
      // Rounded, so that equal scores are equal in every JavaScript engine (the browser's and
      // the editors' command's) and ties keep the handbook's order.
      ranked.push({ doc: d, score: Math.round(score * 1e9) / 1e9 });
    }
    this.nearBonus(ranked, parsed);
    // A navigation section comes after every other section found, unless its heading matched:
    // its text only points to the sections that answer ("Får jag kritisera kommunen?" in the
    // start page's list), but its heading says what it is about ("Så söker du i handboken"),
    // and so does a help section's word that only it says, when it has every word of the
    // question ("kortkommando för sökrutan": only the search help says "sökrutan").
    ranked.forEach(function (r) {
      r.pointer = self.docs[r.doc].navigation && !self.headingMatches(r.doc, parsed, matchedBy) &&
        !(self.hasEveryWord(r.doc, parsed, matchedBy) && self.saysOwnHelpWord(r.doc, parsed, matchedBy));
    });
    // A question that is a whole heading names what the reader wants: that section, or that
    // page when it is a page's title ("Senaste ändringar" is a page, and also a section of the
    // start page that points to it), comes first, before any section that only shares its words.
    var asked = fold(sentenceKey(query || ""));
    ranked.forEach(function (r) {
      var doc = self.docs[r.doc];
      r.named = asked && doc.titleKey === asked ? (doc.isPage ? 2 : 1) : 0;
    });
    ranked.sort(function (a, b) { return (b.named - a.named) || (a.pointer - b.pointer) || b.score - a.score || a.doc - b.doc; });
    var top = ranked.length ? Math.max.apply(null, ranked.map(function (r) { return r.score; })) : 0;
    ranked = ranked.filter(function (r) { return r.score >= top * MIN_SHARE_OF_BEST; }).slice(0, MAX_RESULTS);
    var results = ranked.map(function (r) { return self.describe(r.doc, r.score, parsed, matchedBy, explain); });
    return { query: String(query || ""), words: parsed.map(describeWord), results: results, groups: group(results) };
  };

  // A word of the question that nearly every page has, or that the handbook's title has, counts
  // less (see COMMON_PAGES): its weight falls with the share of pages that have it (as itself,
  // another form of it, or a part of a compound).
  Engine.prototype.weighCommonWords = function (parsed, matchedBy) {
    var self = this, pages = this.pageCount;
    if (pages < COMMON_MIN_PAGES) return;
    var seen = new Uint8Array(pages);
    parsed.forEach(function (q, qi) {
      if (q.little || !q.idf) return;
      var share = 1;
      if (!q.candidates.some(function (c) { return OWN_WORD[c.kind] && self.titleKeys.has(c.key); })) {
        var how = matchedBy[qi], count = 0;
        seen.fill(0);
        for (var d = 0; d < how.length; d++) {
          if (!how[d] || !OWN_WORD[how[d].kind]) continue;
          var p = self.docs[d].pageNumber;
          if (!seen[p]) { seen[p] = 1; count++; }
        }
        share = count / pages;
      }
      if (share <= COMMON_PAGES) return;
      q.common = true;
      q.weight *= 1 - (share - COMMON_PAGES) / (1 - COMMON_PAGES) * (1 - COMMON_WEIGHT);
    });
  };

  // Proximity (see PROXIMITY): the best sections' scores grow by the share of the question's
  // neighbouring pairs of words (little words left out) that they say together.
  Engine.prototype.nearBonus = function (ranked, parsed) {
    var self = this, content = [];
    parsed.forEach(function (q) { if (!q.little && q.strength > 0 && content.length < 30) content.push(q); });
    if (content.length < 2) return;
    // key number -> the question words (as bits) it matches
    var bits = new Map();
    content.forEach(function (q, i) {
      var cands = q.candidates.slice();
      if (q.parts) q.parts.forEach(function (p) { cands = cands.concat(p.candidates); });
      cands.forEach(function (c) {
        var id = self.keyIds.get(c.key);
        if (id !== undefined) bits.set(id, (bits.get(id) || 0) | (1 << i));
      });
    });
    // A pair counts as much as its weaker word, against the whole question: "sociala medier"
    // together adds little to "tystnadsplikt sociala medier".
    var pairs = [], all = 0, strongest = 0;
    content.forEach(function (q) { all += q.strength; strongest = Math.max(strongest, q.strength); });
    for (var i = 0; i + 1 < content.length; i++) {
      var weaker = Math.min(content[i].strength, content[i + 1].strength);
      pairs.push(weaker * weaker / strongest);
    }
    if (!all) return;
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    var wordBits = new Map();
    var bitsOf = function (word) {
      var b = wordBits.get(word);
      if (b !== undefined) return b;
      b = 0;
      var keys = self.wordKeys[word];
      for (var k = 0; k < keys.length; k++) b |= bits.get(keys[k]) || 0;
      wordBits.set(word, b);
      return b;
    };
    ranked.slice(0, PROXIMITY_CANDIDATES).forEach(function (r) {
      var sequence = self.docs[r.doc].sequence, recent = [], found = 0;
      for (var p = 0; p < sequence.length; p++) {
        var b = sequence[p] < 0 ? 0 : bitsOf(sequence[p]);
        if (b) {
          for (var j = 0; j < recent.length; j++) {
            if (p - recent[j].at > PROXIMITY_WINDOW) continue;
            var both = b | recent[j].bits;
            for (var pi = 0; pi < pairs.length; pi++)
              if ((both >> pi & 3) === 3 && (b >> pi & 3) !== 3) found |= 1 << pi;
          }
        }
        if (sequence[p] < 0) recent = [];
        else if (b) { recent.push({ at: p, bits: b }); if (recent.length > PROXIMITY_WINDOW) recent.shift(); }
      }
      if (!found) return;
      var near = 0;
      for (var k = 0; k < pairs.length; k++) if (found >> k & 1) near += pairs[k];
      r.score = Math.round(r.score * (1 + PROXIMITY * near / all) * 1e9) / 1e9;
    });
  };

  // Whether a section has every word of the question that the handbook has (little words aside).
  Engine.prototype.hasEveryWord = function (d, parsed, matchedBy) {
    return parsed.every(function (q, qi) { return q.little || !q.strength || matchedBy[qi][d]; });
  };

  // Whether a word of the question matched one of a help section's own words.
  Engine.prototype.saysOwnHelpWord = function (d, parsed, matchedBy) {
    var own = this.docs[d].ownKeys;
    if (!own || !own.size) return false;
    var found = false;
    this.matchedKeys(d, parsed, matchedBy).forEach(function (k) { if (own.has(k)) found = true; });
    return found;
  };

  // The keys by which a section matched the question's words (little words aside): one per
  // word, or one per part of a compound found by its parts.
  Engine.prototype.matchedKeys = function (d, parsed, matchedBy) {
    var keys = new Set();
    parsed.forEach(function (q, qi) {
      var how = matchedBy[qi][d];
      if (how && !q.little) matchesOf(how).forEach(function (m) { keys.add(m.key); });
    });
    return keys;
  };

  // A word's match in a section, as a list: its parts' matches for a compound found by its parts.
  function matchesOf(how) {
    return how.kind === "split" ? how.matches : [how];
  }

  // Whether some section has the word itself, or another form of it (``how``: how each section
  // matched it).
  Engine.prototype.saysWord = function (how) {
    for (var d = 0; d < how.length; d++) if (how[d] && WHOLE_WORD[how[d].kind]) return true;
    return false;
  };

  // The share of a section's heading (its words that are not little words) that the
  // question's words matched.
  // (``queryKeys``: every key the question can match; most headings have none of them.)
  Engine.prototype.headingShare = function (d, parsed, matchedBy, queryKeys) {
    var self = this, doc = this.docs[d];
    // Each of the heading's words' keys, worked out once per section.
    if (!doc.headingKeys) {
      doc.headingKeys = words(doc.fields.title)
        .filter(function (w) { return !self.little.has(w); })
        .map(function (w) { return self.keysOf(w); });
    }
    var possible = doc.headingKeys.some(function (ks) {
      for (var i = 0; i < ks.length; i++) if (queryKeys.has(ks[i])) return true;
      return false;
    });
    if (!possible) return 0;
    var keys = this.matchedKeys(d, parsed, matchedBy);
    if (!keys.size) return 0;
    var hit = 0;
    doc.headingKeys.forEach(function (ks) {
      for (var i = 0; i < ks.length; i++) if (keys.has(ks[i])) { hit++; return; }
    });
    return hit / doc.headingKeys.length;
  };

  // Legal text has a word of the question that no other section has ("skärmläsare" only in
  // the accessibility statement): the question asks about it.
  Engine.prototype.saysOwnWord = function (d, parsed, matchedBy) {
    return parsed.some(function (q, qi) { return q.onlyInBoilerplate && matchedBy[qi][d] && OWN_WORD[matchedBy[qi][d].kind]; });
  };

  // Whether a section's heading (or another of its fields) has a word of the question, in any
  // of the ways it matched.
  Engine.prototype.headingMatches = function (d, parsed, matchedBy, field) {
    var self = this, title = words(this.docs[d].fields[field || "title"]);
    var keys = this.matchedKeys(d, parsed, matchedBy);
    return keys.size > 0 && title.some(function (w) { return self.keysOf(w).some(function (k) { return keys.has(k); }); });
  };

  function describeWord(q) {
    return {
      word: q.word, little: q.little, common: !!q.common,
      parts: q.parts ? q.parts.map(function (p) { return p.word; }) : null,
      found: q.strength > 0
    };
  }

  // A ranked section: where it is, its score, and why each word matched.
  Engine.prototype.describe = function (d, score, parsed, matchedBy, explain) {
    var doc = this.docs[d], self = this, matches = [], missing = [], keys = new Set();
    parsed.forEach(function (q, qi) {
      var how = matchedBy[qi][d];
      if (!how) {
        if (!q.little) missing.push(q.word);
        return;
      }
      matchesOf(how).forEach(function (m) {
        keys.add(m.key);
        var match = {
          word: q.word, part: how.kind === "split" ? m.via : null, form: m.key.slice(1),
          kind: how.kind === "split" ? "part" : m.kind, key: m.key
        };
        // The handbook's word that the lexicon led to ("gnälla" -> "klaga"); the other language
        // whose same section has the word ("privacy": en).
        if (m.kind === "lexicon") match.link = m.via;
        if (m.kind === "other") { match.language = m.key.slice(1, m.key.search(/[=~]/)); match.form = m.key.slice(match.language.length + 2); }
        if (explain) match.fields = self.fieldsWith(doc, m.key);
        matches.push(match);
      });
    });
    var found = [];
    return {
      location: doc.location, page: doc.page, isPage: doc.isPage, pageTitle: doc.pageTitle,
      title: this.highlight(doc.title, keys, found), text: this.highlight(doc.text, keys, found),
      plainTitle: plainText(doc.title), score: score, navigation: doc.navigation, boilerplate: doc.boilerplate,
      matches: matches, missing: missing, found: found
    };
  };

  // The fields of a section that hold a key.
  // A field that has the key only through a synonym is named "field~word" (the word it has).
  Engine.prototype.fieldsWith = function (doc, key) {
    var self = this, out = [];
    if (key[0] === "@") return ["other"];
    FIELDS.forEach(function (f) {
      if (words(doc.fields[f]).some(function (w) { return self.keysOf(w).indexOf(key) >= 0; })) return out.push(f);
      var via = null;
      doc.synonyms[f].forEach(function (trigger, w) { if (!via && self.keysOf(w).indexOf(key) >= 0) via = trigger; });
      if (via) out.push(f + "~" + via);
    });
    return out;
  };

  // The words of an HTML snippet that matched, marked (outside tags); each matched word (lower
  // case) is added to ``found``, to be highlighted on the page the result opens.
  Engine.prototype.highlight = function (html, keys, found) {
    var self = this;
    if (!keys.size || !html) return html;
    var hit = function (w) {
      var ks = self.keysOf(w);
      for (var i = 0; i < ks.length; i++) if (keys.has(ks[i])) return true;
      return false;
    };
    return String(html).replace(/(<[^>]*>)|([^<]+)/g, function (all, tag, text) {
      if (tag) return tag;
      return text.replace(WORD, function (match) {
        var lower = match.toLowerCase().replace(POSSESSIVE, ""), matched = false;
        if (!HYPHEN.test(lower)) matched = hit(lower);
        else {
          var pieces = lower.split(HYPHEN);
          matched = hit(pieces.join("")) || pieces.some(hit);
        }
        if (!matched) return match;
        if (found.indexOf(lower) < 0) found.push(lower);
        return "<mark>" + match + "</mark>";
      });
    });
  };

  // Results per page, the page with the best section first; in each, its sections best first.
  // When a section is a page's best result, the page's own entry (its title and intro) is left
  // out: the page's row opens that section.
  function group(results) {
    var pages = new Map();
    results.forEach(function (r) {
      if (!pages.has(r.page)) pages.set(r.page, []);
      pages.get(r.page).push(r);
    });
    return Array.from(pages.entries()).map(function (entry) {
      var list = entry[1];
      if (!list[0].isPage) list = list.filter(function (r) { return !r.isPage; });
      // Sections are shown by their share of the page's best section: where the page's own
      // entry (its title and intro) scores best, its best sections are shown under it all the
      // same, not folded behind other pages' sections.
      var sections = list.filter(function (r) { return !r.isPage; });
      var best = sections.length ? sections[0].score : list[0].score;
      list.forEach(function (r) { r.shown = r.isPage ? r === list[0] : r.score >= SHOWN_SHARE * best; });
      // Shown first, then folded: the order in which Material draws them.
      list = list.filter(function (r) { return r.shown; }).concat(list.filter(function (r) { return !r.shown; }));
      return { page: entry[0], pageTitle: list[0].pageTitle, results: list };
    });
  }

  // Every location found, in the order the reader meets them: each page shows its sections that
  // score nearly as well as its best (``shown``); the others wait, folded, under "more on this
  // page", and come after every section shown.
  // A page's own entry counts only when the page shows none of its sections.
  function answers(found) {
    var shown = [], folded = [];
    found.groups.forEach(function (g) {
      var sections = g.results.some(function (r) { return r.shown && !r.isPage; });
      g.results.forEach(function (r) {
        if (r.shown && !(r.isPage && sections)) shown.push(r.location);
        else if (!r.shown) folded.push(r.location);
      });
    });
    return shown.concat(folded);
  }

  return {
    create: function (index) { return new Engine(index); },
    // The stemmers, for the tests: stem(lang, word, true) runs the whole Snowball algorithm.
    stem: function (lang, word, full) { return ((full ? FULL_STEMMERS : STEMMERS)[lang] || function (w) { return w; })(word); },
    words: words,
    answers: answers
  };
});
