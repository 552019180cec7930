// Material's search worker, with word forms and typos handled on the query side too.
// Material adds "*" to every query word, and lunr does not stem a word with "*", so "konton"
// would not find the stem "kont" in the stemmed index. Each plain word is therefore also sent
// as "word^1" (stemmed, like the index) and, from 6 letters, "word~1" (one typo allowed).
(function () {
  var QUERY = 2; // Material's SearchMessageType.QUERY
  var word = /^[\p{L}\p{N}]+$/u;
  function expand(query) {
    return query.trim().split(/\s+/).map(function (term) {
      if (!word.test(term)) return term;
      return term + " " + term + "^1" + (term.length >= 6 ? " " + term + "~1" : "");
    }).join(" ");
  }
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addEventListener(type, listener, options);
    return addEventListener(type, function (event) {
      var message = event.data;
      if (message && message.type === QUERY && typeof message.data === "string" && message.data.indexOf('"') === -1)
        return listener({ data: { type: QUERY, data: expand(message.data) } });
      return listener(event);
    }, options);
  };
  var material = new URL(self.location.href).searchParams.get("material");
  importScripts(material);
})();
