// Records every Content-Security-Policy violation of the page (the banner and the CMP APIs must cause none).
window.violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.violations.push(e.violatedDirective + " " + e.blockedURI);
});
