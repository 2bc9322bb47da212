// Tells GOV.UK Frontend's styles that JavaScript runs here (kept out of the page so that the
// Content-Security-Policy can forbid inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
