// The service form's category tree: show the filter box, and hide the categories whose name
// (or whose group's name) does not contain what was typed. Without this script the whole tree
// shows, and every checkbox still works.
(() => {
  const setUp = (tree) => {
    const filter = tree.querySelector("[data-category-filter]");
    const input = filter.querySelector("input");
    const count = filter.querySelector("[role=status]");
    filter.hidden = false;
    input.addEventListener("input", () => {
      const words = input.value.trim().toLowerCase();
      let shown = 0;
      tree.querySelectorAll("[data-category-group]").forEach((group) => {
        const legend = group.querySelector("legend").textContent.toLowerCase();
        const wholeGroup = words === "" || legend.includes(words);
        let groupShown = 0;
        group.querySelectorAll("[data-category-option]").forEach((option) => {
          const matches = wholeGroup || option.textContent.toLowerCase().includes(words);
          option.hidden = !matches;
          groupShown += matches ? 1 : 0;
        });
        group.hidden = groupShown === 0;
        shown += groupShown;
      });
      count.textContent = words === "" ? "" : `${shown} ${shown === 1 ? "category matches" : "categories match"}`;
    });
  };
  const start = () => document.querySelectorAll("[data-category-tree]").forEach(setUp);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
