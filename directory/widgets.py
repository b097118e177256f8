"""Admin widgets for the service form: categories as a tree of checkboxes, grouped under their
top-level category, with the chosen ones listed first and a filter box (category-tree.js; the
tree works without it)."""

from django import forms


class CategoryTree(forms.CheckboxSelectMultiple):
    """Expects a ModelMultipleChoiceField over TaxonomyTerm, ordered as the tree should read
    (sort order, then name) and with parents selected alongside (`select_related("parent")`)."""

    template_name = "directory/admin/widgets/category_tree.html"

    class Media:
        js = ["directory/admin/category-tree.js"]
        css = {"all": ["directory/admin/category-tree.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [option for _, group, _ in context["widget"]["optgroups"] for option in group]
        chosen, groups, by_parent = [], [], {}
        for option in options:
            term = option["value"].instance
            if term.parent_id is None:
                group = {"term": term, "own": None, "children": []}
                groups.append(group)
                by_parent[term.pk] = group
        for option in options:
            term = option["value"].instance
            if option["selected"]:
                chosen.append(option)  # labelled with its parent: "Parenting > Dads"
                continue
            option["label"] = term.name  # under its parent's heading
            if term.parent_id is None:
                by_parent[term.pk]["own"] = option
            elif term.parent_id in by_parent:
                by_parent[term.parent_id]["children"].append(option)
            else:  # a parent the queryset left out: keep the term choosable
                group = {"term": term.parent, "own": None, "children": [option]}
                groups.append(group)
                by_parent[term.parent_id] = group
        context["widget"]["chosen"] = chosen
        context["widget"]["groups"] = [g for g in groups if g["own"] or g["children"]]
        return context
