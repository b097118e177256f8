// Runs first, as a blocking script at the top of <body>, so styles that depend on these
// classes apply before the page is drawn: the page has JavaScript ("js"), and the browser can
// run GOV.UK Frontend's components (it supports ES modules), as GOV.UK Frontend expects.
document.documentElement.classList.replace("no-js", "js");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
