from django.db import models
from django.utils.translation import gettext_lazy as _


class Word(models.Model):
    """A word that occurs in some request, for suggesting a near one when a search finds nothing.

    On PostgreSQL the trigger of migration 0001 adds the words of each request as it is saved
    (never the numbers); PostgreSQL's documentation suggests such a list, with a trigram index,
    for spelling suggestions over a large text search. Other databases leave it empty.
    """

    word = models.CharField(_("word"), max_length=60, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
