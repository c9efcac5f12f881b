"""The texts of showcase sites kept in several languages."""

from twinning.core.translated import translated

from .models import ShowcaseSite

translated(ShowcaseSite, "what_visitors_see")
