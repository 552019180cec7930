// The handbook's search, part 7 of 7 (handbook-search-engine.js lists them): why a result
// matched. Each result as the search box and the editors' command (uv run handbook-search,
// its --explain) show it: the words that matched, as what and in which fields, the words it
// lacks, and its heading and text with the matched words marked.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";
  var WORD = parts.words.WORD, POSSESSIVE = parts.words.POSSESSIVE, HYPHEN = parts.words.HYPHEN;
  var plainText = parts.words.plainText, words = parts.words.words;
  var FIELDS = parts.index.FIELDS, matchesOf = parts.ranking.matchesOf;
  var methods = {};

  // A word of the question: whether it is little, common, read as parts, found.
  methods.describeWord = function (q) {
    return {
      word: q.word, little: q.little, common: !!q.common,
      parts: q.parts ? q.parts.map(function (p) { return p.word; }) : null,
      found: q.strength > 0
    };
  };

  // A ranked section: where it is, its score, and why each word matched.
  methods.describe = function (d, score, parsed, matchedBy, explain) {
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
  methods.fieldsWith = function (doc, key) {
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
  methods.highlight = function (html, keys, found) {
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

  parts.explain = { methods: methods };
});
