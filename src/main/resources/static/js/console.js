// The console's small helpers, all optional (every page works without script):
// - the navigation collapses behind a Menu button on small screens;
// - a form or button marked data-confirm asks before it acts (destructive actions);
// - a form marked data-once-done="id" is replaced, once sent, by the element of that id (a one-time download);
// - a form the browser sends is sent once: a second click while the next page loads does nothing;
// - an error summary takes the focus, so that a screen reader announces what to correct;
// - what a step did (#done, at the page's top) stays in view a while when the page opens at the step's form.
(function () {
  'use strict';
  var nav = document.getElementById('console-nav');
  var menu = document.getElementById('nav-menu');
  if (nav && menu) {
    nav.classList.add('collapsible');
    menu.hidden = false;
    menu.addEventListener('click', function () {
      var open = menu.getAttribute('aria-expanded') !== 'true';
      menu.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('open', open);
    });
  }
  // a table wider than the screen scrolls inside itself (gardien.css): keyboard users reach it with Tab
  function scrollableTables() {
    document.querySelectorAll('main table').forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute('tabindex', '0');
      } else if (table.getAttribute('tabindex') === '0') {
        table.removeAttribute('tabindex');
      }
    });
  }
  scrollableTables();
  window.addEventListener('resize', scrollableTables);
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = (event.submitter && event.submitter.getAttribute('data-confirm'))
        || (form && form.getAttribute && form.getAttribute('data-confirm'));
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    // a form that works once (the person's one-time download) gives way, once sent, to what it did
    var done = form && form.getAttribute && document.getElementById(form.getAttribute('data-once-done') || '');
    if (done) {
      window.setTimeout(function () {
        form.hidden = true;
        done.hidden = false;
      }, 0);
    }
  }, true);
  // officer's review: "Enregistrer les réponses" clicked twice sent the answers twice at once (the server now takes the
  // second as done, or says the page changed meanwhile). Listened to after the form's own handlers: a form htmx sends,
  // or one whose confirmation was declined, has its submission taken already. Sendable again after a while (a download
  // leaves the page as it was) or when the browser shows the page again from its cache (Back).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form || !form.setAttribute) {
      return;
    }
    if (form.hasAttribute('data-sending')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sending', '');
    form.setAttribute('aria-busy', 'true');
    window.setTimeout(function () { sendable(form); }, 5000);
  });
  function sendable(form) {
    form.removeAttribute('data-sending');
    form.removeAttribute('aria-busy');
  }
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[data-sending]').forEach(sendable);
    }
  });
  // each error of the summary next to its field too, tied to it by aria-describedby (unless the page put it there)
  function placeErrors(summary) {
    summary.querySelectorAll('[data-field]').forEach(function (item) {
      var field = document.getElementById(item.getAttribute('data-field'));
      if (!field || document.getElementById(field.id + '-error')) {
        return;
      }
      var note = document.createElement('p');
      note.className = 'field-error';
      note.id = field.id + '-error';
      note.textContent = item.getAttribute('data-message');
      if (field.tagName === 'FIELDSET') {
        var legend = field.querySelector('legend');
        if (legend) {
          legend.insertAdjacentElement('afterend', note);
        } else {
          field.prepend(note);
        }
      } else {
        field.insertAdjacentElement('beforebegin', note); // between its label and the field
        field.setAttribute('aria-invalid', 'true');
      }
      var described = field.getAttribute('aria-describedby');
      field.setAttribute('aria-describedby', note.id + (described ? ' ' + described : ''));
    });
  }
  function focusSummary() {
    var summary = document.querySelector('[data-error-summary], .error-summary');
    if (summary) {
      placeErrors(summary);
      if (!summary.hasAttribute('tabindex')) {
        summary.setAttribute('tabindex', '-1');
      }
      summary.focus();
    }
  }
  // officer's review: "C'est fait." was said at the top while the page jumped to #holds, out of sight
  function pinDone() {
    var done = document.getElementById('done');
    if (done && window.location.hash && window.location.hash !== '#done') {
      done.classList.add('pinned');
      window.setTimeout(function () { done.classList.remove('pinned'); }, 10000);
    }
  }
  function ready() {
    focusSummary();
    pinDone();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
