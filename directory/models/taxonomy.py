"""Who runs services and the categories they are filed under, shaped like Open Referral UK
3.0: organisations, taxonomies (ours and those ORUK feeds use) and their terms, all snippets."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from directory import taxonomy_seed
from directory.phone import phone_problem

# Our taxonomy terms' ORUK ids are uuid5(TAXONOMY_NAMESPACE, code): the same on every site
# and after every re-seed, so other councils' systems can keep pointing at them.
TAXONOMY_NAMESPACE = taxonomy_seed.TAXONOMY_NAMESPACE
HARBOUR_TAXONOMY_NAME = taxonomy_seed.TAXONOMY_NAME
HARBOUR_TAXONOMY_ORUK_ID = uuid.uuid5(TAXONOMY_NAMESPACE, "taxonomy")  # as seeded by 0006


def term_oruk_id(code: str) -> uuid.UUID:
    return uuid.uuid5(TAXONOMY_NAMESPACE, code)


class Organisation(index.Indexed, models.Model):
    """Who runs a service: the council, an NHS trust, a charity."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if problem := phone_problem(self.phone):
            raise ValidationError({"phone": problem})

    def search_dependents(self):
        """Its services: their search documents hold its name (search.indexing)."""
        return self.services.all()


class Taxonomy(models.Model):
    """A vocabulary of categories: ours ("Harbour family services"), or one an ORUK feed uses."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    uri = models.URLField(blank=True, help_text="Where the vocabulary is published, if it is.")
    version = models.CharField(max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("uri"),
        FieldPanel("version"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "taxonomy"
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(index.Indexed, models.Model):
    """A category services are filed under, in a two-level tree ("Health and wellbeing" >
    "Mental health"). `code` is the stable id used in URLs (?category=speech-and-language)."""

    oruk_id = models.UUIDField(unique=True, editable=False, null=True)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Leave blank for a top-level category.",
    )
    code = models.SlugField(
        max_length=100,
        unique=True,
        help_text="A stable id used in web addresses and open data. Do not change it once used.",
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("parent"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "category"
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return f"{self.parent.name} > {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        if self.oruk_id is None:
            self.oruk_id = term_oruk_id(self.code)
        super().save(*args, **kwargs)

    def search_dependents(self):
        """The services filed under it or under its children: their search documents hold its
        name, and its code as a facet (search.indexing)."""
        return self.services.model.objects.filter(
            models.Q(categories=self) | models.Q(categories__parent=self)
        ).distinct()

    def clean(self):
        super().clean()
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": "Choose a top-level category as the parent."})
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A category cannot be its own parent."})
