/*! Gardien CMP APIs: no dependencies. The IAB TCF CMP API v2.2 (__tcfapi) and the GPP CMP API v1.1 (__gpp), their
 * __tcfapiLocator and __gppLocator frames and their postMessage handlers, so that scripts in iframes can call them.
 * Load it in the page's head, before any ad script, and banner.js after it. It answers at once; what needs the
 * visitor's strings waits until Gardien sent them. The strings follow the visitor's choices on the banner: listeners
 * hear of each change. Without a registered CMP id, __tcfapi is in error and says why (reasons) and the GPP string
 * holds no section. */
(function () {
  "use strict";
  if (window.__gardienCmp) { return; }
  window.__gardienCmp = true;
  var me = document.currentScript;
  var base = me ? new URL(me.src, location.href).origin : "";
  var api = window.GardienConsent = window.GardienConsent || {};
  var cmp = null; // the CMP settings (config.json "iab"), once banner.js has them
  var strings = null; // /consent/strings for the visitor
  var visitor, lang;
  var status = "loading"; // cmpStatus
  var display = "hidden";
  var signal = "not ready";
  var eventStatus; // tcloaded, cmpuishown or useractioncomplete
  var tcfListeners = {};
  var gppListeners = {};
  var next = 1;
  var waiting = []; // __tcfapi calls that need the strings

  function reasons() { return cmp ? cmp.reasons : []; }
  function tcfError() { return status === "error" || (cmp && cmp.reasons.length > 0); }
  function each(map, fn) { Object.keys(map).forEach(function (id) { fn(+id, map[id]); }); }

  // TCF: the TC data as the TCF CMP API defines it, from the string Gardien decoded.
  function vector(ids, only) {
    var v = {};
    var max = Math.max.apply(null, [0].concat(ids));
    (only || Array.apply(null, Array(max)).map(function (x, i) { return i + 1; })).forEach(function (i) {
      v[i] = ids.indexOf(i) >= 0;
    });
    return v;
  }

  function tcData(listenerId, vendors) {
    var t = strings.tcData;
    var d = { tcfPolicyVersion: cmp.tcfPolicyVersion, cmpId: cmp.cmpId, cmpVersion: cmp.cmpVersion,
      gdprApplies: cmp.gdprApplies, eventStatus: eventStatus, cmpStatus: status, listenerId: listenerId };
    if (!cmp.gdprApplies || !t) { return d; } // the GDPR does not apply: no string, no consent details
    var restrictions = {};
    t.publisherRestrictions.forEach(function (r) {
      restrictions[r.purposeId] = restrictions[r.purposeId] || {};
      r.vendorIds.forEach(function (v) { restrictions[r.purposeId][v] = r.restrictionType; });
    });
    d.tcString = strings.tcf;
    d.isServiceSpecific = t.isServiceSpecific;
    d.useNonStandardTexts = t.useNonStandardTexts;
    d.publisherCC = t.publisherCountryCode;
    d.purposeOneTreatment = t.purposeOneTreatment;
    if (!t.isServiceSpecific) {
      d.outOfBand = { allowedVendors: vector(t.vendorsAllowed, vendors),
        disclosedVendors: vector(t.vendorsDisclosed, vendors) };
    }
    d.purpose = { consents: vector(t.purposeConsents), legitimateInterests: vector(t.purposeLegitimateInterests) };
    d.vendor = { consents: vector(t.vendorConsents, vendors),
      legitimateInterests: vector(t.vendorLegitimateInterests, vendors),
      disclosedVendors: vector(t.vendorsDisclosed, vendors) };
    d.specialFeatureOptins = vector(t.specialFeatureOptins);
    d.publisher = { consents: vector(t.publisherConsents), legitimateInterests: vector(t.publisherLegitimateInterests),
      customPurpose: { consents: vector(t.publisherCustomConsents),
        legitimateInterests: vector(t.publisherCustomLegitimateInterests) }, restrictions: restrictions };
    return d;
  }

  window.__tcfapi = function (command, version, callback, parameter) {
    if (typeof callback !== "function") { return; }
    if (typeof command !== "string" || (version != null && +version !== 2)) { callback(null, false); return; }
    if (command === "ping") {
      callback({ gdprApplies: cmp ? cmp.gdprApplies : undefined, cmpLoaded: true,
        cmpStatus: tcfError() ? "error" : status, displayStatus: display, apiVersion: "2.2",
        cmpVersion: cmp ? cmp.cmpVersion : undefined, cmpId: cmp ? cmp.cmpId : undefined,
        gvlVersion: strings && strings.tcData ? strings.tcData.vendorListVersion : undefined,
        tcfPolicyVersion: cmp ? cmp.tcfPolicyVersion : undefined, reasons: reasons() }, true);
    } else if (tcfError()) {
      callback({ cmpStatus: "error", reasons: reasons() }, false);
    } else if (command === "removeEventListener") {
      var had = parameter in tcfListeners;
      delete tcfListeners[parameter];
      callback(had, true);
    } else if (command !== "getTCData" && command !== "addEventListener") {
      callback(null, false);
    } else if (!strings) {
      waiting.push([command, version, callback, parameter]);
    } else if (command === "addEventListener") {
      var id = next++;
      tcfListeners[id] = callback;
      callback(tcData(id), true);
    } else if (parameter !== undefined && !(Array.isArray(parameter) && parameter.every(Number.isInteger))) {
      callback(null, false);
    } else {
      callback(tcData(undefined, parameter), true);
    }
  };

  // GPP: sections as the GPP CMP API gives them (one object per sub-section), dates as Date objects.
  function section(name) {
    var subs = strings && strings.sections && strings.sections[name];
    return subs ? subs.map(function (sub) {
      var o = {};
      Object.keys(sub).forEach(function (k) {
        o[k] = (k === "Created" || k === "LastUpdated") && sub[k] ? new Date(sub[k]) : sub[k];
      });
      return o;
    }) : null;
  }

  function ping() {
    var sid = strings ? strings.gppSid : [];
    var parsed = {};
    Object.keys(strings ? strings.sections : {}).forEach(function (n) { parsed[n] = section(n); });
    return { gppVersion: "1.1", cmpStatus: status, cmpDisplayStatus: display, signalStatus: signal,
      supportedAPIs: cmp && !cmp.reasons.length ? ["5:tcfcav1"] : [], cmpId: cmp ? cmp.cmpId : 0,
      sectionList: sid, applicableSections: strings ? (sid.length ? sid : [-1]) : [0],
      gppString: strings ? strings.gpp : "", parsedSections: parsed };
  }

  function event(name, listenerId, data) {
    return { eventName: name, listenerId: listenerId, data: data, pingData: ping() };
  }

  function fire(name, data) {
    each(gppListeners, function (id, callback) { callback(event(name, id, data), true); });
  }

  window.__gpp = function (command, callback, parameter) {
    var answer = typeof callback === "function" ? callback : function () {};
    if (command === "ping") {
      answer(ping(), true);
    } else if (command === "addEventListener") {
      var id = next++;
      gppListeners[id] = answer;
      answer(event("listenerRegistered", id, true), true);
    } else if (command === "removeEventListener") {
      var had = parameter in gppListeners;
      delete gppListeners[parameter];
      answer(event("listenerRemoved", parameter, had), true);
    } else if (command === "hasSection") {
      answer(strings ? !!section(parameter) : null, true);
    } else if (command === "getSection") {
      answer(section(parameter), true);
    } else if (command === "getField") {
      var path = String(parameter).split(".");
      var value = null;
      (section(path[0]) || []).forEach(function (sub) { if (path[1] in sub) { value = sub[path[1]]; } });
      answer(value, true);
    } else {
      answer(null, false);
    }
  };

  // The state follows banner.js: load the strings, then tell the listeners in the order the specifications give.
  function setSignal(value) {
    if (signal !== value) { signal = value; fire("signalStatus", value); }
  }

  function setDisplay(value) {
    if (display !== value) { display = value; fire("cmpDisplayStatus", value); }
  }

  function tcfEvent(value) {
    eventStatus = value;
    each(tcfListeners, function (id, callback) { callback(tcData(id), true); });
  }

  function answerWaiting() {
    var calls = waiting;
    waiting = [];
    calls.forEach(function (args) { window.__tcfapi.apply(null, args); });
  }

  function load(action, shown) {
    fetch(base + "/consent/strings?lang=" + lang + "&visitor=" + encodeURIComponent(visitor), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; }, function () { return null; })
      .then(function (got) {
        var first = !strings;
        if (!got) {
          status = "error";
          cmp.reasons = cmp.reasons.concat(["gardien-unreachable"]);
          fire("cmpStatus", status);
          answerWaiting();
          return;
        }
        strings = got;
        if (first) { status = "loaded"; fire("cmpStatus", status); }
        if (shown) { setDisplay("visible"); tcfEvent("cmpuishown"); answerWaiting(); return; }
        if (action === "loaded") { display = "disabled"; } // the banner will not show: the choice is current
        if (action === "choice") { Object.keys(strings.sections).forEach(function (n) { fire("sectionChange", n); }); }
        setSignal("ready");
        tcfEvent(action === "choice" ? "useractioncomplete" : "tcloaded");
        answerWaiting();
      });
  }

  function follow(state) {
    if (!state) { return; }
    visitor = state.visitor;
    lang = state.lang;
    cmp = cmp || (state.config.iab ? { cmpId: state.config.iab.cmpId, cmpVersion: state.config.iab.cmpVersion,
      gdprApplies: state.config.iab.gdprApplies, tcfPolicyVersion: state.config.iab.tcfPolicyVersion,
      reasons: state.config.iab.reasons } : { cmpId: 0, cmpVersion: 0, gdprApplies: false, reasons: ["gardien-unreachable"] });
    if (state.action === "shown") { // the visitor reopened the banner: the signal will change
      setSignal("not ready");
      setDisplay("visible");
      if (strings && !tcfError()) { tcfEvent("cmpuishown"); }
      return;
    }
    if (state.action === "choice") { setSignal("not ready"); setDisplay("hidden"); }
    load(state.action, state.shown);
  }

  api.gppString = function () { return strings ? strings.gpp : ""; };
  api.tcString = function () { return strings && strings.tcf || ""; };
  api.reasons = reasons;

  function locator(name) {
    if (window.frames[name]) { return; }
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", function () { locator(name); });
      return;
    }
    var frame = document.createElement("iframe");
    frame.name = name;
    frame.title = name;
    frame.hidden = true;
    frame.style.display = "none"; // a property, not a style attribute: allowed by a strict style-src
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    document.body.appendChild(frame);
  }

  // Calls from iframes: {__tcfapiCall: {command, version, parameter, callId}} and {__gppCall: {...}}, answered with
  // {__tcfapiReturn: {returnValue, success, callId}} and {__gppReturn: {...}}, as a string when asked with a string.
  window.addEventListener("message", function (message) {
    var text = typeof message.data === "string";
    var data = message.data;
    try { data = text ? JSON.parse(data) : data; } catch (e) { return; }
    if (!data || typeof data !== "object" || !message.source) { return; }
    [["__tcfapiCall", "__tcfapiReturn"], ["__gppCall", "__gppReturn"]].forEach(function (names) {
      var call = data[names[0]];
      if (!call || typeof call !== "object") { return; }
      var reply = function (value, success) {
        var out = {};
        out[names[1]] = { returnValue: value, success: success, callId: call.callId };
        message.source.postMessage(text ? JSON.stringify(out) : out, "*");
      };
      if (names[0] === "__tcfapiCall") {
        window.__tcfapi(call.command, call.version, reply, call.parameter);
      } else {
        window.__gpp(call.command, reply, call.parameter, call.version);
      }
    });
  });

  locator("__tcfapiLocator");
  locator("__gppLocator");
  window.addEventListener("gardien:consent", function (e) { follow(e.detail); });
  follow(api.state && api.state());
})();
