"""The council's own copy of UK postcode locations (the ONS Postcode Directory), so finding the
nearest hub never calls an outside service. Full postcodes and the centroids of their sectors
and districts share one table, keyed by the normalised text; each carries its local authority,
so a postcode in another council's area can be told so."""

from django.core.exceptions import ValidationError
from django.db import models

from directory import council_area, local_authorities, postcodes
from directory.postcodes import Kind


class LocalAuthority(models.Model):
    """A local authority district or unitary authority, as the ONS codes it. A few hundred
    rows: the postcode store refers to them by a two-byte id rather than repeating the code
    on millions of rows."""

    id = models.SmallAutoField(primary_key=True)
    code = models.CharField(max_length=9, unique=True)  # "E08000031"
    name = models.CharField(max_length=100, blank=True)  # "Wolverhampton"; ONS's spelling

    class Meta:
        verbose_name = "local authority"
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.display_name} ({self.code})" if self.name else self.code

    @property
    def display_name(self) -> str:
        return local_authorities.display_name(self.name)

    @classmethod
    def add_missing_from_project_table(cls) -> dict[str, int]:
        """Add the authorities of the project's own table that are not stored yet (names an
        import has stored are left alone); {code: id} for every one stored."""
        table = local_authorities.project_table()
        existing = set(cls.objects.filter(code__in=table).values_list("code", flat=True))
        cls.objects.bulk_create(
            cls(code=code, name=name) for code, name in table.items() if code not in existing
        )
        return dict(cls.objects.values_list("code", "id"))


class PostcodeLocation(models.Model):
    postcode = models.CharField(max_length=8, primary_key=True)  # "WV1 1SH", "WV1 1", "WV1"
    kind = models.CharField(max_length=8, choices=[(kind.value, kind.value) for kind in Kind])
    outward = models.CharField(max_length=4)
    latitude = models.FloatField()
    longitude = models.FloatField()
    # The month the Royal Mail stopped using it (ONSPD's doterm). Old letters and documents
    # still carry terminated postcodes: kept, so the API can still place them and the finder
    # can say the postcode is no longer in use rather than that it is wrong.
    terminated = models.DateField(null=True, blank=True)
    # ONSPD's oslaua; for a sector or district, the authority most of its postcodes are in.
    # Written only by the import and the demo loader, which add the authority first: no
    # constraint to check on millions of rows, and no index (nothing looks postcodes up by it).
    local_authority = models.ForeignKey(
        LocalAuthority,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )

    class Meta:
        verbose_name = "postcode"
        # A plain index: Django's db_index would add a second, pattern-matching one on
        # PostgreSQL that no query uses and every import pays for.
        indexes = [models.Index(fields=["outward"], name="directory_postcode_outward")]

    def __str__(self) -> str:
        return self.postcode

    @property
    def is_partial(self) -> bool:
        return self.kind != Kind.UNIT

    def area(
        self, council_codes: tuple[str, ...], nearest_hub_miles: float | None = None
    ) -> council_area.Area:
        """Where this postcode is for a council covering `council_codes` (see council_area)."""
        try:
            authority = self.local_authority
        except LocalAuthority.DoesNotExist:  # no constraint keeps the id pointing at a row
            authority = None
        return council_area.area_of(
            self.postcode,
            partial=self.is_partial,
            authority_code=authority.code if authority else None,
            authority_name=authority.name if authority else "",
            council_codes=council_codes,
            nearest_hub_miles=nearest_hub_miles,
        )


def locate(text: str | None) -> PostcodeLocation:
    """Where a full or partial postcode is, or PostcodeError with what to tell the person.
    Terminated postcodes still resolve: letters and documents still carry them."""
    parsed = postcodes.parse(text)
    # Not .first(): its ORDER BY is no use on the primary key, and costs the lookup a sixth.
    found = next(
        iter(PostcodeLocation.objects.select_related("local_authority").filter(pk=parsed.text)[:1]),
        None,
    )
    if found is None:
        district_exists = PostcodeLocation.objects.filter(pk=parsed.outward).exists()
        raise postcodes.PostcodeNotFound(postcodes.not_found_message(parsed, district_exists))
    return found


def locate_in_use(text: str | None) -> PostcodeLocation:
    """As locate, but a postcode the Royal Mail no longer uses is PostcodeTerminated, telling
    the person to try the one they use now: what families are shown."""
    found = locate(text)
    if found.terminated is None:
        return found
    parsed = postcodes.parse(found.postcode)
    district_in_use = PostcodeLocation.objects.filter(
        pk=parsed.outward, terminated__isnull=True
    ).exists()
    raise postcodes.PostcodeTerminated(postcodes.terminated_message(parsed, district_in_use))


def cleaned_postcode(text: str) -> str:
    """An address's postcode as we store it ("WV14 6AA"), or the form's message for the
    postcode field."""
    try:
        return postcodes.parse(text).text
    except postcodes.PostcodeError as error:
        raise ValidationError({"postcode": str(error)}) from None
