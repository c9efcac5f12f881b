"""The texts of the activity log kept in several languages."""

from twinning.core.translated import translated

from .models import Activity

translated(Activity, "title", "description")
