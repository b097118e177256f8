"""Directory settings an editor can change, per site."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.models import Site

from directory import council_area, local_authorities
from website import content_cache
from website.models import SharedSiteSetting

DEFAULT_NOTICE_WEEKS = 8


def validate_local_authority_codes(text: str) -> None:
    """Well-formed codes of authorities we know: the project's table, or an import's."""
    from .postcodes import LocalAuthority  # imports this module's package

    try:
        codes = council_area.parse_codes(text)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    known = set(local_authorities.project_table()) | set(
        LocalAuthority.objects.filter(code__in=codes).values_list("code", flat=True)
    )
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(
            "%(codes)s: not a local authority code in the ONS Postcode Directory or our own "
            "list. Check it against ONS's names and codes.",
            params={"codes": ", ".join(unknown)},
        )


@register_setting(icon="time")
class DirectorySettings(SharedSiteSetting):
    notice_weeks = models.PositiveSmallIntegerField(
        "weeks of coming changes",
        default=DEFAULT_NOTICE_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="How far ahead hub and service pages list closures, bank holidays and "
        "special hours.",
    )
    local_authority_codes = models.CharField(
        "local authority codes",
        max_length=200,
        blank=True,
        validators=[validate_local_authority_codes],
        help_text="The ONS codes of the local authority areas your family hubs serve, separated "
        "by commas: E08000031 for Wolverhampton, for example. A family whose postcode is "
        "elsewhere is told which council's area they are in, and shown your nearest hubs only "
        f"when one is within {council_area.BORDER_MILES:g} miles. Leave blank to treat every "
        "postcode as yours.",
    )

    panels = [
        FieldPanel("notice_weeks"),
        MultiFieldPanel([FieldPanel("local_authority_codes")], heading="Council area"),
    ]

    class Meta:
        verbose_name = "opening times and council area"

    @property
    def council_codes(self) -> tuple[str, ...]:
        try:
            return council_area.parse_codes(self.local_authority_codes)
        except ValueError:  # saved before the validator, or by hand: ignore what is not a code
            return tuple(
                code
                for code in council_area.SEPARATORS.split(self.local_authority_codes.upper())
                if local_authorities.is_authority_code(code)
            )

    @classmethod
    def for_site_id(cls, site_id: int | None) -> "DirectorySettings | None":
        """The settings of a site known only by its id (a page's, say), kept with the shared
        content as for_request keeps them. A site whose settings were never saved gets the
        defaults, unsaved: creating the row here would start a new generation of the shared
        content in the middle of a public request."""
        if site_id is None:
            return None

        def read():
            return cls.objects.filter(site_id=site_id).first() or cls(site_id=site_id)

        return content_cache.remember(f"{cls._meta.label_lower}:{site_id}", read)


def council_codes_for_request(request) -> tuple[str, ...]:
    """The local authority codes of the council whose site the request is for; () when it
    has not said (every postcode is then its own)."""
    site = Site.find_for_request(request)
    settings = DirectorySettings.for_site_id(site.pk if site else None)
    return settings.council_codes if settings else ()


def council_codes_for_page(page) -> tuple[str, ...]:
    """As council_codes_for_request, for the site a page is on (Wagtail knows it from the
    sites' root paths it keeps, without a query)."""
    parts = page.get_url_parts()
    settings = DirectorySettings.for_site_id(parts[0] if parts else None)
    return settings.council_codes if settings else ()


def notice_days(request) -> int:
    """How many days of coming changes to list, for the request's site: the default until an
    editor saves the setting (reading it must not create the row, a change that every page's
    shared content would be read again for)."""
    site = Site.find_for_request(request)
    if site is None:
        return DEFAULT_NOTICE_WEEKS * 7

    def read() -> int:
        saved = DirectorySettings.objects.filter(site=site).values_list("notice_weeks", flat=True)
        return saved.first() or DEFAULT_NOTICE_WEEKS

    return content_cache.remember(f"notice-weeks:{site.pk}", read) * 7
