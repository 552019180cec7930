// Material's search worker, with word forms and typos handled on the query side too.
// Material adds "*" to every query word, and lunr does not stem a word with "*", so "konton"
// would not find the stem "kont" in the stemmed index. So each plain word is sent as "word^1"
// (stemmed like the index, stop words dropped) and, from 6 letters, "word~1" (one typo allowed).
// Only the word being typed, the last one, also keeps Material's prefix match ("word*").
(function () {
  var QUERY = 2; // Material's SearchMessageType.QUERY
  var plain = /^[\p{L}\p{N}]+$/u;
  function expand(query) {
    // Words joined or ended by a hyphen or punctuation ("Sekretess- och", "Facebook-konton")
    // are indexed as separate words; a leading + or - stays lunr's "must" or "must not".
    var words = query.replace(/([\p{L}\p{N}])[-\u2013/]+(?=[\p{L}\p{N}])/gu, "$1 ")
      .replace(/([\p{L}\p{N}])[-\u2013,.;:!?]+(?=\s|$)/gu, "$1");
    var terms = words.trim().split(/\s+/);
    return terms.map(function (term, i) {
      if (!plain.test(term)) return term;
      var forms = [term + "^1"];
      if (i === terms.length - 1) forms.unshift(term);
      if (term.length >= 6) forms.push(term + "~1");
      return forms.join(" ");
    }).join(" ");
  }
  // Material's worker code (with lunr) is only loaded with the first message, the index, which
  // search-on-demand.js holds back until the reader reaches for search.
  var addEventListener = self.addEventListener.bind(self), material = [];
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addEventListener(type, listener, options);
    var expanding = function (event) {
      var message = event.data;
      if (message && message.type === QUERY && typeof message.data === "string" && message.data.indexOf('"') === -1)
        return listener({ data: { type: QUERY, data: expand(message.data) } });
      return listener(event);
    };
    material.push(expanding);
    return addEventListener(type, expanding, options);
  };
  addEventListener("message", function load(event) {
    self.removeEventListener("message", load);
    importScripts(new URL(self.location.href).searchParams.get("material"));
    // Material highlights every match before it shows the first ten: on a big handbook a broad
    // query matches thousands of sections. Only the best MAX_MATCHES go on (bench/: 110 -> 45 ms).
    var MAX_MATCHES = 300;
    var search = self.lunr.Index.prototype.search;
    self.lunr.Index.prototype.search = function (query) {
      return search.call(this, query).slice(0, MAX_MATCHES);
    };
    // Listeners added while a message is dispatched do not hear it: hand it on.
    material.forEach(function (listener) { listener(event); });
  });
})();
