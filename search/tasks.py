"""Index updates run from the task queue, after the change that caused them has been committed."""

from django_tasks import task

from .indexing import index_objects, rebuild, remove
from .sources import object_for


@task()
def update_entries(keys):
    """Re-index the objects these keys name; entries of objects that are gone are removed."""
    found = {key: object_for(key) for key in keys}
    remove([key for key, obj in found.items() if obj is None])
    index_objects([obj for obj in found.values() if obj is not None])


@task()
def rebuild_index():
    rebuild()
