// Plays the publisher's ad stack: listens to both CMP APIs from the start, before the banner has loaded, and keeps what
// the iframe of another origin reports.
window.log = { tcf: [], gpp: [] };
window.__tcfapi("addEventListener", 2, function (tc, ok) {
  var consents = tc && tc.purpose ? Object.keys(tc.purpose.consents).filter(function (p) {
    return tc.purpose.consents[p];
  }).map(Number) : null;
  window.log.tcf.push({ ok: ok, eventStatus: tc.eventStatus, listenerId: tc.listenerId, consents: consents,
    tcString: tc.tcString });
});
window.__gpp("addEventListener", function (e, ok) {
  window.log.gpp.push({ ok: ok, eventName: e.eventName, data: e.data, listenerId: e.listenerId,
    signalStatus: e.pingData.signalStatus, gppString: e.pingData.gppString });
});
window.addEventListener("message", function (e) {
  if (e.data && e.data.childLog) { window.childLog = e.data.childLog; }
});
