"""The texts of projects kept in several languages."""

from twinning.core.translated import translated

from .models import Project, ProjectPhase

translated(Project, "title", "description", "outcome")
translated(ProjectPhase, "title")
