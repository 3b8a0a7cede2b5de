// Headless Chromium has no switch for Global Privacy Control: the test page sets the signal as a browser would.
Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: function () { return true; } });
