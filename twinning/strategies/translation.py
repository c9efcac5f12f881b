"""The texts of strategies and their goals kept in several languages."""

from twinning.core.translated import translated

from .models import Goal, Indicator, Strategy

translated(Strategy, "title", "description")
translated(Goal, "title", "actions", "success_criteria", "assessment")
translated(Indicator, "title", "description")
