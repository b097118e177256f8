// Harbour's scripts: GOV.UK Frontend's components the site uses, and our own small
// enhancements. Every page works without this file.
import {
  Button,
  createAll,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  ServiceNavigation,
  SkipLink,
} from "govuk-frontend";

import { initAutocomplete } from "./autocomplete.js";
import { initFilterPanels } from "./filter-panel.js";

createAll(SkipLink);
createAll(Button);
createAll(ServiceNavigation);
createAll(ErrorSummary);
createAll(NotificationBanner);
createAll(ExitThisPage);

initFilterPanels();
document.querySelectorAll('[data-module="search-autocomplete"]').forEach(initAutocomplete);
