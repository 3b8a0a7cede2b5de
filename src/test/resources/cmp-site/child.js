// Plays an ad in an iframe of another origin: finds the CMP through the __tcfapiLocator and __gppLocator frames of an
// ancestor, calls it with postMessage (objects for TCF, JSON text for GPP) and reports everything to the page.
(function () {
  var log = [];
  var pending = {};
  var next = 0;
  var frames = {};

  function report(entry) {
    log.push(entry);
    window.parent.postMessage({ childLog: log }, "*");
  }

  function locate(name) {
    for (var f = window; f; f = f === window.top ? null : f.parent) {
      try { if (f.frames[name]) { return f; } } catch (e) { /* not reachable */ }
    }
    return null;
  }

  function call(api, command, parameter, callback) {
    var id = api + (++next);
    var message = {};
    pending[id] = callback;
    message[api + "Call"] = { command: command, parameter: parameter, version: api === "__tcfapi" ? 2 : "1.1",
      callId: id };
    frames[api].postMessage(api === "__gpp" ? JSON.stringify(message) : message, "*");
  }

  window.addEventListener("message", function (e) {
    var data = e.data;
    if (typeof data === "string") { try { data = JSON.parse(data); } catch (x) { return; } }
    if (data && data.run) { run(); return; }
    var answer = data && (data.__tcfapiReturn || data.__gppReturn);
    if (answer && pending[answer.callId]) { pending[answer.callId](answer.returnValue, answer.success); }
  });

  function listen() {
    call("__tcfapi", "addEventListener", undefined, function (tc, ok) {
      report({ api: "tcf", command: "event", ok: ok, eventStatus: tc.eventStatus, listenerId: tc.listenerId,
        consents: tc.purpose ? Object.keys(tc.purpose.consents).filter(function (p) {
          return tc.purpose.consents[p];
        }).map(Number) : null });
    });
    call("__gpp", "addEventListener", undefined, function (e, ok) {
      report({ api: "gpp", command: "event", ok: ok, eventName: e.eventName, data: e.data,
        gppString: e.pingData.gppString });
    });
  }

  function run() {
    call("__tcfapi", "ping", undefined, function (p, ok) {
      report({ api: "tcf", command: "ping", ok: ok, cmpId: p.cmpId, cmpStatus: p.cmpStatus });
    });
    call("__tcfapi", "getTCData", undefined, function (tc, ok) {
      report({ api: "tcf", command: "getTCData", ok: ok, tcString: tc.tcString, eventStatus: tc.eventStatus });
    });
    call("__gpp", "ping", undefined, function (p, ok) {
      report({ api: "gpp", command: "ping", ok: ok, cmpId: p.cmpId, gppString: p.gppString,
        sectionList: p.sectionList });
    });
    call("__gpp", "hasSection", "tcfcav1", function (has, ok) {
      report({ api: "gpp", command: "hasSection", ok: ok, value: has });
    });
    call("__gpp", "getSection", "tcfcav1", function (section, ok) {
      report({ api: "gpp", command: "getSection", ok: ok, value: section && section[0].CmpId });
    });
    call("__gpp", "getField", "tcfcav1.ConsentLanguage", function (value, ok) {
      report({ api: "gpp", command: "getField", ok: ok, value: value });
    });
  }

  (function find() {
    frames.__tcfapi = locate("__tcfapiLocator");
    frames.__gpp = locate("__gppLocator");
    if (frames.__tcfapi && frames.__gpp) {
      report({ api: "child", command: "located" });
      listen();
    } else {
      setTimeout(find, 50);
    }
  })();
})();
