"""The demo council (Wulfrun): content for `make run` and the tests, kept apart from the apps
that serve a real council. It may import every app; no app imports it."""
