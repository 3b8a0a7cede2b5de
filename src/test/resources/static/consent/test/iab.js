// Plays a vendor script: asks the CMP APIs for the strings once they are ready and writes them into the page.
(function wait(n) {
  window.__gpp("ping", function (ping) {
    window.__tcfapi("getTCData", 2, function (tc, ok) {
      if (ping.gppString && ok) {
        document.documentElement.setAttribute("data-gpp", ping.gppString);
        document.documentElement.setAttribute("data-gpp-same", String(ping.gppString === window.GardienConsent.gppString()));
        document.documentElement.setAttribute("data-tc", tc.tcString);
      } else if (n > 0) {
        setTimeout(function () { wait(n - 1); }, 50);
      }
    });
  });
})(60);
