/*! Harbour, built with GOV.UK Frontend 5.14.0 (https://github.com/alphagov/govuk-frontend, MIT licence, © Crown copyright). Built by `make assets` from frontend/: do not edit. */
(()=>{document.documentElement.classList.replace("no-js","js");"noModule"in HTMLScriptElement.prototype&&document.body.classList.add("govuk-frontend-supported");})();
