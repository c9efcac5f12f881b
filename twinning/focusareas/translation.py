"""The texts of focus areas kept in several languages."""

from twinning.core.translated import translated

from .models import FocusArea

translated(FocusArea, "name")
