import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

// Progressive enhancement only: every form and page works without this script.

initAll();
enhance();

document.addEventListener('submit', onSubmit);
window.addEventListener('pageshow', (event) => {
  if (event.persisted) {
    // the page is shown again from the back-forward cache: its forms may be sent again
    document.querySelectorAll('form[data-app-sending]').forEach((form) => sending(form, false));
  }
});

/** What this script adds to a page (run again when an upload's answer replaces the page). */
function enhance() {
  document.querySelectorAll('.app-table-scroll').forEach(tabStopWhereItScrolls);
  document.querySelectorAll('form[data-module~="app-upload"]').forEach(statusRegion);
}

/**
 * A form that POSTs is sent once: a second press (or Enter) while the first is on its way does nothing, and
 * its buttons show as disabled. An upload form is sent by XMLHttpRequest to show its progress.
 */
function onSubmit(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
    return;
  }
  // attributes, not form.method and form.target: a field named "method" or "target" would hide those
  const method = (form.getAttribute('method') || 'get').toLowerCase();
  const target = form.getAttribute('target');
  if (method !== 'post' || (target && target !== '_self')) {
    return;
  }
  if (form.hasAttribute('data-app-sending')) {
    event.preventDefault();
    return;
  }
  if (form.matches('[data-module~="app-upload"]') && window.FormData) {
    event.preventDefault();
    upload(form, event.submitter);
    return;
  }
  form.setAttribute('data-app-sending', '');
  // after the browser has read the form: a button disabled now would leave its own name and value out
  setTimeout(() => sending(form, true), 0);
}

function sending(form, busy) {
  if (busy) {
    form.setAttribute('data-app-sending', '');
  } else {
    form.removeAttribute('data-app-sending');
  }
  for (const button of form.querySelectorAll('button, input[type="submit"]')) {
    if (button.type !== 'submit') {
      continue;
    }
    button.disabled = busy;
    if (busy) {
      button.setAttribute('aria-disabled', 'true');
    } else {
      button.removeAttribute('aria-disabled');
    }
    if (button.classList.contains('govuk-button')) {
      button.classList.toggle('govuk-button--disabled', busy);
    }
  }
}

/** A table's box is a tab stop only where it scrolls; elsewhere Tab goes straight to what is in it. */
function tabStopWhereItScrolls(box) {
  const update = () => {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute('tabindex', '0');
    } else {
      box.removeAttribute('tabindex');
    }
  };
  update();
  if (window.ResizeObserver) {
    new ResizeObserver(update).observe(box);
  }
}

function statusRegion(form) {
  if (form.querySelector('.app-upload-status')) {
    return;
  }
  const status = document.createElement('p');
  status.className = 'govuk-body app-upload-status';
  status.setAttribute('role', 'status');
  const button = form.querySelector('button[type="submit"], button:not([type])');
  (button || form.lastElementChild).after(status);
}

/**
 * Sends an upload form with XMLHttpRequest, saying how much has gone ("Sending: 45% of 50 MB") in a live
 * region, with its button disabled; then shows the page the server answers with, as a normal send would.
 */
function upload(form, submitter) {
  const data = submitter ? new FormData(form, submitter) : new FormData(form);
  let total = 0;
  for (const input of form.querySelectorAll('input[type="file"]')) {
    for (const file of input.files) {
      total += file.size;
    }
  }
  statusRegion(form);
  const status = form.querySelector('.app-upload-status');
  sending(form, true);
  status.textContent = 'Sending the file…';
  let shown = -1;
  const action = new URL(form.getAttribute('action') || location.href, location.href).href;
  const request = new XMLHttpRequest();
  request.open('POST', action);
  request.responseType = 'document';
  request.upload.addEventListener('progress', (event) => {
    const size = event.lengthComputable ? event.total : total;
    const percent = size > 0 ? Math.floor((100 * event.loaded) / size) : 0;
    if (percent >= shown + 5 || percent === 100) {
      shown = percent;
      status.textContent = `Sending: ${percent}% of ${megabytes(total)}`;
    }
  });
  request.upload.addEventListener('load', () => {
    status.textContent = `Sent ${megabytes(total)}. Reading the file…`;
  });
  request.addEventListener('load', () => {
    if (request.responseXML && request.responseXML.body) {
      show(request.responseXML, action, request.responseURL);
    } else {
      failed(form, status);
    }
  });
  request.addEventListener('error', () => failed(form, status));
  request.addEventListener('abort', () => failed(form, status));
  request.send(data);
}

function failed(form, status) {
  sending(form, false);
  status.textContent = 'The file could not be sent. Check your connection and try again.';
}

function megabytes(bytes) {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/**
 * Shows the server's answer in place of this page. The page's head (stylesheets already loaded) is kept;
 * the answer's body comes in a new html element, so anything holding the old page sees it has gone. Where
 * the server redirected (to a page that can be fetched again), the address bar follows; an answer to the
 * POST itself keeps this page's address, so that reloading never sends the file again.
 */
function show(answer, action, answeredFrom) {
  const classes = document.body.className;
  const title = answer.title;
  const html = document.adoptNode(answer.documentElement);
  html.replaceChild(document.head, html.querySelector('head'));
  document.replaceChild(html, document.documentElement);
  document.title = title;
  document.body.className = classes;
  if (answeredFrom && new URL(answeredFrom).pathname !== new URL(action).pathname) {
    history.pushState(null, '', answeredFrom);
    window.addEventListener('popstate', () => location.reload());
  }
  window.scrollTo(0, 0);
  initAll();
  enhance();
  if (!document.activeElement || document.activeElement === document.body) {
    const heading = document.querySelector('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}
