"""Comms sign-off: comms editors draft releases and submit them; comms approvers approve and
publish. A release under the news index cannot go out until an approver says so.

`ensure_comms_groups_and_workflow` makes the two groups, their admin permissions, the approval
task and the workflow. Migration 0002 runs it (with the migration's historical models, hence the
`apps` argument), so every database has them. `ensure_comms_workflow` adds what belongs to one
news index: the groups' page permissions there, and the workflow applied to it. It runs whenever
a news index is created (see apps.py) and from the demo loader. Both are safe to run again."""

from django.apps import apps as django_apps
from django.contrib.auth.models import Permission
from django.db import transaction

from wagtail.models import GroupPagePermission, WorkflowPage

COMMS_EDITORS = "Comms editors"
COMMS_APPROVERS = "Comms approvers"
WORKFLOW_NAME = "Comms sign-off"
TASK_NAME = "Comms approval"

# Either comms group can publish a site-wide alert banner (snow closures, a strike) at once,
# without sign-off.
ALERT_BANNER_PERMISSIONS = [
    ("website", "add_alertbanner"),
    ("website", "change_alertbanner"),
    ("website", "delete_alertbanner"),
    ("website", "publish_alertbanner"),
    ("website", "view_alertbanner"),
]
# Site-wide permissions, as (app label, codename). Topics are the comms team's managed list:
# approvers keep it, editors tick topics on a release. Either group keeps press contacts.
MODEL_PERMISSIONS = {
    COMMS_EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("news", "view_newstopic"),
        ("news", "add_presscontact"),
        ("news", "change_presscontact"),
        ("news", "view_presscontact"),
        *ALERT_BANNER_PERMISSIONS,
    ],
    COMMS_APPROVERS: [
        ("wagtailadmin", "access_admin"),
        *ALERT_BANNER_PERMISSIONS,
        ("news", "add_newstopic"),
        ("news", "change_newstopic"),
        ("news", "delete_newstopic"),
        ("news", "view_newstopic"),
        ("news", "add_presscontact"),
        ("news", "change_presscontact"),
        ("news", "delete_presscontact"),
        ("news", "view_presscontact"),
    ],
}
# On the root collection: upload and choose images (hero images) and documents (downloads).
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
# On the news index, and so on every release under it. Editors create and edit releases but
# can only submit them; approvers publish (and so schedule) them.
PAGE_PERMISSIONS = {
    COMMS_EDITORS: ["add_page", "change_page"],
    COMMS_APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def ensure_comms_groups_and_workflow(apps=django_apps):
    """Returns ({group name: group}, workflow)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    def permission(app_label: str, codename: str):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    def existing(keys):
        """The permissions that exist yet: a model added since an earlier migration ran this
        gets its permissions from a later one (0003 for the alert banners)."""
        for app_label, codename in keys:
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is not None:
                yield found

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name, model_permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*existing(model_permissions))
        if root_collection is not None:
            for key in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(*key)
                )
        groups[name] = group

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        # Set explicitly: historical models skip Task.__init__, which would otherwise do it.
        content_type = ContentType.objects.get_for_model(GroupApprovalTask)
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
        task.groups.add(groups[COMMS_APPROVERS])
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    return groups, workflow


@transaction.atomic
def ensure_comms_workflow(news_index):
    """Give both comms groups their permissions on `news_index` and apply "Comms sign-off" to
    it, unless another workflow has been applied there on purpose. Returns the workflow."""
    groups, workflow = ensure_comms_groups_and_workflow()
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in={name for names in PAGE_PERMISSIONS.values() for name in names},
        )
    }
    for group_name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[group_name], page=news_index, permission=permissions[codename]
            )
    workflow_page, _ = WorkflowPage.objects.get_or_create(
        page=news_index, defaults={"workflow": workflow}
    )
    return workflow_page.workflow
