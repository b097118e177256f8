"""A Django app for the tests only: models that the search machinery must handle but that belong
to domain apps being built elsewhere (a place with a location, like a family hub)."""
