/* Shovel Ready: instant filtering on the home page. No framework, nothing from elsewhere.
 *
 * The page works without this script (the facet links answer the same questions). With it, the filter form
 * is shown, the compact index (static/filter-index.json, layout in generator/build/render/filter_index.py) is
 * loaded when someone reaches for the filters, and every change re-lists the matching issues, updates the
 * counts beside each choice, announces the result in the polite live region and writes the state into the
 * URL query, so a filtered view can be shared and reloaded. What only a shown card needs comes in blocks
 * (filter-blocks-<n>.json): only the blocks of the cards shown, and all of them only for a search by words.
 * Ages count from the reader's clock (site.js says them); issues with no activity for a year are left out
 * unless asked for. Strangers' text only ever goes in through textContent.
 */
(function () {
  "use strict";

  var form = document.getElementById("filters");
  var site = window.ShovelReady;
  if (!form || !site || !window.fetch || !window.URLSearchParams || !window.history.replaceState) return;

  var FACETS = ["skill", "effort", "cause", "lang", "fresh", "old"];
  var FIELDS = ["q"].concat(FACETS, ["order"]);
  var READY = [[1, "has steps"], [4, "says what done looks like"], [8, "names the files"], [16, "links a mockup"]];
  var PAGE = 100;
  var DAY = 86400000;
  var PATHS = { skill: "skills/", effort: "effort/", cause: "causes/", lang: "languages/" };

  var list = document.getElementById("cards");
  var status = document.getElementById("f-status");
  var more = document.getElementById("f-more");
  var note = document.getElementById("more-note");
  var stale = document.getElementById("stale");
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

  // How many readiness facts an issue's bits hold (steps to reproduce is a kind of steps, not one more).
  function facts(bits) {
    return READY.filter(function (pair) { return bits & pair[0]; }).length;
  }

  // The issue's readiness facts in words, as the build's issue_ready says them.
  function readyWords(bits) {
    return READY.filter(function (pair) { return bits & pair[0]; }).map(function (pair) {
      return pair[0] === 1 && bits & 2 ? "has steps to reproduce" : pair[1];
    });
  }

  function causeName(cause) {
    var words = cause.replace(/-/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function prepare(data) {
    var asof = Math.floor(Date.parse(data.asof) / 1000);
    var step = asof;
    var issues = [];
    for (var i = 0; i < data.count; i++) {
      var repo = data.repos[data.repo[i]];
      var labels = data.label[i].map(function (n) { return data.labels[n]; });
      var createdText = isoDate(data.created[i], step);
      if (typeof data.created[i] === "number") step -= data.created[i];
      var activityText = isoDate(data.activity[i], asof);
      var created = site.parse(createdText);
      var activity = site.parse(activityText);
      issues.push({
        position: i, title: null, text: "",
        repo: repo[0], repoPath: repo[1], cause: repo[2], lang: repo[3], badge: repo[4], about: repo[5],
        note: repo[6], project: repo[7], projectReady: repo[8],
        ready: data.ready[i], score: facts(data.ready[i]) + repo[9],
        created: createdText, activity: activityText, skills: data.skills[i], effort: data.effort[i], guess: data.guess[i] === 1,
        labels: labels, stale: data.stale[i] === 1,
        latest: Math.max(isNaN(created) ? -Infinity : created, isNaN(activity) ? -Infinity : activity),
        rest: [repo[0], repo[7], repo[5], repo[3], repo[2], causeName(repo[2])]
          .concat(labels.map(function (l) { return l[0]; })).join("\n").toLowerCase()
      });
    }
    index = { block: data.block, issues: issues, reasons: data.reasons };
  }

  // What the cards of these issues show (titles above all), fetched a block at a time: the blocks of the
  // cards shown, and all of them for a search by words.
  function details(issues) {
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
            issue.body = block.text[j];
            issue.text = title.toLowerCase() + "\n" + issue.rest;
          });
        });
      }
      return blocks[n];
    }));
  }

  function state() {
    var s = {};
    FIELDS.forEach(function (name) {
      var control = controls[name];
      s[name] = control.type === "checkbox" ? (control.checked ? "1" : "") : control.value.trim();
    });
    return s;
  }

  function active(s) {
    return FIELDS.some(function (name) { return name !== "order" && s[name] !== ""; });
  }

  // Which facet tests an issue fails under state s; the counts beside each choice come from these.
  function failures(issue, s, words, now) {
    var failed = [];
    if (s.skill && (s.skill === "any" ? issue.skills.length > 0 : issue.skills.indexOf(s.skill) < 0)) {
      failed.push("skill");
    }
    if (s.effort && issue.effort !== s.effort) failed.push("effort");
    if (s.cause && issue.cause !== s.cause) failed.push("cause");
    if (s.lang && issue.lang !== s.lang) failed.push("lang");
    if (s.fresh && !(now - issue.latest <= Number(s.fresh) * DAY)) failed.push("fresh");
    if (!s.old && issue.stale) failed.push("old");
    for (var i = 0; i < words.length; i++) {
      if (issue.text.indexOf(words[i]) < 0) { failed.push("q"); break; }
    }
    return failed;
  }

  function values(issue, facet, now) {
    if (facet === "skill") return issue.skills.length ? issue.skills : ["any"];
    if (facet === "fresh") return [7, 30, 365].filter(function (d) { return now - issue.latest <= d * DAY; });
    if (facet === "old") return [];
    return [issue[facet]];
  }

  function apply() {
    var s = state();
    var run = ++generation;
    var words = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    var ready = words.length ? details(index.issues) : Promise.resolve();
    return ready.then(function () {
      if (run !== generation) return;
      var counts = filterAndCount(s, words, Date.now());
      return details(matches.slice(0, PAGE)).then(function () {
        if (run !== generation) return;
        show(s, counts);
      });
    }).catch(unavailable);
  }

  function filterAndCount(s, words, now) {
    var counts = { guessed: {} };
    FACETS.forEach(function (f) { counts[f] = {}; });
    matches = [];
    index.issues.forEach(function (issue) {
      var failed = failures(issue, s, words, now);
      if (failed.length > 1) return;
      var into = failed.length ? failed : FACETS;
      into.forEach(function (f) {
        if (f === "q") return;
        values(issue, f, now).forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + 1; });
        if (f === "effort" && issue.guess) counts.guessed[issue.effort] = (counts.guessed[issue.effort] || 0) + 1;
      });
      if (!failed.length) matches.push(issue);
    });
    // The index is newest first; "ready tonight" keeps that order among issues as ready as each other.
    if (s.order !== "newest") {
      matches = matches.map(function (issue, i) { return [issue, i]; }).sort(function (a, b) {
        return b[0].score - a[0].score || a[1] - b[1];
      }).map(function (pair) { return pair[0]; });
    }
    return counts;
  }

  function show(s, counts) {
    FACETS.forEach(function (f) {
      if (controls[f].tagName !== "SELECT") return;
      Array.prototype.forEach.call(controls[f].options, function (option) {
        if (!option.value) return;
        var guessed = f === "effort" ? counts.guessed[option.value] : 0;
        option.textContent = option.getAttribute("data-label") + " (" + (counts[f][option.value] || 0) +
          (guessed ? ", " + guessed + " guessed" : "") + ")";
      });
    });
    list.textContent = "";
    shown = 0;
    append();
    if (note) note.hidden = true;
    if (stale) stale.hidden = true;  // the filters decide whether those are listed
    if (heading) heading.textContent = active(s) ? "Matching issues" : firstHeading;
    var n = matches.length;
    say(n === 0 ? "No issues match. Try fewer filters."
      : (n === 1 ? "1 issue matches" : n.toLocaleString("en") + " issues match") +
        (n > shown ? "; showing the first " + shown + "." : "."));
    linkView(s);
    writeURL(s);
  }

  // The next cards of the match; their details must be loaded.
  function append() {
    var start = shown;
    var end = Math.min(matches.length, shown + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) fragment.appendChild(card(matches[i]));
    site.refresh(fragment, Date.now());
    list.appendChild(fragment);
    shown = end;
    var left = matches.length - shown;
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(left, PAGE) + " more (" + left.toLocaleString("en") + " left)";
    return start;
  }

  function showMore() {
    var run = generation;
    details(matches.slice(shown, shown + PAGE)).then(function () {
      if (run !== generation) return;
      var start = append();
      var link = list.children[start] && list.children[start].querySelector("a");
      if (link) link.focus();
      say("Showing " + shown.toLocaleString("en") + " of " + matches.length.toLocaleString("en") + ".");
    }).catch(unavailable);
  }

  // The static page (and feed) that shows this view, or the closest one that shows more: the pages are
  // skill, effort, cause, language, skill × effort and cause × skill.
  function linkView(s) {
    var path = null;
    var covers = [];
    if (s.cause && s.skill) {
      path = "causes/" + slug(s.cause) + "/" + s.skill + "/";
      covers = ["cause", "skill"];
    } else if (s.skill && s.effort) {
      path = "skills/" + s.skill + "/" + s.effort + "/";
      covers = ["skill", "effort"];
    } else {
      var one = ["skill", "effort", "cause", "lang"].filter(function (name) { return s[name] !== ""; })[0];
      if (one) {
        path = PATHS[one] + slug(s[one]) + "/";
        covers = [one];
      }
    }
    pageLink.hidden = path === null;
    if (path === null) return;
    var exact = FIELDS.every(function (name) { return !s[name] || name === "order" || covers.indexOf(name) >= 0; });
    pageLink.href = base + path;
    pageLink.textContent = exact ? "Page and feed for this view" : "Closest page and feed (it lists more than this view)";
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
    var time = el("time", "", site.day(site.parse(value)));
    time.setAttribute("datetime", value);
    time.setAttribute("data-ago", "");
    return time;
  }

  // A title (or a reason) with its `backticked` parts as <code>, like the build's inline_code filter.
  function titleText(parent, title) {
    title.split(/`([^`\n]+)`/).forEach(function (part, i) {
      parent.appendChild(i % 2 ? el("code", "", part) : document.createTextNode(part));
    });
    return parent;
  }

  function span(parent, className, text) {
    parent.appendChild(document.createTextNode(" "));
    return parent.appendChild(el("span", className, text));
  }

  // One card, built like themes/default/templates/_card.html builds it.
  function card(issue) {
    var li = el("li", "card");
    var title = li.appendChild(el("h3", "card-title"));
    title.appendChild(issue.url ? titleText(link(issue.url, ""), issue.title) : titleText(el("span"), issue.title));
    if (issue.created) {
      var mark = span(title, "new", "new");
      mark.setAttribute("data-new", issue.created);
      mark.hidden = true;
    }
    var project = li.appendChild(el("p", "card-project"));
    project.appendChild(link(base + issue.repoPath, issue.project));
    span(project, "cause", "· " + causeName(issue.cause));
    if (issue.lang) span(project, "lang", "· " + issue.lang);
    if (issue.about) li.appendChild(el("p", "card-about", issue.about));
    if (issue.note) li.appendChild(el("p", "card-note", "Before you start: " + issue.note));
    if (issue.body) li.appendChild(el("p", "card-text", issue.body));
    var meta = li.appendChild(el("p", "card-meta"));
    meta.appendChild(el("span", "number", "#" + issue.number));
    var opened = span(meta, "", "· opened ");
    if (issue.created) opened.appendChild(when(issue.created));
    else opened.appendChild(document.createTextNode("on a date not captured"));
    var activity = span(meta, "", issue.activity ? "· last activity " : "· no activity known");
    if (issue.activity) activity.appendChild(when(issue.activity));
    if (issue.comments !== null) span(meta, "", "· " + issue.comments + " comment" + (issue.comments === 1 ? "" : "s"));
    if (issue.badge) span(meta, "badge", "· " + issue.badge);
    var sorting = li.appendChild(el("p", "card-class"));
    (issue.skills.length ? issue.skills : ["any skill"]).forEach(function (skill) {
      sorting.appendChild(el("span", "skill", skill));
      sorting.appendChild(document.createTextNode(" "));
    });
    sorting.appendChild(el("span", "effort", issue.effort + " effort" + (issue.guess ? " (a guess)" : "")));
    if (issue.stale) span(sorting, "stale", "no activity for a year");
    var ready = readyWords(issue.ready).concat(issue.projectReady);
    if (ready.length) {
      var line = li.appendChild(el("p", "ready"));
      line.appendChild(el("span", "ready-head", "Ready tonight:"));
      line.appendChild(document.createTextNode(" " + ready.join(" · ")));
    }
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
    issue.reasons.forEach(function (reason) { reasons.appendChild(titleText(el("li"), reason)); });
    return li;
  }

  function readURL() {
    var query = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = query.get(name);
      if (value === null) return;
      var control = controls[name];
      if (control.type === "checkbox") {
        control.checked = value === "1";
      } else if (control.tagName === "SELECT") {
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
