/* Briefing search: finds articles in search.json as the reader types.
 *
 * Every form with a data-search-index attribute is a search box. Its index is
 * fetched once, on the first focus or key, and searched in the browser: no
 * service, no external request. On a big site search.json is a manifest of
 * shards, one per year: the newest is fetched first and searched at once,
 * then the older ones one after another, the results growing as each
 * arrives. Every word of the query must match (in the
 * title, summary, source, tags, entity IDs and names, or the body when the
 * site indexes bodies), ignoring case and accents; title matches rank first,
 * then newer articles. Without this script the form still submits to the
 * search page, which links to the tags, sources, threats and archive.
 *
 * Form attributes: data-search-index (URL of search.json), data-search-base
 * (the site's root path), data-search-results / data-search-filters (ids of
 * the elements to fill; without them a results panel is added after the
 * form), data-search-page (the search page, linked from the panel),
 * data-search-query (read ?q= from the address and keep it there).
 *
 * Data never becomes markup: every text is set with textContent. */
(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var DEBOUNCE_MS = 120;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  /* Lower case without accents, so "Café" finds "cafe". */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function displayDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!parts) return iso || "";
    return Number(parts[3]) + " " + MONTHS[Number(parts[2]) - 1] + " " + parts[1];
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  var loads = {};

  /* The index at `url`, fetched once per page. search.json is either an
     index (version 1) or, on a big site, a manifest (version 2) of shards,
     each an index of one year, newest first: they are fetched one after
     another, and every listener hears of each as it is prepared, so results
     show from the newest shard at once. */
  function loadIndex(url, listener) {
    var load = loads[url];
    if (!load) {
      load = loads[url] = { parts: [], total: 1, done: false, failed: false, count: 0, listeners: [] };
      var notify = function () {
        load.listeners.forEach(function (f) { f(load); });
      };
      var add = function (index, last) {
        var part = prepare(index, load.count);
        load.count += part.items.length;
        load.parts.push(part);
        if (last) load.done = true;
        notify();
      };
      fetchJson(url).then(function (index) {
        if (!index || index.version !== 2) {
          add(index, true);
          return;
        }
        if (!Array.isArray(index.shards) || !index.shards.length) {
          throw new Error("unknown search index format");
        }
        var from = new URL(url, window.location.href);
        load.total = index.shards.length;
        return index.shards.reduce(function (previous, shard, i) {
          return previous.then(function () {
            var at = new URL(String(shard.url), from);
            /* Shards are the site's own files: never another host. */
            if (at.origin !== from.origin) throw new Error("a shard on another host");
            return fetchJson(at.href).then(function (part) {
              add(part, i === index.shards.length - 1);
            });
          });
        }, Promise.resolve());
      }).then(null, function () {
        load.failed = true;
        notify();
      });
    }
    load.listeners.push(listener);
    if (load.parts.length || load.failed) listener(load);
  }

  /* One index (a whole site's or a shard's) ready for searching; `offset`
     is the number of newer items before it, so order runs across shards.
     Items refer to tags, sources and kinds by name here, since each shard
     has tables of its own. */
  function prepare(index, offset) {
    if (!index || index.version !== 1 || !Array.isArray(index.items)) {
      throw new Error("unknown search index format");
    }
    var entities = index.entities || [];
    var tagNames = index.tags || [];
    var sourceNames = index.sources || [];
    var kindNames = index.kinds || [];
    var items = index.items.map(function (item, order) {
      var tags = (item.g || []).map(function (i) { return tagNames[i]; })
        .filter(function (t) { return t !== undefined; });
      /* Entity rows: [kind, ID, page, name?]. */
      var mentions = (item.e || []).filter(function (i) { return entities[i]; }).map(function (i) {
        var row = entities[i];
        return { id: row[1], page: row[2], name: row[3] || "", text: fold(row[1] + " " + (row[3] || "")) };
      });
      var kinds = Object.create(null);
      (item.e || []).forEach(function (i) {
        if (entities[i] && kindNames[entities[i][0]] !== undefined) kinds[kindNames[entities[i][0]]] = true;
      });
      var source = item.o === undefined || sourceNames[item.o] === undefined ? "" : sourceNames[item.o];
      return {
        item: item,
        order: offset + order,
        pages: index.pages,
        source: source,
        tags: tags,
        kinds: kinds,
        title: fold(item.t),
        mentions: mentions,
        rest: fold([item.s || "", source, tags.join(" ")].join(" \n ")) + " \n " +
          mentions.map(function (m) { return m.text; }).join(" \n ") + " \n " + fold(item.b || ""),
      };
    });
    return { tags: tagNames, sources: sourceNames, kinds: kindNames, items: items };
  }

  /* Items of every loaded part matching every word of `query` and the
     filters (names), best first. */
  function search(parts, query, filters) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var hits = [];
    if (!words.length && !filters.active) return hits;
    parts.forEach(function (part) {
      part.items.forEach(function (p) {
        if (filters.tag !== "" && p.tags.indexOf(filters.tag) < 0) return;
        if (filters.source !== "" && p.source !== filters.source) return;
        if (filters.kind !== "" && !p.kinds[filters.kind]) return;
        var inTitle = 0;
        for (var i = 0; i < words.length; i++) {
          if (p.title.indexOf(words[i]) >= 0) inTitle++;
          else if (p.rest.indexOf(words[i]) < 0) return;
        }
        hits.push({ p: p, words: words, rank: inTitle === words.length ? 2 : inTitle > 0 ? 1 : 0 });
      });
    });
    hits.sort(function (a, b) { return b.rank - a.rank || a.p.order - b.p.order; });
    return hits;
  }

  /* A select whose options are names (values are the names too), starting
     with "any"; hidden until it has a name. */
  function filterSelect(id, label, anyLabel) {
    var wrap = el("div", "search-filter");
    var lab = el("label", null, label);
    lab.htmlFor = id;
    var select = el("select");
    select.id = id;
    var any = el("option", null, anyLabel);
    any.value = "";
    select.appendChild(any);
    wrap.appendChild(lab);
    wrap.appendChild(select);
    wrap.hidden = true;
    return { wrap: wrap, select: select, names: Object.create(null) };
  }

  /* Adds the names `select` lacks, each at its place by name; the choice
     the reader made stays. */
  function addNames(filter, names) {
    (names || []).forEach(function (name) {
      if (typeof name !== "string" || filter.names[name] === true) return;
      filter.names[name] = true;
      var option = el("option", null, name);
      option.value = name;
      var options = filter.select.options;
      var at = null;
      for (var i = 1; i < options.length; i++) {
        if (options[i].value.localeCompare(name) > 0) { at = options[i]; break; }
      }
      filter.select.insertBefore(option, at);
      filter.wrap.hidden = false;
    });
  }

  function setUp(form, n) {
    var input = form.querySelector('input[type="search"], input[name="q"]');
    if (!input) return;
    var base = form.getAttribute("data-search-base") || "/";
    var indexUrl = form.getAttribute("data-search-index");
    var keepQuery = form.hasAttribute("data-search-query");
    var results = form.getAttribute("data-search-results") &&
      document.getElementById(form.getAttribute("data-search-results"));
    var panel = !results;
    if (panel) {
      results = el("div", "search-results search-panel");
      results.id = "search-panel-" + n;
      results.setAttribute("aria-live", "polite");
      results.hidden = true;
      form.insertAdjacentElement("afterend", results);
    }
    input.setAttribute("aria-controls", results.id);
    var filterBox = form.getAttribute("data-search-filters") &&
      document.getElementById(form.getAttribute("data-search-filters"));
    var selects = { tag: null, source: null, kind: null };
    /* The load (see loadIndex) once its first part is in. */
    var data = null;
    var started = false;
    var timer = 0;

    document.querySelectorAll(".search-nojs").forEach(function (p) { p.hidden = true; });

    function filters() {
      var f = { tag: "", source: "", kind: "", active: false };
      Object.keys(selects).forEach(function (k) {
        if (selects[k]) f[k] = selects[k].select.value;
        if (f[k] !== "") f.active = true;
      });
      return f;
    }

    /* The filters hold the names of every loaded part's tables. */
    function buildFilters(part) {
      if (!filterBox) return;
      if (!selects.tag) {
        selects.tag = filterSelect("search-tag-" + n, "Tag", "Any tag");
        selects.source = filterSelect("search-source-" + n, "Source", "Any source");
        selects.kind = filterSelect("search-kind-" + n, "Threat kind", "Any kind");
        Object.keys(selects).forEach(function (k) {
          selects[k].select.addEventListener("change", run);
          filterBox.appendChild(selects[k].wrap);
        });
        filterBox.hidden = false;
      }
      addNames(selects.tag, part.tags);
      addNames(selects.source, part.sources);
      addNames(selects.kind, part.kinds);
    }

    function show(status, hits, query) {
      results.textContent = "";
      results.appendChild(el("p", "search-status", status));
      if (hits && hits.length) {
        var list = el("ol", "search-list");
        hits.slice(0, MAX_RESULTS).forEach(function (hit) {
          var item = hit.p.item;
          var li = el("li", "search-hit");
          var a = el("a", "search-hit-title", item.t);
          a.href = base + (hit.p.pages || "") + encodeURIComponent(item.u) + "/";
          li.appendChild(a);
          var meta = [hit.p.source, displayDate(item.d)].filter(Boolean).join(" · ");
          li.appendChild(el("span", "search-hit-meta", meta));
          /* The CVEs, techniques and names the query matched, linked to
             their pages: they say why an article without the words in its
             title was found. */
          var matched = hit.p.mentions.filter(function (m) {
            return hit.words.some(function (w) { return m.text.indexOf(w) >= 0; });
          }).slice(0, 3);
          if (matched.length) {
            var line = el("span", "search-hit-entities", "Mentions ");
            matched.forEach(function (m, i) {
              if (i) line.appendChild(document.createTextNode(", "));
              var link = el("a", null, m.name ? m.id + " " + m.name : m.id);
              link.href = base + m.page;
              line.appendChild(link);
            });
            li.appendChild(line);
          }
          list.appendChild(li);
        });
        results.appendChild(list);
      }
      var page = form.getAttribute("data-search-page");
      if (panel && page && query) {
        var more = el("a", "search-more", "All results, with filters by tag, source and kind");
        more.href = page + "?q=" + encodeURIComponent(query);
        results.appendChild(el("p")).appendChild(more);
      }
      results.hidden = false;
    }

    function run() {
      var query = input.value.trim();
      if (keepQuery && window.history && history.replaceState) {
        var url = new URL(window.location.href);
        if (query) url.searchParams.set("q", query);
        else url.searchParams.delete("q");
        history.replaceState(null, "", url.pathname + url.search + url.hash);
      }
      var f = filters();
      if (!query && !f.active) {
        results.textContent = "";
        if (panel) results.hidden = true;
        return;
      }
      if (!data) {
        show("Loading the search index…");
        start();
        return;
      }
      var hits = search(data.parts, query, f);
      var shown = Math.min(hits.length, MAX_RESULTS);
      var what = query ? " for “" + query + "”" : "";
      /* Older shards still coming are said once per shard: this runs when
         the reader types and when a shard arrives. */
      var more = !data.done && !data.failed;
      var found = more ? " found so far" : " found";
      var status = (hits.length === 0 ? (more ? "No articles found yet" : "No articles found") :
        hits.length === 1 ? "1 article" + found : hits.length + " articles" + found) + what +
        (shown < hits.length ? "; the first " + shown + " are shown" : "");
      if (more) {
        status += "; searching older articles (" + data.parts.length + " of " + data.total + " parts)…";
      } else if (data.failed) {
        status += ". Older articles could not be loaded.";
      } else {
        status += ".";
      }
      show(status, hits, query);
    }

    function start() {
      if (started) return;
      started = true;
      var seen = 0;
      loadIndex(indexUrl, function (load) {
        if (!load.parts.length) {
          show("The search index could not be loaded. Browse by tag, source or archive instead.");
          return;
        }
        data = load;
        for (; seen < load.parts.length; seen++) buildFilters(load.parts[seen]);
        if (input.value.trim() || filters().active) run();
      });
    }

    input.addEventListener("focus", start, { once: true });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel) {
        results.hidden = true;
      }
    });
    /* With the script, Enter searches in place; the header box goes to the
       search page, where the filters are. */
    form.addEventListener("submit", function (event) {
      if (!panel) {
        event.preventDefault();
        clearTimeout(timer);
        run();
      }
    });

    /* The search page is where a reader came to search (and to filter
       without typing): it loads the index at once. Elsewhere the index is
       fetched only when the box is used. */
    if (keepQuery) {
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) input.value = q;
      start();
    }
  }

  function init() {
    document.querySelectorAll("form[data-search-index]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
