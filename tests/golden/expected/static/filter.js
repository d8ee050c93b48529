/* Shovel Ready: instant filtering on the home page. No framework, nothing from elsewhere.
 *
 * The page works without this script (the facet links answer the same questions). With it, the filter form
 * is shown, the compact index (static/filter-index.json, layout in generator/render/filter_index.py) is
 * loaded when someone reaches for the filters, and every change re-lists the matching issues, updates the
 * counts beside each choice, announces the result in the polite live region and writes the state into the
 * URL query, so a filtered view can be shared and reloaded. Titles come in blocks (filter-blocks-<n>.json):
 * only the blocks of the cards shown, and all of them only for a search by words. Strangers' text only ever
 * goes in through textContent.
 */
(function () {
  "use strict";

  var form = document.getElementById("filters");
  if (!form || !window.fetch || !window.URLSearchParams || !window.history.replaceState) return;

  var FACETS = ["skill", "effort", "cause", "lang", "fresh"];
  var FIELDS = ["q"].concat(FACETS);
  var PAGE = 100;
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var PATHS = { skill: "skills/", effort: "effort/", cause: "causes/", lang: "languages/" };

  var list = document.getElementById("cards");
  var status = document.getElementById("f-status");
  var more = document.getElementById("f-more");
  var note = document.getElementById("more-note");
  var facets = document.getElementById("facets");
  var heading = document.getElementById("issues-heading");
  var pageLink = document.getElementById("f-page");
  var base = form.getAttribute("data-base") || "/";
  var controls = {};
  FIELDS.forEach(function (name) { controls[name] = form.elements[name]; });

  var index = null;
  var loading = null;
  var blocks = {};
  var matches = [];
  var shown = 0;
  var typing = 0;
  var generation = 0;
  var firstHeading = heading ? heading.textContent : "";

  form.hidden = false;
  if (facets) facets.hidden = true;

  function unavailable() {
    say("The full list could not be loaded; the links below still lead to every issue.");
    if (facets) facets.hidden = false;
    form.hidden = true;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function load() {
    if (!loading) {
      loading = getJSON(form.getAttribute("data-index")).then(prepare, function (error) {
        unavailable();
        throw error;
      });
    }
    return loading;
  }

  // A date of the index: seconds before a known time, or the date as the build prints it.
  function isoDate(value, before) {
    if (typeof value !== "number") return value;
    return new Date((before - value) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  function prepare(data) {
    var now = Date.parse(data.asof);
    var asof = Math.floor(now / 1000);
    var step = asof;
    var issues = [];
    for (var i = 0; i < data.count; i++) {
      var repo = data.repos[data.repo[i]];
      var labels = data.label[i].map(function (n) { return data.labels[n]; });
      var createdText = isoDate(data.created[i], step);
      if (typeof data.created[i] === "number") step -= data.created[i];
      var updatedText = isoDate(data.updated[i], asof);
      var created = Date.parse(createdText);
      var updated = Date.parse(updatedText);
      var latest = Math.max(isNaN(created) ? -Infinity : created, isNaN(updated) ? -Infinity : updated);
      issues.push({
        position: i, title: null, text: "",
        repo: repo[0], repoPath: repo[1], cause: repo[2], lang: repo[3], badge: repo[4],
        created: createdText, updated: updatedText, skills: data.skills[i], effort: data.effort[i],
        labels: labels, age: now - latest,
        isNew: !isNaN(created) && now - created >= 0 && now - created <= 7 * DAY,
        rest: [repo[0]].concat(labels.map(function (l) { return l[0]; })).join("\n").toLowerCase()
      });
    }
    index = { now: now, block: data.block, issues: issues, reasons: data.reasons };
  }

  // What the cards of these issues show (titles above all), fetched a block at a time: the blocks of the
  // cards shown, and all of them for a search by words.
  function titles(issues) {
    var wanted = {};
    issues.forEach(function (issue) { wanted[Math.floor(issue.position / index.block)] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) {
      if (!blocks[n]) {
        var url = form.getAttribute("data-index").replace(/filter-index\.json$/, "filter-blocks-" + n + ".json");
        blocks[n] = getJSON(url).then(function (block) {
          block.title.forEach(function (title, j) {
            var issue = index.issues[n * index.block + j];
            issue.title = title;
            issue.number = block.number[j];
            issue.url = block.url[j] === "" ? "https://github.com/" + issue.repo + "/issues/" + issue.number
              : block.url[j];
            issue.comments = block.comments[j];
            issue.reasons = block.reason[j].map(function (r) { return index.reasons[r]; });
            issue.stale = block.stale[j] === 1;
            issue.text = title.toLowerCase() + "\n" + issue.rest;
          });
        });
      }
      return blocks[n];
    }));
  }

  function state() {
    var s = {};
    FIELDS.forEach(function (name) { s[name] = controls[name].value.trim(); });
    return s;
  }

  function active(s) {
    return FIELDS.some(function (name) { return s[name] !== ""; });
  }

  // Which facet tests an issue fails under state s; the counts beside each choice come from these.
  function failures(issue, s, words) {
    var failed = [];
    if (s.skill && (s.skill === "any" ? issue.skills.length > 0 : issue.skills.indexOf(s.skill) < 0)) {
      failed.push("skill");
    }
    if (s.effort && issue.effort !== s.effort) failed.push("effort");
    if (s.cause && issue.cause !== s.cause) failed.push("cause");
    if (s.lang && issue.lang !== s.lang) failed.push("lang");
    if (s.fresh && !(issue.age <= Number(s.fresh) * DAY)) failed.push("fresh");
    for (var i = 0; i < words.length; i++) {
      if (issue.text.indexOf(words[i]) < 0) { failed.push("q"); break; }
    }
    return failed;
  }

  function values(issue, facet) {
    if (facet === "skill") return issue.skills.length ? issue.skills : ["any"];
    if (facet === "fresh") return [7, 30, 365].filter(function (d) { return issue.age <= d * DAY; });
    return [issue[facet]];
  }

  function apply() {
    var s = state();
    var run = ++generation;
    var words = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    var ready = words.length ? titles(index.issues) : Promise.resolve();
    return ready.then(function () {
      if (run !== generation) return;
      var counts = filterAndCount(s, words);
      return titles(matches.slice(0, PAGE)).then(function () {
        if (run !== generation) return;
        show(s, counts);
      });
    }).catch(unavailable);
  }

  function filterAndCount(s, words) {
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = {}; });
    matches = [];
    index.issues.forEach(function (issue) {
      var failed = failures(issue, s, words);
      if (failed.length > 1) return;
      var into = failed.length ? failed : FACETS;
      into.forEach(function (f) {
        if (f === "q") return;
        values(issue, f).forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + 1; });
      });
      if (!failed.length) matches.push(issue);
    });
    return counts;
  }

  function show(s, counts) {
    FACETS.forEach(function (f) {
      Array.prototype.forEach.call(controls[f].options, function (option) {
        if (!option.value) return;
        option.textContent = option.getAttribute("data-label") + " (" + (counts[f][option.value] || 0) + ")";
      });
    });
    list.textContent = "";
    shown = 0;
    append();
    if (note) note.hidden = true;
    if (heading) heading.textContent = active(s) ? "Matching issues" : firstHeading;
    var n = matches.length;
    say(n === 0 ? "No issues match. Try fewer filters."
      : (n === 1 ? "1 issue matches" : n.toLocaleString("en") + " issues match") +
        (n > shown ? "; showing the first " + shown + "." : "."));
    linkView(s);
    writeURL(s);
  }

  // The next cards of the match; their titles must be loaded.
  function append() {
    var start = shown;
    var end = Math.min(matches.length, shown + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) fragment.appendChild(card(matches[i]));
    list.appendChild(fragment);
    shown = end;
    var left = matches.length - shown;
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(left, PAGE) + " more (" + left.toLocaleString("en") + " left)";
    return start;
  }

  function showMore() {
    var run = generation;
    titles(matches.slice(shown, shown + PAGE)).then(function () {
      if (run !== generation) return;
      var start = append();
      var link = list.children[start] && list.children[start].querySelector("a");
      if (link) link.focus();
      say("Showing " + shown.toLocaleString("en") + " of " + matches.length.toLocaleString("en") + ".");
    }).catch(unavailable);
  }

  // The facet page (and its feed) that shows exactly this view, when there is one.
  function linkView(s) {
    var set = FIELDS.filter(function (name) { return s[name] !== ""; });
    var path = null;
    if (set.length === 1 && PATHS[set[0]]) path = PATHS[set[0]] + slug(s[set[0]]) + "/";
    if (set.length === 2 && s.skill && s.effort) path = "skills/" + s.skill + "/" + s.effort + "/";
    pageLink.hidden = path === null;
    if (path !== null) pageLink.href = base + path;
  }

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "-";
  }

  function say(text) {
    status.textContent = text;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function when(value) {
    var t = Date.parse(value);
    var time = el("time", "", ago(t));
    time.setAttribute("datetime", value);
    var d = new Date(t);
    time.title = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    return time;
  }

  // The same words as the build's `ago` filter, measured from the data's own time.
  function ago(t) {
    var days = Math.floor((index.now - t) / DAY);
    if (days < 1) return "today";
    var units = [[365, "year"], [30, "month"], [7, "week"], [1, "day"]];
    for (var i = 0; i < units.length; i++) {
      if (days >= units[i][0]) {
        var count = Math.floor(days / units[i][0]);
        return count + " " + units[i][1] + (count !== 1 ? "s" : "") + " ago";
      }
    }
    return "today";
  }

  // One card, built like themes/default/templates/_card.html builds it.
  function card(issue) {
    var li = el("li", "card");
    var title = li.appendChild(el("h3", "card-title"));
    title.appendChild(issue.url ? link(issue.url, issue.title) : document.createTextNode(issue.title));
    if (issue.isNew) {
      title.appendChild(document.createTextNode(" "));
      title.appendChild(el("span", "new", "new"));
    }
    if (issue.stale) {
      title.appendChild(document.createTextNode(" "));
      title.appendChild(el("span", "stale", "stale: no update for a year"));
    }
    var meta = li.appendChild(el("p", "card-meta"));
    meta.appendChild(link(base + issue.repoPath, issue.repo));
    meta.appendChild(document.createTextNode(" #" + issue.number + " "));
    var opened = meta.appendChild(el("span", "", "· opened "));
    if (issue.created) opened.appendChild(when(issue.created));
    else opened.appendChild(document.createTextNode("date unknown"));
    if (issue.updated) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "", "· updated ")).appendChild(when(issue.updated));
    }
    if (issue.comments !== null) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "", "· " + issue.comments + " comment" + (issue.comments === 1 ? "" : "s")));
    }
    if (issue.badge) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "badge", "· " + issue.badge));
    }
    var sorting = li.appendChild(el("p", "card-class"));
    (issue.skills.length ? issue.skills : ["any skill"]).forEach(function (skill) {
      sorting.appendChild(el("span", "skill", skill));
      sorting.appendChild(document.createTextNode(" "));
    });
    sorting.appendChild(el("span", "effort", issue.effort + " effort"));
    if (issue.labels.length) {
      li.appendChild(el("span", "vh", "Labels:"));
      var labels = li.appendChild(el("ul", "labels"));
      issue.labels.forEach(function (label) {
        labels.appendChild(el("li", label[1] ? "label " + label[1] : "label", label[0]));
      });
    }
    var why = li.appendChild(el("details", "why"));
    why.appendChild(el("summary", "", "Why this sorting"));
    var reasons = why.appendChild(el("ul"));
    issue.reasons.forEach(function (reason) { reasons.appendChild(el("li", "", reason)); });
    return li;
  }

  function readURL() {
    var query = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = query.get(name);
      if (value === null) return;
      var control = controls[name];
      if (control.tagName === "SELECT") {
        var known = Array.prototype.some.call(control.options, function (o) { return o.value === value; });
        if (known) control.value = value;
      } else {
        control.value = value;
      }
    });
  }

  function writeURL(s) {
    var query = new URLSearchParams();
    FIELDS.forEach(function (name) { if (s[name]) query.set(name, s[name]); });
    var search = query.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function update() {
    window.clearTimeout(typing);
    if (!index) say("Loading the full list…");
    load().then(apply).catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("change", function (event) {
    // Words are applied as they are typed; their change event on leaving the field would only redraw.
    if (event.target !== controls.q) update();
  });
  form.addEventListener("input", function (event) {
    if (event.target !== controls.q) return;
    window.clearTimeout(typing);
    typing = window.setTimeout(update, 250);
  });
  form.addEventListener("reset", function () {
    // The reset event comes before the fields are cleared.
    window.setTimeout(update, 0);
  });
  // Fetch the index as soon as someone reaches for the filters, so it is there when they choose.
  form.addEventListener("focusin", function () { load().catch(function () {}); });
  more.addEventListener("click", showMore);

  readURL();
  if (active(state())) update();
})();
