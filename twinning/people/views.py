from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.views import saved_redirect
from twinning.people import selectors, services
from twinning.people.filters import PersonFilter
from twinning.people.forms import PersonForm, PostForm
from twinning.people.models import Person, Post

PER_PAGE = 50


def person_list(request):
    queryset = selectors.person_list(user=request.user)
    filterset = PersonFilter(request.GET, queryset=queryset, request=request)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    partial = request.htmx and not request.htmx.boosted
    template = "people/_results.html" if partial else "people/list.html"
    context = {"filter": filterset, "page": page, "can_create": is_editor(request.user)}
    return render(request, template, context)


def _get_person(request, pk: int) -> Person:
    try:
        return selectors.person_detail(user=request.user, pk=pk)
    except Person.DoesNotExist as exc:
        raise Http404 from exc


def person_detail(request, pk: int):
    person = _get_person(request, pk)
    context = {
        "person": person,
        "agreements": selectors.person_agreements(person=person, user=request.user),
        "history": selectors.person_history(person=person),
        "can_edit": can_edit(request.user, person),
    }
    return render(request, "people/detail.html", context)


@login_required
def person_create(request):
    if not is_editor(request.user):
        raise PermissionDenied
    form = PersonForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = services.person_create(**form.cleaned_data)
        messages.success(request, _("The person was saved."))
        return saved_redirect(request, person)
    return render(request, "people/form.html", {"form": form})


@login_required
def person_edit(request, pk: int):
    person = _get_person(request, pk)
    if not can_edit(request.user, person):
        raise PermissionDenied
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(person=person, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The person was saved."))
            return redirect(person)
    return render(request, "people/form.html", {"form": form, "person": person})


@login_required
def post_create(request, pk: int):
    person = _get_person(request, pk)
    if not can_edit(request.user, person):
        raise PermissionDenied
    form = PostForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.post_create(person=person, **form.cleaned_data)
        messages.success(request, _("The post was saved."))
        return redirect(person)
    return render(request, "people/post_form.html", {"form": form, "person": person})


@login_required
def post_edit(request, pk: int):
    try:
        post = selectors.post_detail(user=request.user, pk=pk)
    except Post.DoesNotExist as exc:
        raise Http404 from exc
    if not can_edit(request.user, post.person):
        raise PermissionDenied
    form = PostForm(request.POST or None, instance=post, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_update(post=post, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The post was saved."))
            return redirect(post.person)
    context = {"form": form, "person": post.person, "post": post}
    return render(request, "people/post_form.html", context)
