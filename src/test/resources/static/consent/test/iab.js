// Plays a vendor script: listens to the GPP CMP API and writes the latest strings into the page at each signal (the
// last one follows the visitor's choice).
window.__gpp("addEventListener", function (event) {
  var ping = event.pingData;
  window.__tcfapi("getTCData", 2, function (tc, ok) {
    if (ping.gppString && ok) {
      document.documentElement.setAttribute("data-gpp", ping.gppString);
      document.documentElement.setAttribute("data-gpp-same", String(ping.gppString === window.GardienConsent.gppString()));
      document.documentElement.setAttribute("data-tc", tc.tcString);
    }
  });
});
