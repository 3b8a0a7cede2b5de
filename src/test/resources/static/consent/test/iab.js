// Plays a vendor script: listens to the GPP CMP API and, once the visitor's choice is in, writes into the page what
// the CMP APIs answer (the GPP string, the TCF status and why).
window.__gpp("addEventListener", function (event) {
  if (event.eventName !== "signalStatus" || event.data !== "ready") { return; }
  var root = document.documentElement;
  root.setAttribute("data-gpp", event.pingData.gppString);
  root.setAttribute("data-gpp-sections", JSON.stringify(event.pingData.applicableSections));
  root.setAttribute("data-gpp-same", String(event.pingData.gppString === window.GardienConsent.gppString()));
  window.__tcfapi("ping", 2, function (ping) {
    root.setAttribute("data-tcf-status", ping.cmpStatus);
    root.setAttribute("data-tcf-reasons", ping.reasons.join(" "));
  });
  window.__tcfapi("getTCData", 2, function (tc, ok) {
    root.setAttribute("data-tc-ok", String(ok));
  });
});
