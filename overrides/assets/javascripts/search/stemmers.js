// The handbook's search, part 1 of 7 (handbook-search-engine.js lists them): the stemmers,
// which give a word's stem, the part that its forms share. Snowball's Swedish and Porter's
// English, written out by hand, so that the browser and Node.js run the same code.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";

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

  parts.stemmers = { STEMMERS: STEMMERS, FULL_STEMMERS: FULL_STEMMERS };
});
