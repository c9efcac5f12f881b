"""Pages for projects: list, detail and forms."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.views import saved_redirect
from twinning.projects import selectors, services
from twinning.projects.filters import ProjectFilter
from twinning.projects.forms import ProjectForm
from twinning.projects.models import Project

PER_PAGE = 50


def project_list(request):
    """List the projects the visitor may see, filtered and a page at a time."""
    filterset = ProjectFilter(
        request.GET or None, queryset=selectors.project_list(user=request.user)
    )
    field = filterset.form.fields["status"]
    field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
    results = filterset.qs if filterset.is_bound else filterset.queryset
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page_obj": page,
        "projects": page.object_list,
        "query_without_page": query.urlencode(),
        "may_create": is_editor(request.user),
        "hx_target": "#results",
    }
    template = "projects/_results.html" if request.htmx else "projects/list.html"
    return render(request, template, context)


def _visible_project(request, pk: int) -> Project:
    try:
        return selectors.project_detail(user=request.user, pk=pk)
    except Project.DoesNotExist as exc:
        raise Http404(_("No such project.")) from exc


def project_detail(request, pk: int):
    """Show one project with its parties, phases and sources."""
    project = _visible_project(request, pk)
    context = {"project": project, "may_edit": can_edit(request.user, project)}
    return render(request, "projects/detail.html", context)


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def project_create(request):
    """Let an editor add a project under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        project = _save(form, services.project_create)
        if project is not None:
            messages.success(request, _("The project was added."))
            return saved_redirect(request, project)
    return render(request, "projects/project_form.html", {"form": form})


@login_required
def project_update(request, pk: int):
    """Let an editor of the owning organisation change a project."""
    project = _visible_project(request, pk)
    if not can_edit(request.user, project):
        raise PermissionDenied
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.project_update(project=project, **data))
        if saved is not None:
            messages.success(request, _("The project was saved."))
            return redirect(saved)
    return render(request, "projects/project_form.html", {"form": form, "project": project})
