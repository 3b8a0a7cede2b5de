/*! Gardien cookie banner: no dependencies. Scripts tagged type="text/plain" data-gardien-category="…" run only after
 * the visitor consents to their category; Global Privacy Control refuses marketing before anything loads. */
(function () {
  "use strict";
  var me = document.currentScript;
  var base = me ? new URL(me.src, location.href).origin : "";
  var CATS = ["preferences", "statistics", "marketing"];
  var fr = (me && me.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "fr")
    .toLowerCase().indexOf("en") !== 0;
  var T = fr ? {
    title: "Témoins (cookies)",
    text: "Nous utilisons des témoins strictement nécessaires au fonctionnement du site. Avec votre accord, nous " +
      "utilisons aussi des témoins de préférences, de statistiques et de marketing. Vous pouvez changer d'avis en tout temps.",
    necessary: "Strictement nécessaires (toujours actifs)",
    preferences: "Préférences", statistics: "Statistiques", marketing: "Marketing",
    gpc: "Votre navigateur envoie le signal Global Privacy Control : le marketing est refusé.",
    accept: "Tout accepter", refuse: "Tout refuser", save: "Enregistrer mes choix", reopen: "Témoins"
  } : {
    title: "Cookies",
    text: "We use cookies that are strictly necessary for the site to work. With your consent, we also use " +
      "preference, statistics and marketing cookies. You can change your mind at any time.",
    necessary: "Strictly necessary (always on)",
    preferences: "Preferences", statistics: "Statistics", marketing: "Marketing",
    gpc: "Your browser sends the Global Privacy Control signal: marketing is refused.",
    accept: "Accept all", refuse: "Refuse all", save: "Save my choices", reopen: "Cookies"
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
  var box, reopen;

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

  function send(choices) {
    return fetch(base + "/consent/choices", {
      method: "POST", headers: { "Content-Type": "application/json" }, credentials: "omit", keepalive: true,
      body: JSON.stringify({ visitor: visitor, choices: choices, gpc: gpc, language: fr ? "fr" : "en" })
    });
  }

  function decide(choices) {
    if (gpc) { choices.marketing = false; }
    CATS.forEach(function (c) { granted[c] = choices[c] === true; });
    hide();
    activate();
    return send(choices);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  function show() {
    if (box) { box.hidden = false; return; }
    box = el("div", { id: "gardien-banner", role: "dialog", "aria-modal": "false", "aria-labelledby": "gardien-t",
      lang: fr ? "fr" : "en" });
    box.appendChild(el("h2", { id: "gardien-t" }, T.title));
    box.appendChild(el("p", {}, T.text));
    if (gpc) { box.appendChild(el("p", { "data-gardien-gpc": "" }, T.gpc)); }
    var list = el("ul");
    var li = el("li");
    var n = el("input", { type: "checkbox", checked: "", disabled: "", id: "gardien-necessary" });
    li.appendChild(n);
    li.appendChild(el("label", { "for": "gardien-necessary" }, T.necessary));
    list.appendChild(li);
    CATS.forEach(function (c) {
      var item = el("li");
      var input = el("input", { type: "checkbox", id: "gardien-" + c, "data-gardien-choice": c });
      if (granted[c]) { input.checked = true; }
      if (c === "marketing" && gpc) { input.disabled = true; }
      item.appendChild(input);
      item.appendChild(el("label", { "for": "gardien-" + c }, T[c]));
      list.appendChild(item);
    });
    box.appendChild(list);
    var actions = el("div", { "class": "gardien-actions" });
    var refuse = el("button", { type: "button", "class": "gardien-button", "data-gardien-refuse": "" }, T.refuse);
    var accept = el("button", { type: "button", "class": "gardien-button", "data-gardien-accept": "" }, T.accept);
    var save = el("button", { type: "button", "class": "gardien-button", "data-gardien-save": "" }, T.save);
    refuse.onclick = function () { decide({ preferences: false, statistics: false, marketing: false }); };
    accept.onclick = function () { decide({ preferences: true, statistics: true, marketing: true }); };
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
  }

  function hide() {
    if (box) { box.hidden = true; }
    if (!reopen) {
      reopen = el("button", { type: "button", id: "gardien-reopen", "data-gardien-reopen": "" }, T.reopen);
      reopen.onclick = show;
      document.body.appendChild(reopen);
    }
  }

  window.GardienConsent = { open: show, visitor: function () { return visitor; }, granted: granted };

  fetch(base + "/consent/choices/" + encodeURIComponent(visitor), { credentials: "omit" })
    .then(function (r) { return r.ok ? r.json() : {}; })
    .catch(function () { return {}; })
    .then(function (stored) {
      var known = CATS.every(function (c) { return stored[c] === true || stored[c] === false; });
      CATS.forEach(function (c) { granted[c] = stored[c] === true; });
      if (gpc && stored.marketing !== false) {
        granted.marketing = false;
        send({ marketing: false }); // the refusal under GPC is recorded before anything else happens
      }
      if (known) { hide(); activate(); } else { show(); }
    });
})();
