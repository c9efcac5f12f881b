"""The texts of delegation visits and their programmes kept in several languages."""

from twinning.core.translated import translated

from .models import ProgrammeItem, Visit, VisitMember

translated(Visit, "title", "purpose", "report")
translated(ProgrammeItem, "topic", "notes")
translated(VisitMember, "title")
