import pytest

from news.models import NewsIndexPage

from .factories import NewsIndexPageFactory


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    index = NewsIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def comms_editor(django_user_model):
    """A comms officer with only the "Comms editors" group's permissions."""
    from django.contrib.auth.models import Group

    from news.workflow import COMMS_EDITORS

    user = django_user_model.objects.create_user(
        "comms.editor", "editor@example.gov.uk", "pw", first_name="Cara", last_name="Editor"
    )
    user.groups.add(Group.objects.get(name=COMMS_EDITORS))
    return user


@pytest.fixture
def comms_approver(django_user_model):
    """A comms approver with only the "Comms approvers" group's permissions."""
    from django.contrib.auth.models import Group

    from news.workflow import COMMS_APPROVERS

    user = django_user_model.objects.create_user(
        "comms.approver", "approver@example.gov.uk", "pw", first_name="Amir", last_name="Approver"
    )
    user.groups.add(Group.objects.get(name=COMMS_APPROVERS))
    return user
