// The handbook's search, part 6 of 7 (handbook-search-engine.js lists them): ranking. Each
// section's score for a question (BM25F with idf, coverage, compounds found by their parts,
// common words, legal text, headings, words said together), the order of the results, and
// their grouping per page as the search box shows them.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else factory(root.HandbookSearchParts = root.HandbookSearchParts || {});
})(typeof self !== "undefined" ? self : this, function (parts) {
  "use strict";
  var fold = parts.words.fold, sentenceKey = parts.words.sentenceKey, words = parts.words.words;
  var WHOLE_WORD = parts.question.WHOLE_WORD, OWN_WORD = parts.question.OWN_WORD;
  var methods = {};

  // Legal text and the like (search_words.yml: boilerplate) counts less, unless the question names
  // it (see search()), or it is the only text with a word of the question of at least
  // OWN_WORD_LENGTH letters (a word of its own, such as "skärmläsare"; not "know").
  var BOILERPLATE_WEIGHT = 0.75;
  var OWN_WORD_LENGTH = 6;
  // A compound typed as one word and found as its parts: what all its parts together are worth,
  // and the share of its last part, which says what the compound is ("sekretess|inställningar"
  // are settings).
  // A section with only the first part(s) of such a compound, not its last part, gets a share of
  // that: "arbets|givare" is not "arbets|tid".
  var SPLIT_WEIGHT = 0.75, HEAD_SHARE = 0.6, MODIFIER_ALONE = 0.4;
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
  var PROXIMITY = 1, PROXIMITY_WINDOW = 2, PROXIMITY_CANDIDATES = 50;
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

  // For one question word: each section's best match (score before idf, and how it matched).
  methods.scoreWord = function (candidates, factor, into, how) {
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
  methods.search = function (query, options) {
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
    return { query: String(query || ""), words: parsed.map(function (q) { return self.describeWord(q); }), results: results, groups: group(results) };
  };

  // A word of the question that nearly every page has, or that the handbook's title has, counts
  // less (see COMMON_PAGES): its weight falls with the share of pages that have it (as itself,
  // another form of it, or a part of a compound).
  methods.weighCommonWords = function (parsed, matchedBy) {
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
  methods.nearBonus = function (ranked, parsed) {
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
  methods.hasEveryWord = function (d, parsed, matchedBy) {
    return parsed.every(function (q, qi) { return q.little || !q.strength || matchedBy[qi][d]; });
  };

  // Whether a word of the question matched one of a help section's own words.
  methods.saysOwnHelpWord = function (d, parsed, matchedBy) {
    var own = this.docs[d].ownKeys;
    if (!own || !own.size) return false;
    var found = false;
    this.matchedKeys(d, parsed, matchedBy).forEach(function (k) { if (own.has(k)) found = true; });
    return found;
  };

  // The keys by which a section matched the question's words (little words aside): one per
  // word, or one per part of a compound found by its parts.
  methods.matchedKeys = function (d, parsed, matchedBy) {
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
  methods.saysWord = function (how) {
    for (var d = 0; d < how.length; d++) if (how[d] && WHOLE_WORD[how[d].kind]) return true;
    return false;
  };

  // The share of a section's heading (its words that are not little words) that the
  // question's words matched.
  // (``queryKeys``: every key the question can match; most headings have none of them.)
  methods.headingShare = function (d, parsed, matchedBy, queryKeys) {
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
  methods.saysOwnWord = function (d, parsed, matchedBy) {
    return parsed.some(function (q, qi) { return q.onlyInBoilerplate && matchedBy[qi][d] && OWN_WORD[matchedBy[qi][d].kind]; });
  };

  // Whether a section's heading (or another of its fields) has a word of the question, in any
  // of the ways it matched.
  methods.headingMatches = function (d, parsed, matchedBy, field) {
    var self = this, title = words(this.docs[d].fields[field || "title"]);
    var keys = this.matchedKeys(d, parsed, matchedBy);
    return keys.size > 0 && title.some(function (w) { return self.keysOf(w).some(function (k) { return keys.has(k); }); });
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

  // One page's results as the reader meets them: ``rows``, the sections it shows (its own entry
  // only when it shows none of them), then ``folded``, the others, under "more on this page".
  function pageRows(group) {
    var sections = group.results.some(function (r) { return r.shown && !r.isPage; });
    return {
      rows: group.results.filter(function (r) { return r.shown && !(r.isPage && sections); }),
      folded: group.results.filter(function (r) { return !r.shown; })
    };
  }

  // Every location found, in the order the reader meets them: each page's rows (pageRows), page
  // by page, then every page's folded ones, which come after every section shown.
  function answers(found) {
    var rows = [], folded = [];
    found.groups.forEach(function (g) {
      var page = pageRows(g);
      page.rows.forEach(function (r) { rows.push(r.location); });
      page.folded.forEach(function (r) { folded.push(r.location); });
    });
    return rows.concat(folded);
  }

  parts.ranking = { matchesOf: matchesOf, answers: answers, pageRows: pageRows, methods: methods };
});
