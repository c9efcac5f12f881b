from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from twinning.accounts.selectors import is_editor, visible_to
from twinning.ingestion import selectors, services
from twinning.ingestion.facts import NAME_FIELDS
from twinning.ingestion.filters import DocumentFilter
from twinning.ingestion.forms import UploadForm, fact_form, review_links
from twinning.ingestion.highlight import highlighted_text
from twinning.ingestion.models import IngestionJob, Suggestion, SuggestionKind
from twinning.ingestion.tasks import ingestion_job_run
from twinning.ingestion.uploads import SizeLimitUploadHandler
from twinning.sources.models import Source

PER_PAGE = 50


def _editor_only(request) -> None:
    if not is_editor(request.user):
        raise PermissionDenied


@login_required
def document_list(request):
    _editor_only(request)
    queryset = selectors.document_list(user=request.user)
    filterset = DocumentFilter(request.GET, queryset=queryset)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    template = "ingestion/_documents.html" if request.htmx else "ingestion/list.html"
    jobs = selectors.job_list(user=request.user)[:5]
    return render(request, template, {"filter": filterset, "page": page, "jobs": jobs})


@csrf_exempt
@login_required
def upload(request):
    _editor_only(request)
    # The size limit has to be in place before the body is parsed, which the CSRF check
    # would otherwise do first; the check runs just after, below.
    handler = SizeLimitUploadHandler(request, max_bytes=services.max_upload_bytes())
    request.upload_handlers.insert(0, handler)
    return _upload(request, handler)


@csrf_protect
def _upload(request, handler):
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        too_large=handler.too_large,
        max_bytes=handler.max_bytes,
    )
    if request.method == "POST" and form.is_valid():
        job = services.job_create(
            user=request.user,
            files=form.cleaned_data["files"],
            owner=form.cleaned_data["owner"],
            is_public=form.cleaned_data["is_public"],
        )
        result = ingestion_job_run.enqueue(job_id=job.pk)
        job = services.job_queued(job=job, task_id=result.id)
        return redirect(job)
    return render(request, "ingestion/upload.html", {"form": form, "max_bytes": handler.max_bytes})


@login_required
def job_detail(request, pk: int):
    try:
        job = selectors.job_detail(user=request.user, pk=pk)
    except IngestionJob.DoesNotExist as exc:
        raise Http404 from exc
    template = "ingestion/_job.html" if request.htmx else "ingestion/job.html"
    return render(request, template, {"job": job})


def _reviewable_source(request, pk: int) -> Source:
    _editor_only(request)
    try:
        return selectors.document_for_review(user=request.user, pk=pk)
    except Source.DoesNotExist as exc:
        # A source the user sees but may not review; one the user may not see reads as
        # one that does not exist.
        if visible_to(Source.objects.filter(pk=pk), request.user).exists():
            raise PermissionDenied from exc
        raise Http404 from exc


@login_required
def review(request, pk: int):
    source = _reviewable_source(request, pk)
    suggestions = selectors.suggestion_list(source=source)
    names = selectors.names_match(suggestions, user=request.user)
    groups = {kind: [] for kind in SuggestionKind.values}
    for suggestion in suggestions:
        suggestion.names = names.get(suggestion.pk, [])
        groups[suggestion.kind].append(suggestion)
    context = {
        "source": source,
        "text": highlighted_text(source.text, suggestions),
        "groups": [(SuggestionKind(kind).label, items) for kind, items in groups.items() if items],
        "count": len(suggestions),
    }
    return render(request, "ingestion/review.html", context)


def _reviewable_suggestion(request, pk: int) -> Suggestion:
    _editor_only(request)
    try:
        return selectors.suggestion_for_review(user=request.user, pk=pk)
    except Suggestion.DoesNotExist as exc:
        sources = visible_to(Source.objects.all(), request.user)
        if Suggestion.objects.filter(pk=pk, source__in=sources).exists():
            raise PermissionDenied from exc
        raise Http404 from exc


def _after_review(request, suggestion: Suggestion, error: str = "", form=None):
    if request.htmx:
        # Reload: the record the suggestion became, or its names' matches for another try.
        suggestion = selectors.suggestion_for_review(user=request.user, pk=suggestion.pk)
        suggestion.names = selectors.names_match([suggestion], user=request.user).get(
            suggestion.pk, []
        )
        context = {"suggestion": suggestion, "error": error, "form": form}
        return render(request, "ingestion/_suggestion.html", context)
    if error:
        messages.error(request, error)
    return redirect(suggestion)


def _first_error(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _decision(decide):
    """Return the POST view that applies one review decision and shows the result."""

    @login_required
    @require_POST
    def view(request, pk: int):
        suggestion = _reviewable_suggestion(request, pk)
        try:
            decide(request, suggestion)
        except ValidationError as exc:
            return _after_review(request, suggestion, error=_first_error(exc))
        return _after_review(request, suggestion)

    return view


suggestion_accept = _decision(
    lambda request, suggestion: services.suggestion_accept(
        suggestion=suggestion, user=request.user, links=review_links(request.POST)
    )
)
suggestion_reject = _decision(
    lambda request, suggestion: services.suggestion_reject(suggestion=suggestion, user=request.user)
)
suggestion_reopen = _decision(
    lambda request, suggestion: services.suggestion_reopen(suggestion=suggestion, user=request.user)
)


@login_required
def suggestion_edit(request, pk: int):
    suggestion = _reviewable_suggestion(request, pk)
    form = fact_form(suggestion, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            # The correction is kept even when a name still needs the reviewer's decision.
            services.suggestion_correct(suggestion=suggestion, fields=form.to_fields())
            services.suggestion_accept(
                suggestion=suggestion, user=request.user, links=review_links(request.POST)
            )
        except ValidationError as exc:
            names = NAME_FIELDS.get(suggestion.kind, {})
            if set(getattr(exc, "error_dict", {})) & set(names):
                # A name to link or confirm: show the suggestion with its choices.
                return _after_review(request, suggestion, error=_first_error(exc))
            form.add_error(None, exc)
        else:
            return _after_review(request, suggestion)
    if request.htmx:
        return render(
            request, "ingestion/_suggestion.html", {"suggestion": suggestion, "form": form}
        )
    return render(request, "ingestion/edit.html", {"suggestion": suggestion, "form": form})
