// Filters fold behind "Filter results" (a <details>) on a phone. From the desktop breakpoint
// they sit beside the results, so open the panel there. Without JavaScript the panel is closed
// until opened, which still works.
const DESKTOP = "(min-width: 48.0625em)";

export function initFilterPanels() {
  const panels = document.querySelectorAll("[data-filter-panel]");
  if (!panels.length || !window.matchMedia) {
    return;
  }
  const desktop = window.matchMedia(DESKTOP);
  const openOnDesktop = () => {
    if (desktop.matches) {
      panels.forEach((panel) => {
        panel.open = true;
      });
    }
  };
  openOnDesktop();
  desktop.addEventListener("change", openOnDesktop);
}
