/*! Gardien cookie banner: no dependencies. Scripts tagged type="text/plain" data-gardien-category="…" run only after
 * the visitor consents to their category; Global Privacy Control refuses marketing before anything loads. The
 * categories and their purposes come from the organization's data map. Each step (loaded, shown, choice) is announced
 * as a "gardien:consent" event on window, which cmpapi.js (the IAB CMP APIs, loaded by the page when it wants them)
 * follows; its detail carries the configuration, with the CMP identity the APIs answer with. */
(function () {
  "use strict";
  var me = document.currentScript;
  var base = me ? new URL(me.src, location.href).origin : "";
  var CATS = [];
  var fr = (me && me.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "fr")
    .toLowerCase().indexOf("en") !== 0;
  var lang = fr ? "fr" : "en";
  var T = fr ? {
    title: "Témoins (cookies)",
    text: "Nous utilisons des témoins strictement nécessaires au fonctionnement du site. Avec votre accord, nous " +
      "utilisons aussi les témoins décrits ci-dessous. Vous pouvez changer d’avis en tout temps.",
    gpc: "Votre navigateur envoie le signal Global Privacy Control : le marketing est refusé.",
    accept: "Tout accepter", refuse: "Tout refuser", save: "Enregistrer mes choix", reopen: "Témoins",
    notice: "Politique de confidentialité", colon: "\u202f: "
  } : {
    title: "Cookies",
    text: "We use cookies that are strictly necessary for the site to work. With your consent, we also use " +
      "the cookies described below. You can change your mind at any time.",
    gpc: "Your browser sends the Global Privacy Control signal: marketing is refused.",
    accept: "Accept all", refuse: "Refuse all", save: "Save my choices", reopen: "Cookies",
    notice: "Privacy notice", colon: ": "
  };
  var gpc = navigator.globalPrivacyControl === true;
  var KEY = "gardien.visitor";
  var visitor;
  try { visitor = localStorage.getItem(KEY); } catch (e) { visitor = null; }
  if (!visitor || !/^[A-Za-z0-9_-]{16,64}$/.test(visitor)) {
    visitor = crypto.randomUUID ? crypto.randomUUID() : Array.prototype.map.call(
      crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join("");
    try { localStorage.setItem(KEY, visitor); } catch (e) { /* private mode: a new visitor each page */ }
  }
  var granted = {};
  var config = { categories: [] };
  var state = null;
  var box, reopen;

  function get(path) {
    return fetch(base + path, { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; });
  }

  function activate() {
    var nodes = document.querySelectorAll('script[type="text/plain"][data-gardien-category]');
    Array.prototype.forEach.call(nodes, function (old) {
      var cat = old.getAttribute("data-gardien-category");
      if (cat !== "necessary" && !granted[cat]) { return; }
      var s = document.createElement("script");
      Array.prototype.forEach.call(old.attributes, function (a) {
        if (a.name !== "type" && a.name !== "data-src") { s.setAttribute(a.name, a.value); }
      });
      if (old.getAttribute("data-src")) { s.src = old.getAttribute("data-src"); } else { s.text = old.text; }
      s.setAttribute("data-gardien-activated", cat);
      old.parentNode.replaceChild(s, old);
    });
  }

  // Tells cmpapi.js (and any script of the page) what happened: "loaded", "shown" (reopened) or "choice" (recorded).
  function emit(action) {
    state = { action: action, visitor: visitor, lang: lang, config: config, shown: !!box && !box.hidden };
    window.dispatchEvent(new CustomEvent("gardien:consent", { detail: state }));
  }

  function send(choices) {
    return fetch(base + "/consent/choices", {
      method: "POST", headers: { "Content-Type": "application/json" }, credentials: "omit", keepalive: true,
      body: JSON.stringify({ visitor: visitor, choices: choices, gpc: gpc, language: lang })
    }).catch(function () { /* the strings then say what Gardien has */ });
  }

  function all(value) {
    var choices = {};
    CATS.forEach(function (c) { choices[c] = value; });
    return choices;
  }

  function decide(choices) {
    if (gpc && "marketing" in choices) { choices.marketing = false; }
    CATS.forEach(function (c) { granted[c] = choices[c] === true; });
    hide();
    activate();
    return send(choices).then(function () { emit("choice"); });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  function category(c) {
    var item = el("li");
    var input = el("input", { type: "checkbox", id: "gardien-" + c.id });
    if (c.optional) {
      input.setAttribute("data-gardien-choice", c.id);
      if (granted[c.id]) { input.checked = true; }
      if (c.id === "marketing" && gpc) { input.disabled = true; }
    } else {
      input.checked = true;
      input.disabled = true;
    }
    item.appendChild(input);
    item.appendChild(el("label", { "for": "gardien-" + c.id }, c.label));
    (c.purposes || []).forEach(function (p) {
      item.appendChild(el("small", {}, p.name + (p.description ? T.colon + p.description : "")));
    });
    return item;
  }

  function show() {
    if (box) { box.hidden = false; if (state) { emit("shown"); } return; }
    box = el("div", { id: "gardien-banner", role: "dialog", "aria-modal": "false", "aria-labelledby": "gardien-t",
      lang: lang });
    box.appendChild(el("h2", { id: "gardien-t" }, T.title));
    box.appendChild(el("p", {}, T.text));
    var notice = el("p", {});
    notice.appendChild(el("a", { href: base + "/privacy?lang=" + lang, "data-gardien-notice": "" }, T.notice));
    box.appendChild(notice);
    if (gpc) { box.appendChild(el("p", { "data-gardien-gpc": "" }, T.gpc)); }
    var list = el("ul");
    config.categories.forEach(function (c) { list.appendChild(category(c)); });
    box.appendChild(list);
    var actions = el("div", { "class": "gardien-actions" });
    var refuse = el("button", { type: "button", "class": "gardien-button", "data-gardien-refuse": "" }, T.refuse);
    var accept = el("button", { type: "button", "class": "gardien-button", "data-gardien-accept": "" }, T.accept);
    var save = el("button", { type: "button", "class": "gardien-button", "data-gardien-save": "" }, T.save);
    refuse.onclick = function () { decide(all(false)); };
    accept.onclick = function () { decide(all(true)); };
    save.onclick = function () {
      var choices = {};
      CATS.forEach(function (c) { choices[c] = document.getElementById("gardien-" + c).checked; });
      decide(choices);
    };
    actions.appendChild(refuse);
    actions.appendChild(accept);
    actions.appendChild(save);
    box.appendChild(actions);
    document.body.appendChild(box);
    if (state) { emit("shown"); }
  }

  function hide() {
    if (box) { box.hidden = true; }
    if (!reopen) {
      reopen = el("button", { type: "button", id: "gardien-reopen", "data-gardien-reopen": "" }, T.reopen);
      reopen.onclick = show;
      document.body.appendChild(reopen);
    }
  }

  var api = window.GardienConsent = window.GardienConsent || {}; // cmpapi.js adds gppString(), tcString(), reasons()
  api.open = show;
  api.visitor = function () { return visitor; };
  api.granted = granted;
  api.state = function () { return state; };

  Promise.all([get("/consent/banner/config.json?lang=" + lang), get("/consent/choices/" + encodeURIComponent(visitor))])
    .then(function (loaded) {
      config = loaded[0].categories ? loaded[0] : { categories: ["preferences", "statistics", "marketing"].map(
        function (c) { return { id: c, label: c, optional: true }; }) }; // Gardien unreachable: still let them refuse
      var stored = loaded[1];
      CATS = config.categories.filter(function (c) { return c.optional; }).map(function (c) { return c.id; });
      var known = CATS.every(function (c) { return stored[c] === true || stored[c] === false; });
      CATS.forEach(function (c) { granted[c] = stored[c] === true; });
      var first = gpc && stored.marketing !== false ? send({ marketing: false }) : Promise.resolve();
      if (gpc) { granted.marketing = false; } // the refusal under GPC is recorded before anything else happens
      if (known) { hide(); activate(); } else { show(); }
      return first.then(function () { emit("loaded"); });
    });
})();
