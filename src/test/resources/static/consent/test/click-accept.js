// Plays the visitor: clicks "Accept all" once the banner asks, then records the visitor id for the test to read.
(function wait(n) {
  var accept = document.querySelector("#gardien-banner:not([hidden]) [data-gardien-accept]");
  if (accept) {
    accept.click();
  }
  if (window.GardienConsent) {
    document.documentElement.setAttribute("data-visitor", window.GardienConsent.visitor());
  }
  if (!accept && n > 0) {
    setTimeout(function () { wait(n - 1); }, 50);
  }
})(40);
