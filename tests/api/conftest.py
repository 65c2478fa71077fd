from tests.forums.conftest import category, restricted, secret_topic, team  # noqa: F401 (fixtures)
