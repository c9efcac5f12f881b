"""The texts of agreements kept in several languages."""

from twinning.core.translated import translated

from .models import Agreement

translated(Agreement, "title")
