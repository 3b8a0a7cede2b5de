/*
 * Gardien: shows the published privacy policy inside another website the organization controls.
 *
 *   <div id="gardien-policy"></div>
 *   <script src="https://GARDIEN/privacy/policy/embed.js" data-target="gardien-policy" data-lang="en" async></script>
 *
 * data-policy names another document (its id); data-lang is fr (default) or en. The host page's Content-Security-Policy
 * must allow this script (script-src) and the call for the text (connect-src) from Gardien's origin. The text is built
 * with text nodes only: nothing received is parsed as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var origin = new URL(script.src).origin;
  var lang = script.getAttribute("data-lang") === "en" ? "en" : "fr";
  var policy = script.getAttribute("data-policy");
  var target = document.getElementById(script.getAttribute("data-target") || "gardien-policy");
  if (!target) {
    target = document.createElement("div");
    script.parentNode.insertBefore(target, script);
  }
  var path = policy && /^[a-z0-9-]{1,60}$/.test(policy) ? "/privacy/policies/" + policy + ".json" : "/privacy/policy.json";

  function el(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function body(text, into) {
    text.split(/\n{2,}/).forEach(function (block) {
      var lines = block.split("\n");
      if (lines.every(function (l) { return l.indexOf("- ") === 0; })) {
        var list = el("ul");
        lines.forEach(function (l) { list.appendChild(el("li", l.substring(2))); });
        into.appendChild(list);
      } else {
        var p = el("p");
        lines.forEach(function (l, i) {
          if (i > 0) {
            p.appendChild(el("br"));
          }
          p.appendChild(document.createTextNode(l));
        });
        into.appendChild(p);
      }
    });
  }

  fetch(origin + path + "?lang=" + lang, { credentials: "omit", mode: "cors" })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (policy) {
      var root = el("article");
      root.className = "gardien-policy";
      root.setAttribute("lang", policy.lang);
      root.setAttribute("data-version", String(policy.version));
      root.appendChild(el("h1", policy.title));
      root.appendChild(el("p", policy.labels.updated + " " + policy.updatedOn
        + " (" + policy.labels.version + " " + policy.version + ")"));
      policy.sections.forEach(function (s) {
        if (s.heading) { // none where it would repeat the policy's own name (its opening section)
          root.appendChild(el("h2", s.heading));
        }
        body(s.text || "", root);
      });
      root.appendChild(el("h2", policy.labels.versions));
      var list = el("ul");
      policy.versions.forEach(function (v) {
        var item = el("li");
        var link = el("a", policy.labels.version + " " + v.version + " — " + v.publishedOn);
        link.href = origin + v.url;
        item.appendChild(link);
        list.appendChild(item);
      });
      root.appendChild(list);
      target.replaceChildren(root);
    })
    .catch(function () { /* the host page keeps whatever it shows without the policy */ });
})();
