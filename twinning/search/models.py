from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Index keys put each kind of record in its own range: kind slot * 2**40 + object id.
# Both databases then read "the newest matches of one kind" as a short range scan. The
# kinds and their slots are those of the apps' indexers (core.search).
from twinning.core.search import MAX_OBJECT_ID


class SearchEntry(models.Model):
    """One record of the registry as the search box sees it.

    The entry holds what a result shows (title, text for the snippet, countries, year),
    who may see it, and the folded and stemmed terms the full-text index is built from:
    an FTS5 table on SQLite, the ``vector`` and ``title_vector`` columns on PostgreSQL.
    Entries are derived data, written only by ``search.services``; they keep no history
    of their own.
    """

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("record"))
    rank_key = models.BigIntegerField(unique=True, editable=False)
    title = models.CharField(_("title"), max_length=500)
    title_key = models.CharField(
        max_length=1000, editable=False, help_text=_("Folded title and other names, between bars.")
    )
    body = models.TextField(_("text"), blank=True)
    title_terms = models.TextField(editable=False, blank=True)
    terms = models.TextField(editable=False, blank=True)
    tags = models.TextField(editable=False, blank=True)
    meta = models.JSONField(
        _("meta line"), default=dict, blank=True, help_text=_("The meta line by language.")
    )
    countries = models.CharField(
        _("countries"), max_length=200, blank=True, help_text=_("Country codes, space-separated.")
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    focus_areas = models.CharField(
        _("focus areas"), max_length=200, blank=True, help_text=_("Ids, space-separated.")
    )
    partnerships = models.TextField(
        _("partnerships"), blank=True, help_text=_("Ids, space-separated.")
    )
    is_public = models.BooleanField(_("public"), default=True)
    owner_id = models.PositiveBigIntegerField(_("owner"), null=True, blank=True)
    vector = SearchVectorField(null=True, editable=False)
    title_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["rank_key"]
        # The newest change stamps the index for cached search results.
        indexes = [models.Index(fields=["updated_at"])]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_unique_record"),
            models.CheckConstraint(
                condition=models.Q(object_id__lte=MAX_OBJECT_ID),
                name="searchentry_object_id_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(year__isnull=True) | models.Q(year__gte=1, year__lte=9999),
                name="searchentry_year_range",
            ),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"

    def clean(self):
        if self.object_id is not None and self.object_id > MAX_OBJECT_ID:
            raise ValidationError({"object_id": _("The record's id is too large to index.")})
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValidationError({"year": _("The year must lie between 1 and 9999.")})

    def country_codes(self) -> list[str]:
        """Return the entry's country codes."""
        return self.countries.split()


class SearchTerm(models.Model):
    """A term that occurs in the index, so that a word being typed can be completed.

    The full-text indexes find the words starting with a prefix by merging the lists of
    every such word, which for a common word costs a pass over most of the index; looking
    the completions up here first turns a prefix into a handful of exact terms. Terms are
    added as entries are written and never removed: a stale term only matches nothing.
    """

    term = models.CharField(_("term"), max_length=60, primary_key=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.term
