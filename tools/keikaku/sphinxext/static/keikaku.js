/* keikaku: Sphinx's Japanese catalogue has an empty translation for the search
 * summary (a plural message), so the page said nothing when a search finished.
 * Fall back to a Japanese sentence, then to Sphinx's English one. */
(() => {
  if (typeof Documentation === "undefined") return;
  const original = Documentation.ngettext;
  const japanese = {
    "Search finished, found one page matching the search query.":
      "検索が完了しました。1 ページ見つかりました。",
    "Search finished, found ${resultCount} pages matching the search query.":
      "検索が完了しました。${resultCount} ページ見つかりました。",
  };
  Documentation.ngettext = (singular, plural, n) => {
    const message = n === 1 ? singular : plural;
    return original(singular, plural, n) || japanese[message] || message;
  };
})();
